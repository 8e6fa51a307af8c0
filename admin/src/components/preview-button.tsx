import { useState } from 'react';
import { fillPreviewUrl, type PreviewValues } from '../../../src/shared/preview-url';
import { api, accountPath } from '../api';
import { useAccount } from '../context';

/** Whether a filled template may be opened: only http(s), whatever the schema held. */
function openable(url: string): boolean {
  try {
    const protocol = new URL(url).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * "Preview": opens the site's preview of the entry in a new tab, at the schema's `preview_url`
 * template filled with the entry and a fresh preview token (read-only, expiring). The tab is
 * opened at once, while the click still counts as the user's, and sent on when the token is
 * there; it gets no `opener`. Absent without a template.
 */
export function PreviewButton({
  template,
  values,
  onError,
}: {
  template: string | undefined;
  values: Omit<PreviewValues, 'preview_token'>;
  onError: (error: unknown) => void;
}) {
  const { account } = useAccount();
  const [busy, setBusy] = useState(false);
  if (!template) return null;
  const open = async () => {
    const tab = window.open('about:blank', '_blank');
    if (tab) tab.opener = null;
    setBusy(true);
    try {
      const { data } = await api<{ data: { token: string } }>('POST', accountPath(account.id, '/preview-tokens'), {});
      const url = fillPreviewUrl(template, { ...values, preview_token: data.token });
      if (!openable(url)) throw new Error('The preview URL of the schema is not an http or https address.');
      if (tab) tab.location.href = url;
      else window.open(url, '_blank', 'noopener');
    } catch (error) {
      tab?.close();
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="preview-button" disabled={busy} onClick={() => void open()}>
      Preview
      <span aria-hidden="true"> ↗</span>
      <span className="visually-hidden"> (opens your site in a new tab)</span>
    </button>
  );
}
