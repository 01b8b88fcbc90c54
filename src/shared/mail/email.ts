import type { Queryable } from '../db/database.js';
import { translator, type Lang, type Translate } from '../i18n/index.js';
import type { JobDefinition } from '../jobs/worker.js';
import { enqueueJob } from '../jobs/queue.js';
import type { Mailer } from './mailer.js';

export interface EmailContent {
  subject: string;
  text: string;
}

export interface EmailKind<P> {
  name: string;
  render(params: P, t: Translate, lang: Lang): EmailContent;
}

const templates = new Map<string, EmailKind<never>>();

/** Declares an email: rendered in the recipient's language when the job runs. Plain text works on every phone. */
export function defineEmail<P>(name: string, render: (params: P, t: Translate, lang: Lang) => EmailContent): EmailKind<P> {
  if (templates.has(name)) throw new Error(`email "${name}" is declared twice`);
  const kind: EmailKind<P> = { name, render };
  templates.set(name, kind as EmailKind<never>);
  return kind;
}

/** Queues an email in the caller's transaction; it is sent only if that transaction commits. */
export async function enqueueEmail<P>(q: Queryable, kind: EmailKind<P>, to: string, lang: Lang, params: P): Promise<void> {
  await enqueueJob(q, SEND_EMAIL_TASK, emailJobPayload(kind, to, lang, params));
}

export const SEND_EMAIL_TASK = 'send_email';

/** The job payload of an email, for callers that queue it inside a larger statement. */
export function emailJobPayload<P>(kind: EmailKind<P>, to: string, lang: Lang, params: P): { template: string; to: string; lang: Lang; params: P } {
  return { template: kind.name, to, lang, params };
}

export function renderEmail(template: string, lang: Lang, params: unknown): EmailContent {
  const kind = templates.get(template);
  if (!kind) throw new Error(`unknown email template "${template}"`);
  return kind.render(params as never, translator(lang), lang);
}

export function sendEmailJob(mailer: Mailer): JobDefinition<{ template: string; to: string; lang: Lang; params: unknown }> {
  return {
    name: SEND_EMAIL_TASK,
    async run(payload) {
      const content = renderEmail(payload.template, payload.lang, payload.params);
      await mailer.send({ to: payload.to, ...content });
    },
  };
}
