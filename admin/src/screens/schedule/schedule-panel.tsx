import type { FieldErrors } from '../../api';
import { futureTimeProblem, scheduleText } from '../../time-zone';
import { TimeDialog } from './time-dialog';
import './schedule.css';
import type { Schedulable, TimingState } from './timing';

/** Which time dialog an editor shows: the publication's, the unpublication's, or none. */
export type ScheduleDialogKind = 'publish' | 'unpublish' | null;

/** Tomorrow at 09:00 in the editor's zone: where a new schedule starts. */
function tomorrowMorning(after?: string | null): string {
  const d = after ? new Date(after) : new Date();
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return d.toISOString();
}

/**
 * The schedule of the entry an editor shows: when a scheduled version goes live (change the time,
 * or cancel and keep it a draft) and when the entry goes off the air (set, change, clear). Its
 * dialogs are opened from here, and "Schedule…" of the editor's buttons opens the first.
 */
export function SchedulePanel({
  what,
  state,
  everyLocale,
  readOnly,
  busy,
  errors,
  failure,
  dialog,
  setDialog,
  onSchedule,
  onCancelSchedule,
  onUnpublishAt,
}: {
  what: Schedulable;
  state: TimingState | null;
  /** The unpublish time covers every locale (pages and items of an account with several). */
  everyLocale: boolean;
  readOnly: boolean;
  busy: boolean;
  /** The editor's field errors: `scheduled` and `unpublish_at` show in the dialogs. */
  errors: FieldErrors;
  /** The editor's last refusal, shown in the open dialog when it is not about the dialog's time. */
  failure: unknown;
  dialog: ScheduleDialogKind;
  setDialog: (kind: ScheduleDialogKind) => void;
  onSchedule: (iso: string) => Promise<boolean>;
  onCancelSchedule: () => void;
  onUnpublishAt: (iso: string | null) => Promise<boolean>;
}) {
  const scheduled = state?.status === 'scheduled' ? state.scheduled : null;
  const unpublishAt = state?.unpublish_at ?? null;
  const live = state?.live ?? false;
  const where = everyLocale ? ' in every locale' : '';
  const close = () => setDialog(null);
  return (
    <>
      {state && state.status !== null && (
        <section className="card schedule-panel" aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">Schedule</h2>
          <div className="schedule-row" data-testid="schedule-publish">
            <p>
              {scheduled ? (
                <>
                  Scheduled for <strong>{scheduleText(scheduled)}</strong>.
                  {live && ' Readers see the published version until then; this draft replaces it at that time.'}
                </>
              ) : (
                <span className="hint">No publication scheduled.</span>
              )}
            </p>
            {!readOnly && scheduled && (
              <div className="row-actions">
                <button type="button" disabled={busy} onClick={() => setDialog('publish')}>
                  Change time…
                </button>
                <button type="button" disabled={busy} onClick={onCancelSchedule}>
                  Cancel schedule
                </button>
              </div>
            )}
          </div>
          <div className="schedule-row" data-testid="schedule-unpublish">
            <p>
              {unpublishAt ? (
                <>
                  Unpublishes <strong>{scheduleText(unpublishAt)}</strong>
                  {where}.
                </>
              ) : (
                <span className="hint">No unpublish time.</span>
              )}
            </p>
            {!readOnly && (
              <div className="row-actions">
                <button type="button" disabled={busy} onClick={() => setDialog('unpublish')}>
                  {unpublishAt ? 'Change unpublish time…' : 'Unpublish at…'}
                </button>
                {unpublishAt && (
                  <button type="button" disabled={busy} onClick={() => void onUnpublishAt(null)}>
                    Clear unpublish time
                  </button>
                )}
              </div>
            )}
          </div>
        </section>
      )}
      {dialog === 'publish' && (
        <TimeDialog
          id="schedule-at"
          title={scheduled ? 'Change the scheduled time' : `Schedule this ${what}`}
          label="Publish at"
          initial={scheduled ?? tomorrowMorning()}
          confirmLabel={scheduled ? 'Change time' : 'Schedule'}
          busy={busy}
          serverErrors={errors.scheduled ?? []}
          failure={failure}
          check={(iso) => futureTimeProblem(iso)}
          onConfirm={onSchedule}
          onCancel={close}
        >
          {live ? (
            <p>
              This {what} is live. Readers keep seeing the published version until the time you choose; then what this
              editor holds now replaces it. Your changes are saved now, as that scheduled draft.
            </p>
          ) : (
            <p>What this editor holds is saved now as a draft, and published at the time you choose.</p>
          )}
        </TimeDialog>
      )}
      {dialog === 'unpublish' && (
        <TimeDialog
          id="unpublish-at"
          title="Unpublish at a time"
          label="Unpublish at"
          initial={unpublishAt ?? tomorrowMorning(scheduled)}
          confirmLabel="Set unpublish time"
          busy={busy}
          serverErrors={errors.unpublish_at ?? []}
          failure={failure}
          check={(iso) =>
            futureTimeProblem(iso) ??
            (scheduled && Date.parse(iso) <= Date.parse(scheduled)
              ? `Choose a time after the scheduled publication (${scheduleText(scheduled)}).`
              : null)
          }
          onConfirm={onUnpublishAt}
          onCancel={close}
        >
          <p>
            At that time the {what} goes off the air{where}: readers of the API no longer see it, and it stays here as a
            draft. Edits you have not saved are not saved by this.
          </p>
        </TimeDialog>
      )}
    </>
  );
}
