import { useState } from 'react';
import { useSubmit } from '../../hooks/use-submit';
import type { MediaItem } from '../../../../src/shared/media';
import { ErrorNotice, Notice } from '../../ui';
import { FilePickButton } from './file-pick-button';
import { replaceMedia } from './media-api';

const changed = (n: number) =>
  n === 0
    ? 'No entry or post used it.'
    : n === 1
      ? '1 entry or post now uses the new file.'
      : `${n} entries and posts now use the new file.`;

/** Uploads a new file in the place of this one: every reference to it moves to the new file. */
export function ReplaceFile({
  accountId,
  item,
  onReplaced,
}: {
  accountId: number;
  item: MediaItem;
  onReplaced: (item: MediaItem) => void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const { busy, error, notice, run } = useSubmit();
  const replace = (files: File[]) =>
    void run(async () => {
      const file = files[0];
      if (!file) return;
      setProgress(0);
      try {
        const { media, replaced } = await replaceMedia(accountId, item.name, file, setProgress);
        onReplaced(media);
        return `Replaced by ${file.name}. ${changed(replaced)}`;
      } finally {
        setProgress(null);
      }
    });
  return (
    <section className="details-section" aria-labelledby="replace-title">
      <h3 id="replace-title">Replace the file</h3>
      <p className="hint">
        Upload a new version: the pages, items and posts that use this file then use the new one, with the same alt
        text, caption, tags and focal point.
      </p>
      <div className="actions">
        <FilePickButton
          id="media-replace"
          label={busy ? 'Replacing…' : 'Replace file'}
          disabled={busy}
          onFiles={replace}
        />
        {progress !== null && <progress max={1} value={progress} aria-label="Upload of the new file" />}
      </div>
      <ErrorNotice error={error} />
      {notice && <Notice kind="ok">{notice}</Notice>}
    </section>
  );
}
