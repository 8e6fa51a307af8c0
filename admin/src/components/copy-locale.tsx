import type { LocaleSummary } from '../../../src/shared/accounts';
import { useSubmit } from '../hooks/use-submit';
import type { Entry } from '../types';
import { ErrorNotice, Notice } from '../ui';

/**
 * Offered on an entry's locale that has nothing written yet: fills the form with another locale's
 * newest version (the default locale's, else the first that has one), to translate and save as
 * this locale's version. Nothing is stored until the editor saves.
 */
export function CopyFromLocale({
  entry,
  locales,
  what,
  load,
  onCopy,
}: {
  entry: Entry | null;
  locales: LocaleSummary[];
  /** "page" or "item", for the sentence. */
  what: string;
  /** Reads the entry in another locale. */
  load: (locale: string) => Promise<Entry>;
  onCopy: (source: Entry) => void;
}) {
  const { busy, error, notice, run } = useSubmit();
  if (!entry || entry.status !== null) return null;
  if (notice) return <Notice kind="ok">{notice}</Notice>;
  const written = locales.filter((l) => l.slug !== entry.locale && entry.locales.includes(l.slug));
  const source = written.find((l) => l.default) ?? written[0];
  if (!source) return null;
  const here = locales.find((l) => l.slug === entry.locale)?.name ?? entry.locale;
  const copy = () =>
    run(async () => {
      onCopy(await load(source.slug));
      return `Copied from ${source.name}. Translate it, then save a draft or publish: nothing is stored before.`;
    });
  return (
    <div className="notice notice-info copy-locale" role="region" aria-label="Start this locale">
      <p>
        This {what} has nothing in {here} yet. Start from the {source.name} version and translate it, or fill the fields
        in yourself.
      </p>
      <button type="button" disabled={busy} onClick={() => void copy()}>
        Copy from {source.name}
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}
