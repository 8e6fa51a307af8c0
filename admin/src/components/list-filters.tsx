import type { ReactNode } from 'react';

/** One filter of a list screen: a labelled select that applies as soon as it changes. */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </select>
    </div>
  );
}

/** A list screen's free-text search, applied when its filter form is submitted. */
export function FilterSearch(props: { value: string; onChange: (value: string) => void; placeholder: string }) {
  return (
    <div className="field grow">
      <label htmlFor="filter-query">Search</label>
      <input
        id="filter-query"
        type="search"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        maxLength={256}
      />
    </div>
  );
}
