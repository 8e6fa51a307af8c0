import { useState } from 'react';
import { ApiError } from '../../api';
import { useSubmit } from '../../hooks/use-submit';
import type { MediaItem, MediaUse } from '../../../../src/shared/media';
import { Confirm, ErrorNotice } from '../../ui';
import { deleteMedia, mediaUses } from './media-api';
import { displayName } from './media-format';
import { UseList } from './where-used';

/**
 * Deletes a file after asking. While it is used the server refuses (409): the dialog then lists
 * where, and offers to delete it anyway, leaving those entries pointing at a missing file.
 */
export function DeleteFile({
  accountId,
  item,
  onDeleted,
}: {
  accountId: number;
  item: MediaItem;
  onDeleted: (item: MediaItem) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [uses, setUses] = useState<MediaUse[] | null>(null);
  const { busy, error, run } = useSubmit();
  const close = () => {
    setAsking(false);
    setUses(null);
  };
  const remove = () =>
    void run(async () => {
      const force = uses !== null;
      try {
        await deleteMedia(accountId, item.name, force);
      } catch (e) {
        if (e instanceof ApiError && e.status === 409 && !force) {
          setUses(await mediaUses(accountId, item.name));
          return;
        }
        throw e;
      }
      close();
      onDeleted(item);
    });
  return (
    <section className="details-section" aria-labelledby="delete-title">
      <h3 id="delete-title">Delete the file</h3>
      <button type="button" className="danger" onClick={() => setAsking(true)} disabled={busy}>
        Delete file
      </button>
      {asking && (
        <Confirm
          title={uses ? 'This file is in use' : `Delete ${displayName(item)}?`}
          confirmLabel={busy ? 'Deleting…' : uses ? 'Delete anyway' : 'Delete'}
          danger
          onConfirm={remove}
          onCancel={close}
        >
          {uses ? (
            <>
              <p>
                It is used {uses.length === 1 ? 'in 1 place' : `in ${uses.length} places`}. Deleted, those will point at
                a file that is gone: replace it there first, or delete it anyway.
              </p>
              <UseList uses={uses} />
            </>
          ) : (
            <p>The file is removed from the library and no longer served. This cannot be undone.</p>
          )}
          <ErrorNotice error={error} />
        </Confirm>
      )}
    </section>
  );
}
