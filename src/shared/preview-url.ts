// Preview URL templates of the schema document (docs/api.md §13.5): where the dashboard's Preview
// button sends an editor, e.g. `https://www.example.com/api/preview?slug={slug}&token={preview_token}`.
// The server checks them and the dashboard fills them, with this one file (no Node imports).

/** The placeholders a template may name, each filled with its value URL-encoded. */
export const PREVIEW_PLACEHOLDERS = ['page_type', 'key', 'slug', 'id', 'locale', 'preview_token'] as const;

export type PreviewPlaceholder = (typeof PREVIEW_PLACEHOLDERS)[number];

/** What one preview fills a template with; a placeholder without a value becomes empty. */
export type PreviewValues = Partial<Record<PreviewPlaceholder, string | number | null>>;

/** The longest template a schema document may hold, in characters. */
export const PREVIEW_URL_MAX = 2000;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Whether a name is one of PREVIEW_PLACEHOLDERS. */
export function isPreviewPlaceholder(name: string): name is PreviewPlaceholder {
  return (PREVIEW_PLACEHOLDERS as readonly string[]).includes(name);
}

/** The names of a template's `{...}` placeholders, in order, known or not. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Fills a template: each placeholder becomes its value, URL-encoded (`encodeURIComponent`), or
 * nothing when it has none.
 * @example fillPreviewUrl('https://site.test/p/{slug}?t={preview_token}', { slug: 'a b', preview_token: 'ghee_p_1' })
 *   // 'https://site.test/p/a%20b?t=ghee_p_1'
 */
export function fillPreviewUrl(template: string, values: PreviewValues): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = isPreviewPlaceholder(name) ? values[name] : undefined;
    return value === undefined || value === null ? '' : encodeURIComponent(String(value));
  });
}
