// A change to the schema or the locales, as `schema apply` prints it and the admin API answers it.

export interface SchemaChangeLine {
  op: '+' | '-' | '~';
  /** Document path: `collections.brands`, `page_types.landing_page.fields.subtitle`, `locales.es`. */
  path: string;
  /** What is added, removed or changed: `short_text`, `12 items`, `short_text -> number`. */
  description: string;
  /** True when applying the change deletes or invalidates stored content. */
  data_loss: boolean;
  /** The diff line: `- page_types.landing_page.fields.subtitle (short_text) [data loss]`. */
  line: string;
}
