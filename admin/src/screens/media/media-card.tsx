import type { MediaItem } from '../../../../src/shared/media';
import { altOf, dimensionsOf, displayName, extensionOf, formatSize, localSrc } from './media-format';

/** A file's tile: its thumbnail (or its extension), name, size and dimensions. Opens its details. */
export function MediaCard({
  item,
  tabbable,
  onOpen,
  onFocus,
}: {
  item: MediaItem;
  /** The one tile of the grid that Tab reaches; the arrow keys move between the others. */
  tabbable: boolean;
  onOpen: () => void;
  onFocus: () => void;
}) {
  const dims = dimensionsOf(item);
  return (
    <li className="library-item">
      <button
        type="button"
        className="media-card library-card"
        tabIndex={tabbable ? 0 : -1}
        data-media-name={item.name}
        aria-haspopup="dialog"
        onClick={onOpen}
        onFocus={onFocus}
      >
        <span className="media-thumb">
          {item.thumbnail_url ? (
            <img src={localSrc(item.thumbnail_url)} alt={altOf(item)} loading="lazy" decoding="async" />
          ) : (
            <span className="media-ext" aria-hidden="true">
              {extensionOf(item)}
            </span>
          )}
        </span>
        <span className="media-name" title={displayName(item)}>
          {displayName(item)}
        </span>
        <span className="hint">
          {item.mime} · {formatSize(item.size)}
          {dims && ` · ${dims}`}
        </span>
        {item.tags.length > 0 && (
          <span className="tag-list">
            {item.tags.map((t) => (
              <span key={t} className="badge muted">
                {t}
              </span>
            ))}
          </span>
        )}
      </button>
    </li>
  );
}
