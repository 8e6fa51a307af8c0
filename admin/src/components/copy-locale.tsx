import { useState } from 'react';
import type { Entry, Locale } from '../types';
import { ErrorNotice, Notice } from '../ui';

/**
 * Offered on an entry's locale that has nothing written yet: fills the form with another locale's
 * newest version (the default locale's, else the first that has one), to translate and save as
 * this locale's version. Nothing is stored until the editor saves.
 */
export function CopyFromLocale({ entry, locales, what, load, onCopy }: {
  entry: Entry | null;
  locales: Locale[];
  /** "page" or "item", for the sentence. */
  what: string;
  /** Reads the entry in another locale. */
  load: (locale: string) => Promise<Entry>;
  onCopy: (source: Entry) => void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState('');
  if (!entry || entry.status !== null) return null;
  if (copied) return <Notice kind="ok">Copied from {copied}. Translate it, then save a draft or publish: nothing is stored before.</Notice>;
  const written = locales.filter((l) => l.slug !== entry.locale && entry.locales.includes(l.slug));
  const source = written.find((l) => l.default) ?? written[0];
  if (!source) return null;
  const here = locales.find((l) => l.slug === entry.locale)?.name ?? entry.locale;
  const copy = async () => {
    setBusy(true);
    setError(null);
    try {
      onCopy(await load(source.slug));
      setCopied(source.name);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice notice-info copy-locale" role="region" aria-label="Start this locale">
      <p>This {what} has nothing in {here} yet. Start from the {source.name} version and translate it, or fill the fields in yourself.</p>
      <button type="button" disabled={busy} onClick={() => void copy()}>Copy from {source.name}</button>
      <ErrorNotice error={error} />
    </div>
  );
}
