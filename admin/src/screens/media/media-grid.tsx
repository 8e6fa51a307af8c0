import { useState, type KeyboardEvent } from 'react';
import type { MediaItem } from '../../../../src/shared/media';
import { MediaCard } from './media-card';

/** How many tiles a row of the grid holds, read from its laid-out columns. */
function columnsOf(list: HTMLElement): number {
  return Math.max(1, getComputedStyle(list).gridTemplateColumns.split(' ').filter(Boolean).length);
}

/**
 * The library's files as a grid of tiles. One tile is in the Tab order; the arrow keys, Home and
 * End move between tiles; Enter or Space opens one.
 */
export function MediaGrid({ items, onOpen }: { items: MediaItem[]; onOpen: (item: MediaItem) => void }) {
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, items.length - 1));

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const cols = columnsOf(e.currentTarget);
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: cols,
      ArrowUp: -cols,
      Home: -items.length,
      End: items.length,
    };
    const by = step[e.key];
    if (by === undefined) return;
    e.preventDefault();
    const next = Math.min(items.length - 1, Math.max(0, current + by));
    setActive(next);
    e.currentTarget.querySelectorAll<HTMLButtonElement>('button.library-card')[next]?.focus();
  };

  return (
    <ul className="media-grid library-grid" aria-label="Media files" onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <MediaCard
          key={item.name}
          item={item}
          tabbable={i === current}
          onOpen={() => onOpen(item)}
          onFocus={() => setActive(i)}
        />
      ))}
    </ul>
  );
}
