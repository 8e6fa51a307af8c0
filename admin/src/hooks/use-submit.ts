import { useCallback, useRef, useState } from 'react';

/** What an action may answer: the message that tells the user it worked, or nothing. */
export type Done = string | void;

export interface Submit {
  /** True while an action runs: its controls are disabled and its button says so. */
  busy: boolean;
  /** What the last action threw (an ApiError carries field errors), or null. */
  error: unknown;
  /** What the last action that worked said, or ''. */
  notice: string;
  /**
   * Runs `action` unless one is already running: clears the last error and notice first; a
   * message it answers becomes the notice, an error it throws the error. True when it worked.
   */
  run: (action: () => Promise<Done>) => Promise<boolean>;
  /** Shows a message outside an action (a refusal found before sending, a draft edited). */
  setNotice: (notice: string) => void;
  setError: (error: unknown) => void;
}

/**
 * The state of a form's submissions, one place for what every form needs. `onError`, when given,
 * receives errors (and null on a new run) instead of `error`: for a control whose errors its
 * parent shows.
 */
export function useSubmit(onError?: (error: unknown) => void): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  // A ref, not `busy`: a second click before the re-render must not run the action twice.
  const running = useRef(false);
  const report = onError ?? setError;
  const run = useCallback(
    async (action: () => Promise<Done>) => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      report(null);
      setNotice('');
      try {
        const done = await action();
        if (typeof done === 'string') setNotice(done);
        return true;
      } catch (e) {
        report(e);
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [report],
  );
  return { busy, error, notice, run, setNotice, setError };
}
