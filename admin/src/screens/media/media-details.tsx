import { useEffect, useRef, useState } from 'react';
import type { MediaItem } from '../../../../src/shared/media';
import { ErrorNotice, Loading, useLoad, when } from '../../ui';
import { CopyUrl } from './copy-url';
import { DeleteFile } from './delete-file';
import { DescribeForm } from './describe-form';
import { getMedia } from './media-api';
import { dimensionsOf, displayName, extensionOf, formatSize, isImageItem, localSrc } from './media-format';
import { ReplaceFile } from './replace-file';
import { WhereUsed } from './where-used';

/** A preview of a file that is not an image: a player, or a link that opens it. */
function FilePreview({ item }: { item: MediaItem }) {
  const src = localSrc(item.url);
  if (item.mime.startsWith('video/')) return <video className="media-preview" src={src} controls preload="metadata" />;
  if (item.mime.startsWith('audio/')) return <audio className="media-preview" src={src} controls preload="metadata" />;
  return (
    <a className="media-preview media-doc" href={src} target="_blank" rel="noreferrer">
      <span className="media-ext">{extensionOf(item)}</span> Open the file
    </a>
  );
}

function Facts({ item }: { item: MediaItem }) {
  return (
    <dl className="features media-facts">
      <dt>Type</dt>
      <dd>{item.mime}</dd>
      <dt>Size</dt>
      <dd>{formatSize(item.size)}</dd>
      {dimensionsOf(item) && (
        <>
          <dt>Dimensions</dt>
          <dd>{dimensionsOf(item)} px</dd>
        </>
      )}
      <dt>Uploaded</dt>
      <dd>{when(item.created)}</dd>
      <dt>Stored as</dt>
      <dd>
        <code className="media-name">{item.name}</code>
      </dd>
    </dl>
  );
}

/**
 * The details of one file, in a modal side panel (native <dialog>: focus stays inside and Escape
 * closes it): preview, address, description, where it is used, replace and delete.
 */
export function MediaDetails({
  accountId,
  name,
  editable,
  onClose,
  onSaved,
  onReplaced,
  onDeleted,
}: {
  accountId: number;
  name: string;
  editable: boolean;
  onClose: () => void;
  onSaved: (item: MediaItem) => void;
  onReplaced: (item: MediaItem) => void;
  onDeleted: (item: MediaItem) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const loaded = useLoad(() => getMedia(accountId, name), [accountId, name]);
  const [usesTick, setUsesTick] = useState(0);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const item = loaded.data;
  return (
    <dialog
      ref={ref}
      className="dialog drawer"
      aria-labelledby="media-details-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="heading-row">
        <h2 id="media-details-title" className="media-title">
          {item ? displayName(item) : 'File details'}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {loaded.error ? (
        <ErrorNotice error={loaded.error} />
      ) : !item ? (
        <Loading what="the file" />
      ) : (
        <>
          {!isImageItem(item) && <FilePreview item={item} />}
          {/* Keyed: a replaced file (a new name) starts from its own description. */}
          <DescribeForm
            key={item.name}
            accountId={accountId}
            item={item}
            editable={editable}
            onSaved={(saved) => {
              loaded.setData(saved);
              onSaved(saved);
            }}
          />
          <CopyUrl url={item.url} />
          <Facts item={item} />
          <WhereUsed accountId={accountId} name={item.name} tick={usesTick} />
          {editable && (
            <ReplaceFile
              accountId={accountId}
              item={item}
              onReplaced={(media) => {
                loaded.setData(media);
                setUsesTick((t) => t + 1);
                onReplaced(media);
              }}
            />
          )}
          {editable && <DeleteFile accountId={accountId} item={item} onDeleted={onDeleted} />}
        </>
      )}
    </dialog>
  );
}
