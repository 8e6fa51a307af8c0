import type { AccountSchema, ContentType } from '../account-schema.js';
import { componentFields } from '../empty-value.js';
import { storedLeaves } from '../schema/stored-leaves.js';
import { isHtmlField, rootOf } from '../schema/type-changes.js';
import { limitMessage } from './html-limits.js';
import type { HtmlOutcome } from './html-worker.js';
import { sanitizeGrouped } from './sanitize-stored.js';

/** Rich text of imported content past the HTML limits: the import stops and says where. */
export class ImportedHtmlError extends Error {}

function cleanOrThrow(outcome: HtmlOutcome, where: string): string {
  if ('html' in outcome) return outcome.html;
  throw new ImportedHtmlError(
    `${where}: ${limitMessage(outcome)} Raise HTML_MAX_BYTES or HTML_MAX_DEPTH to import it.`,
  );
}

/**
 * Sanitises, in place, the rich-text values of one version being imported (a ButterCMS copy, a
 * `ghee import` archive), wherever they are nested, as a write would: an import is no way around
 * the sanitiser. A value past the HTML limits stops the import with an ImportedHtmlError naming
 * `where` and the field.
 */
export async function sanitizeImportedFields(
  type: ContentType,
  values: unknown,
  schema: AccountSchema,
  where: string,
): Promise<void> {
  const leaves = storedLeaves(type.fields, values, {
    root: rootOf(type.kind, type.key),
    componentOf: (key) => componentFields(schema, key),
    wanted: (_at, field) => isHtmlField(field),
  }).filter((leaf) => typeof leaf.value === 'string');
  const outcomes = await sanitizeGrouped(leaves.map((leaf) => leaf.value as string));
  leaves.forEach((leaf, i) => leaf.set(cleanOrThrow(outcomes[i]!, `${where}, ${leaf.at}`)));
}

/** Sanitises one imported post body; past the HTML limits, an ImportedHtmlError naming `where`. */
export async function sanitizeImportedBody(body: string, where: string): Promise<string> {
  const [outcome] = await sanitizeGrouped([body]);
  return cleanOrThrow(outcome!, where);
}
