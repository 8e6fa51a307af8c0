import { useEffect, useState } from 'react';
import { FilterSelect } from '../../components/list-filters';
import { MEDIA_KINDS, MEDIA_TAG_MAX_LENGTH } from '../../../../src/shared/media';
import { KIND_LABELS } from './media-format';
import type { MediaFilters } from './media-api';

/** The longest search the API takes (src/media/library/media-filter.ts). */
const SEARCH_MAX_LENGTH = 200;

/** How long typing must pause before the grid searches: one request per word, not per key. */
const DEBOUNCE_MS = 300;

/** A text input whose value reaches `onChange` only once typing pauses. */
function DebouncedInput({
  id,
  label,
  value,
  onChange,
  ...rest
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  type?: string;
  placeholder?: string;
  list?: string;
}) {
  const [text, setText] = useState(value);
  // Follows the value set from outside (a cleared filter), keeping what is being typed around it.
  useEffect(() => setText((t) => (t.trim() === value ? t : value)), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onChange(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="field grow">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={text} onChange={(e) => setText(e.target.value)} {...rest} />
    </div>
  );
}

/** Search, kind of file and tag: the grid follows each as it changes. */
export function MediaFilterBar({
  filters,
  onChange,
  knownTags,
}: {
  filters: MediaFilters;
  onChange: (filters: MediaFilters) => void;
  /** Tags of the files loaded so far, offered as the tag filter's suggestions. */
  knownTags: string[];
}) {
  return (
    <form className="filters" role="search" aria-label="Filter media" onSubmit={(e) => e.preventDefault()}>
      <DebouncedInput
        id="media-search"
        label="Search"
        type="search"
        placeholder="Name, alt text, caption or tag"
        maxLength={SEARCH_MAX_LENGTH}
        value={filters.q}
        onChange={(q) => onChange({ ...filters, q })}
      />
      <FilterSelect
        id="media-type"
        label="Type"
        value={filters.type}
        onChange={(type) => onChange({ ...filters, type })}
      >
        <option value="">All types</option>
        {MEDIA_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </FilterSelect>
      <DebouncedInput
        id="media-tag"
        label="Tag"
        placeholder="Any tag"
        maxLength={MEDIA_TAG_MAX_LENGTH}
        list="media-known-tags"
        value={filters.tag}
        onChange={(tag) => onChange({ ...filters, tag })}
      />
      <datalist id="media-known-tags">
        {knownTags.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
    </form>
  );
}
