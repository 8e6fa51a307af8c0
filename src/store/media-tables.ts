/** A file in an account's media library (migration 008); the bytes are in the shared media store. */
export interface MediaTable {
  account_id: number;
  /** The stored file name, `<sha256>.<ext>`. */
  name: string;
  mime: string;
  size: number;
  created: string;
}

export interface MediaTables {
  media: MediaTable;
}
