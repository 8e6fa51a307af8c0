import type { SchemaChangeLine } from '../../../src/shared/schema-changes';

/** The unsaved schema changes: review them as the server's diff, discard them, or save them. */
export function SchemaReview({
  dirty,
  changes,
  onReview,
  onDiscard,
  onSave,
}: {
  dirty: boolean;
  changes: SchemaChangeLine[] | null;
  onReview: () => void;
  onDiscard: () => void;
  onSave: () => void;
}) {
  return (
    <div className="card review">
      <h2>Changes</h2>
      {!dirty && !changes ? (
        <p className="hint">No unsaved changes.</p>
      ) : (
        <div className="actions">
          <button type="button" onClick={onReview}>
            Review changes
          </button>
          <button type="button" onClick={onDiscard}>
            Discard changes
          </button>
        </div>
      )}
      {changes && (
        <>
          {changes.length === 0 ? (
            <p>Nothing would change.</p>
          ) : (
            <ul className="diff" aria-label="Changes to save" data-testid="schema-diff">
              {changes.map((c) => (
                <li
                  key={c.line}
                  className={`diff-${c.op === '+' ? 'add' : c.op === '-' ? 'remove' : 'change'}${c.data_loss ? ' loss' : ''}`}
                >
                  <code>{c.line}</code>
                  {c.data_loss && <strong> deletes or changes content</strong>}
                </li>
              ))}
            </ul>
          )}
          {changes.length > 0 && (
            <button type="button" className="primary" onClick={onSave}>
              Save schema
            </button>
          )}
        </>
      )}
    </div>
  );
}
