import type { NewWebhook } from '../../../src/shared/webhooks';
import { ShownOnce } from '../components/shown-once';

/** A webhook's signing secret, shown once after it is added. */
export function WebhookSecret({ hook, onDone }: { hook: NewWebhook; onDone: () => void }) {
  return (
    <ShownOnce
      title="Signing secret of the new webhook"
      noun="the secret"
      intro={
        <>
          Copy it now and give it to your receiver to verify the <code>webhook-signature</code> header: this is the only
          time it is shown.
        </>
      }
      value={hook.secret}
      masked={`whsec_${'•'.repeat(24)}${hook.secret.slice(-4)}`}
      testId="webhook-secret"
      valueAttribute="secret"
      onDone={onDone}
    />
  );
}
