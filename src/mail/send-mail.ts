import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { MailOutcome } from '../shared/users.js';
import { smtpOptions } from './smtp-options.js';

export type { MailOutcome };

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

// A request waits for the SMTP server: these bound the wait (nodemailer's defaults are minutes).
const CONNECTION_TIMEOUT_MS = 5_000;
const GREETING_TIMEOUT_MS = 5_000;
const SOCKET_TIMEOUT_MS = 10_000;
/** The longest one mail may take, whatever the server does. */
export const MAIL_TIMEOUT_MS = 15_000;

/**
 * Sends one plain-text mail over SMTP_URL. Never throws: a refused or unreachable server is
 * `failed` (reported to `onError` without the message, which may hold a secret link).
 */
export async function sendMail(
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  message: MailMessage,
  onError: (error: unknown) => void = () => {},
): Promise<MailOutcome> {
  if (!config.smtpUrl) return 'not_configured';
  const transport = nodemailer.createTransport({
    ...smtpOptions(config.smtpUrl),
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from the SMTP server within ${MAIL_TIMEOUT_MS} ms`)),
        MAIL_TIMEOUT_MS,
      );
    });
    // The address goes out as given, never parsed as a list (`a<b@evil>c@x` is one address here).
    const to = { name: '', address: message.to };
    await Promise.race([transport.sendMail({ from: config.mailFrom, ...message, to }), timeout]);
    return 'sent';
  } catch (error) {
    onError(error);
    return 'failed';
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
