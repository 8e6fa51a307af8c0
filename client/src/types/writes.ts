/** Query parameters of creates and updates. */
export interface WriteParams {
  /** The locale flat `fields` are written in (default: the account's default locale). */
  locale?: string;
}

/** Query parameters of deletes. */
export interface DeleteParams {
  /** Delete even while other content references it (the references then read as gone). */
  force?: boolean;
}
