import { useState } from 'react';
import { useSubmit } from '../../hooks/use-submit';
import { Confirm, ErrorNotice, Notice } from '../../ui';
import { purgeTrashOlderThan } from './history-api';

/** An admin's "purge everything deleted more than N days ago", after asking. */
export function PurgeOlder({ accountId, onPurged }: { accountId: number; onPurged: () => void }) {
  const [days, setDays] = useState('30');
  const [asking, setAsking] = useState(false);
  const { busy, error, notice, run } = useSubmit();
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 0 && days.trim() !== '';
  const purge = () => {
    setAsking(false);
    void run(async () => {
      const purged = await purgeTrashOlderThan(accountId, n);
      onPurged();
      return purged === 1 ? 'Purged 1 entry from the trash.' : `Purged ${purged} entries from the trash.`;
    });
  };
  return (
    <section className="details-section" aria-labelledby="purge-older-title">
      <h2 id="purge-older-title">Purge old entries</h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setAsking(true);
        }}
      >
        <div className="field narrow">
          <label htmlFor="purge-days">Deleted more than (days ago)</label>
          <input
            id="purge-days"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </div>
        <button type="submit" className="danger" disabled={busy || !valid}>
          Purge older entries
        </button>
      </form>
      {notice && !error && <Notice kind="ok">{notice}</Notice>}
      <ErrorNotice error={error} />
      {asking && (
        <Confirm
          title={`Purge what was deleted more than ${n} days ago?`}
          confirmLabel="Purge for good"
          danger
          onCancel={() => setAsking(false)}
          onConfirm={purge}
        >
          <p>Those entries and their history are removed for good. This cannot be undone.</p>
        </Confirm>
      )}
    </section>
  );
}
