import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * A real SMTP server in the test process: the platform's mailer talks SMTP to it,
 * and tests read what arrived.
 */
export interface SmtpSink {
  url: string;
  messages: CapturedEmail[];
  /** Waits until a message to `to` matching `subject` (if given) has arrived. */
  waitFor(to: string, subject?: RegExp, timeoutMs?: number): Promise<CapturedEmail>;
  to(address: string): CapturedEmail[];
  clear(): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: CapturedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          for (const to of recipients) messages.push({ to, subject: parsed.subject ?? '', text: parsed.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.to === address.toLowerCase()),
    async waitFor(to, subject, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.to === to.toLowerCase() && (!subject || subject.test(m.subject)));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no email to ${to}${subject ? ` matching ${subject}` : ''}; got: ${messages.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'none'}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    clear: () => void messages.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** First link in an email that starts with the given path. */
export function linkIn(email: CapturedEmail, pathPrefix: string): string {
  const match = email.text.match(new RegExp(`https?://[^\\s]*${pathPrefix.replace(/[/.?]/g, '\\$&')}[^\\s]*`));
  if (!match) throw new Error(`no link to ${pathPrefix} in email "${email.subject}":\n${email.text}`);
  return match[0];
}
