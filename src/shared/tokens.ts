// API tokens as the admin API and the CLI show them: never the secret after creation.

export type TokenKind = 'read' | 'write';

export interface TokenSummary {
  id: number;
  kind: TokenKind;
  prefix: string;
  last4: string;
  label: string;
  created: string;
  last_used: string | null;
  revoked: boolean;
}

/** A token just made or rotated: its summary, and its full value, shown this once. */
export interface IssuedToken extends TokenSummary {
  token: string;
}
