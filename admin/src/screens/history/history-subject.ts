/** The entry whose history is shown. */
export interface HistorySubject {
  /** Its admin API path under the account: `/pages/<type>/<slug>`, `/items/<key>/<id>`, `/posts/<slug>`. */
  entryPath: string;
  /** Its editor's dashboard path. */
  editorPath: string;
  /** The list it belongs to, for the crumbs. */
  list: { to: string; label: string };
  title: string;
  /** Pages and items keep a history per locale; posts have none. */
  localized: boolean;
}

/** The entry of a history path: `/pages/<type>/<slug>/history`, `/collections/<key>/<id>/history`, `/posts/<slug>/history`. */
export function historySubject(a?: string, b?: string, c?: string, d?: string): HistorySubject | null {
  const enc = encodeURIComponent;
  if (a === 'pages' && b && c && d === 'history') {
    const path = `/pages/${enc(b)}/${enc(c)}`;
    return { entryPath: path, editorPath: path, list: { to: '/pages', label: 'Pages' }, title: c, localized: true };
  }
  if (a === 'collections' && b && c && d === 'history')
    return {
      entryPath: `/items/${enc(b)}/${enc(c)}`,
      editorPath: `/collections/${enc(b)}/${enc(c)}`,
      list: { to: `/collections/${enc(b)}`, label: b },
      title: `Item #${c}`,
      localized: true,
    };
  if (a === 'posts' && b && c === 'history') {
    const path = `/posts/${enc(b)}`;
    return {
      entryPath: path,
      editorPath: path,
      list: { to: '/posts', label: 'Blog posts' },
      title: b,
      localized: false,
    };
  }
  return null;
}
