import { useState } from 'react';

/** What the page editor holds before a save: the type (chosen when new), title, slug and field values. */
export function usePageDraft(initialType: string, slug: string, isNew: boolean) {
  const [typeKey, setTypeKey] = useState(initialType);
  const [title, setTitle] = useState('');
  const [newSlug, setNewSlug] = useState(slug);
  // A new page's slug follows its title until it is edited by hand.
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const [values, setValues] = useState<Record<string, unknown>>({});
  return { typeKey, setTypeKey, title, setTitle, newSlug, setNewSlug, slugTouched, setSlugTouched, values, setValues };
}

/** The page editor's draft and its setters. */
export type PageDraft = ReturnType<typeof usePageDraft>;
