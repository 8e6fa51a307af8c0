import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

/**
 * The transport options of an SMTP_URL (`smtp://user:pass@host:587?requireTLS=true`,
 * `smtps://...:465`), read as nodemailer reads one: implicit TLS for smtps, the user and password
 * percent-decoded, query values as options (`true`/`false`/numbers; `tls.x` into `tls`). Parsed
 * here because nodemailer drops every other option (the timeouts) when given a URL.
 */
export function smtpOptions(smtpUrl: string): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  const options: Record<string, unknown> = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    secure: url.protocol === 'smtps:',
  };
  if (url.port) options.port = Number(url.port);
  if (url.username) options.auth = { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  const tls: Record<string, unknown> = {};
  for (const [key, raw] of url.searchParams) {
    const value =
      raw === 'true' ? true : raw === 'false' ? false : raw !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    if (key.startsWith('tls.')) tls[key.slice(4)] = value;
    else if (!key.includes('.') && !(key in options)) options[key] = value;
  }
  if (Object.keys(tls).length) options.tls = tls;
  return options as SMTPTransport.Options;
}
