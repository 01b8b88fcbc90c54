import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../../src/shared/db/database.js';
import { createDraft, startCollecting } from '../../src/modules/petitions/commands/lifecycle.js';
import { publishPetition } from '../../src/modules/petitions/commands/moderate.js';
import { setBodyRules } from '../../src/modules/petitions/commands/rules.js';
import type { LadderStep } from '../../src/modules/petitions/ladder.js';
import type { Level } from '../../src/modules/petitions/model.js';
import { buildAccount, buildBody } from './factories.js';

/**
 * Petitions in a chosen stage, made through the module's own commands, and the protocol
 * peers of signing: a local SMS gateway (HTTP) and a driver for the local OpenID
 * provider's sign-in (src/modules/petitions/signing/local-eid-provider.ts).
 */

/** A valid registry number for person n (born 1 January 1990 plus n days; always an adult in 2026). */
export function registryNumber(n: number): string {
  const birth = new Date(Date.UTC(1990, 0, 1) + (n % 9000) * 86_400_000);
  const yy = String(birth.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(birth.getUTCMonth() + 1 + (birth.getUTCFullYear() >= 2000 ? 20 : 0)).padStart(2, '0');
  const dd = String(birth.getUTCDate()).padStart(2, '0');
  return `УБ${yy}${mm}${dd}${String(Math.floor(n / 9000) % 100).padStart(2, '0')}`;
}

/** A body that takes petitions, with its own ladder when given (a small one keeps tests short). */
export async function buildPetitionBody(
  db: Db,
  options: { type?: 'parliament' | 'ministry' | 'khural'; steps?: LadderStep[]; minLevel?: Level; openDays?: number; adminId?: number; nameMn?: string; placeCode?: string } = {},
): Promise<{ id: number; slug: string; nameMn: string; nameEn: string }> {
  const body = await buildBody(db, { type: options.type ?? 'ministry', nameMn: options.nameMn, placeCode: options.placeCode ?? null });
  if (options.steps || options.minLevel || options.openDays) {
    const admin = options.adminId ?? (await buildAccount(db)).id;
    await setBodyRules(
      db,
      body.id,
      {
        openDays: options.openDays ?? 30,
        minLevel: options.minLevel ?? 'email',
        steps: options.steps ?? [{ counts: 'votes', threshold: 3, consequence: 'response', actWithinDays: 30, closesVoting: false }],
      },
      admin,
      new Date(),
    );
  }
  return body;
}

export const smallLadder = (votes: number[], options: { supporters?: number; closeAtTop?: boolean } = {}): LadderStep[] => [
  ...(options.supporters ? [{ counts: 'supporters' as const, threshold: options.supporters, consequence: 'voting_opens' as const, actWithinDays: null, closesVoting: false }] : []),
  ...votes.map((n, i) => ({
    counts: 'votes' as const,
    threshold: n,
    consequence: (i === 0 ? 'response' : i === votes.length - 1 ? 'parliament_decides' : 'standing_committee') as LadderStep['consequence'],
    actWithinDays: 30,
    closesVoting: !!options.closeAtTop && i === votes.length - 1,
  })),
];

/** An open petition: drafted, collected (a body without a supporters step goes straight to moderation) and published. */
export async function buildOpenPetition(db: Db, options: { bodySlug: string; now: Date; title?: string; creatorId?: number }): Promise<{ id: number; creatorId: number }> {
  const ctx = { now: options.now, publicUrl: 'http://irgen.test' };
  const creatorId = options.creatorId ?? (await buildAccount(db)).id;
  const id = await createDraft(
    db,
    creatorId,
    {
      bodySlug: options.bodySlug,
      title: options.title ?? 'Сургуулийн өмнөх гарцыг гэрэлтүүлэх',
      action: 'Сургуулийн өмнөх явган хүний гарцад гэрэлтүүлэг, хурд сааруулагч суурилуулахыг хүсье.',
      background: 'Өвлийн харанхуй өглөө хүүхдүүд гарцаар гарахад аюултай байна.',
      links: '',
      language: 'mn',
    },
    ctx,
  );
  await startCollecting(db, id, ctx);
  const moderator = await buildAccount(db);
  await publishPetition(db, id, moderator.id, ctx);
  return { id, creatorId };
}

export interface SmsGateway {
  url: string;
  messages: { to: string; text: string }[];
  /** The latest 6-digit code sent to the number. */
  codeFor(to: string): string;
  /** Answer with this status instead of 200 (a gateway that is down). */
  failWith: number | null;
  close(): Promise<void>;
}

/** A local SMS gateway speaking the platform's HTTP interface (sms-gateway.ts). */
export async function startSmsGateway(): Promise<SmsGateway> {
  const gateway: SmsGateway = {
    url: '',
    messages: [],
    failWith: null,
    codeFor(to) {
      const m = [...gateway.messages].reverse().find((x) => x.to === to);
      const code = m?.text.match(/\b(\d{6})\b/)?.[1];
      if (!code) throw new Error(`no code sent to ${to}; sent: ${JSON.stringify(gateway.messages)}`);
      return code;
    },
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (gateway.failWith) {
        res.writeHead(gateway.failWith).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { to: string; text: string };
      gateway.messages.push(body);
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  gateway.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return gateway;
}

/**
 * Signs in at the local OpenID provider as `login`, the way a browser would (cookies,
 * its login form), starting from the provider address Irgen redirected to. Returns the
 * callback address (Irgen's redirect URI with code and state) the provider sends back to.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  };
  let url = authorizationUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let i = 0; i < 12; i++) {
    const res = await fetch(url, { method, body, redirect: 'manual', headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) } });
    keep(res);
    method = 'GET';
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url).toString();
      if (!next.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    const action = html.match(/<form[^>]*action="([^"]+)"/)?.[1];
    if (!action) throw new Error(`the provider showed no form (${res.status}): ${html.slice(0, 300)}`);
    const prompt = html.match(/name="prompt" value="([^"]+)"/)?.[1] ?? 'login';
    url = new URL(action.replace(/&amp;/g, '&'), url).toString();
    method = 'POST';
    body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt }).toString();
  }
  throw new Error('the provider never redirected back');
}
