/** The answer to an accepted write: applied durably before it is sent (API.md section 4). */
export const ACCEPTED = { status: 202, body: { status: 'pending' } } as const;
