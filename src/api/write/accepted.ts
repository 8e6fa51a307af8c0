/** The answer to an accepted write: applied durably before it is sent (docs/api.md §4). */
export const ACCEPTED = { status: 202, body: { status: 'pending' } } as const;
