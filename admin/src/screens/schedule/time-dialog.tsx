import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../../api';
import { DateTimePicker } from '../../components/date-time-picker';
import { humanize } from '../../schema';
import { ErrorNotice, Notice } from '../../ui';

/**
 * Why the change was refused, inside the dialog (the page's own notices are behind it): other
 * fields' errors (a required field left empty) by name, anything else in words.
 */
function Refusal({ error }: { error: unknown }) {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return <ErrorNotice error={error} />;
  const fields = Object.entries(error.fields).map(
    ([path, messages]) =>
      `${path
        .replace(/^fields\./, '')
        .split('.')
        .map(humanize)
        .join(' › ')}: ${messages.join(' ')}`,
  );
  return (
    <Notice kind="error">
      <p>Nothing was saved. Close this, correct the form, then schedule again.</p>
      <ul>
        {fields.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </Notice>
  );
}

/**
 * A modal that asks for one time (native <dialog>: focus stays inside, Escape cancels). `check`
 * refuses a time before anything is sent; the server's refusal of the field (`serverErrors`)
 * shows beside the picker, any other refusal (`failure`) above the buttons. It closes when
 * `onConfirm` says the change was made.
 */
export function TimeDialog({
  id,
  title,
  label,
  initial,
  confirmLabel,
  busy,
  serverErrors,
  failure,
  check,
  onConfirm,
  onCancel,
  children,
}: {
  id: string;
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  busy: boolean;
  serverErrors: string[];
  failure: unknown;
  check: (iso: string) => string | null;
  onConfirm: (iso: string) => Promise<boolean>;
  onCancel: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [at, setAt] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const errors = problem ? [problem] : sent ? serverErrors : [];
  return (
    <dialog
      ref={ref}
      className="dialog time-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const refused = check(at);
          setProblem(refused);
          if (refused) return;
          setSent(true);
          if (await onConfirm(at)) onCancel();
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="time-dialog-text">{children}</div>
        <DateTimePicker
          id={id}
          label={label}
          value={at}
          onChange={(iso) => {
            setAt(iso);
            setProblem(null);
            setSent(false);
          }}
          errors={errors}
          required
          future
        />
        {sent && failure !== null && errors.length === 0 && <Refusal error={failure} />}
        <div className="actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
