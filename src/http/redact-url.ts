/**
 * Query parameters that carry a secret, by their decoded name in lower case: the API token
 * (`auth_token`, docs/api.md §2), and `token`, the name secrets take in links.
 */
const SECRET_PARAMETERS = new Set(['auth_token', 'token']);

/** Paths that carry a secret in a segment: invitation links hold their one-time token. */
const SECRET_PATH = /^(\/admin\/(?:api\/invitations|invite)\/)[^/?#]+/i;

/**
 * A request URL as it may be logged: the values of secret parameters replaced by `[redacted]`.
 * Parameter names are compared as the app reads them (percent-escapes and `+` decoded, as
 * URLSearchParams does), so `?auth%5Ftoken=...` or `?AUTH_TOKEN=...` are redacted too, each time
 * a name is repeated.
 */
export function redactUrl(url: string): string {
  const path = url.replace(SECRET_PATH, '$1[redacted]');
  const mark = path.indexOf('?');
  if (mark === -1) return path;
  const pairs = path
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals === -1 ? pair : pair.slice(0, equals);
      return SECRET_PARAMETERS.has(decodedName(rawName).toLowerCase()) ? `${rawName}=[redacted]` : pair;
    });
  return `${path.slice(0, mark + 1)}${pairs.join('&')}`;
}

function decodedName(raw: string): string {
  for (const [name] of new URLSearchParams(`${raw}=`)) return name;
  return '';
}
