import { useState } from 'react';
import { useSubmit } from '../../hooks/use-submit';
import { navigate } from '../../router';
import { qs } from '../../api';
import { Confirm, ErrorNotice } from '../../ui';
import { restoreVersion, type VersionSummary } from './history-api';
import { versionLabel } from './history-format';

/**
 * Restores a version after asking whether as a draft or published, then opens the entry's editor
 * (`editorPath`), which reads the restored content and names the fields left out.
 */
export function RestoreVersion({
  accountId,
  entryPath,
  editorPath,
  version,
}: {
  accountId: number;
  entryPath: string;
  editorPath: string;
  version: VersionSummary;
}) {
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState<'draft' | 'published'>('draft');
  const { busy, error, run } = useSubmit();
  const restore = () =>
    void run(async () => {
      const leftOut = await restoreVersion(accountId, entryPath, version.id, status);
      const back = { locale: version.locale, restored: version.id, as: status, left_out: leftOut.join(',') };
      navigate(`${editorPath}${qs(back)}`);
    });
  const name = `restore-as-${version.id}`;
  return (
    <>
      <button
        type="button"
        className="small"
        onClick={() => setAsking(true)}
        aria-label={`Restore version #${version.id}`}
      >
        Restore…
      </button>
      {asking && (
        <Confirm
          title={`Restore version ${versionLabel(version)}?`}
          confirmLabel={busy ? 'Restoring…' : status === 'draft' ? 'Restore as draft' : 'Restore and publish'}
          onConfirm={restore}
          onCancel={() => setAsking(false)}
        >
          <p>
            Its content becomes the newest version{version.locale ? ` in ${version.locale}` : ''}. Nothing is lost: the
            version it replaces stays in the history.
          </p>
          <fieldset className="plain">
            <legend>Restore as</legend>
            {(['draft', 'published'] as const).map((s) => (
              <label key={s} className="check">
                <input type="radio" name={name} value={s} checked={status === s} onChange={() => setStatus(s)} />
                {s === 'draft' ? 'A draft (published readers keep what they see)' : 'Published (live at once)'}
              </label>
            ))}
          </fieldset>
          <ErrorNotice error={error} />
        </Confirm>
      )}
    </>
  );
}
