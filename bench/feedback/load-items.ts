import pg from 'pg';
import { feedbackReference, routeFromReference } from '../../src/modules/feedback/reference.js';
import { searchableText } from '../../src/modules/places/transliterate.js';
import type { Db } from '../../src/shared/db/database.js';
import { codeForRow, codeForRowSql } from '../codes.js';
import { ANSWERS, CATEGORY_WEIGHTS, feedbackPlaces, TEXTS } from './world.js';

/**
 * Loads a large, realistic feedback history straight into the tables with a few
 * INSERT … SELECT generate_series statements, instead of a million calls of the submit
 * command (which would take the better part of an hour at the measured rate).
 *
 * Rows are what the commands would have written:
 * - items spread over 24 months, more in recent months, ids in order of receipt (as
 *   they would be); codes from the row number (codes.ts);
 * - a place from a few hundred (half in the capital's khoroos), a category by how often
 *   people write about it, and the body the routing rules choose for that pair (the
 *   same in-memory routing the submit command uses);
 * - kinds and legal deadlines (30 or 60 days, 5% extended by 20 days); most items past
 *   their deadline answered (85% of answers on time), 3% never answered (overdue),
 *   recent ones mostly open; answered items rated in a third of cases and closed after
 *   30 days; assignees among three staff of the body;
 * - 60% published with a moderated title and summary and the `search` words indexed
 *   the way commands/moderate.ts indexes them (searchableText of title and summary),
 *   1% withheld, the last two days' public ones pending, the rest private;
 * - contact details on 30%; history: 'received' for every item, 'extended' and
 *   'answered' where they happened.
 * Not loaded: public-record events and attachments (no page measured here reads them).
 *
 * For speed the secondary indexes of feedback_item and feedback_event are dropped
 * during the load and rebuilt from their own definitions afterwards (the same indexes,
 * built in one pass), and the session skips foreign-key triggers
 * (session_replication_role = replica); consistency is checked afterwards instead.
 */

export interface LoadOptions {
  items: number;
  now: Date;
  log: (message: string) => void;
  /** Rows per INSERT statement. */
  chunk?: number;
  signal?: AbortSignal;
}

export interface LoadResult {
  items: number;
  insertMs: number;
  indexMs: number;
  vacuumMs: number;
  totalMs: number;
  indexesRebuilt: number;
  /** Rows that fail a foreign key or the expected shape (must be 0). */
  inconsistent: number;
  events: number;
  contacts: number;
}

const PLACE_SLOTS = 10_000;
const CATEGORY_SLOTS = 1_000;
const STAFF_PER_BODY = 3;
const OPERATORS = 5;
const TEXTS_PER_CATEGORY = 5;
const EXTENSION_REASON = 'Газар дээр нь шалгах шаардлагатай тул хугацааг сунгав.';

function slots<T>(entries: readonly (readonly [T, number])[], count: number): T[] {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const out: T[] = [];
  let acc = 0;
  for (const [value, w] of entries) {
    acc += w;
    const end = Math.max(out.length + 1, Math.round((acc / total) * count));
    while (out.length < Math.min(end, count)) out.push(value);
  }
  while (out.length < count) out.push(entries[entries.length - 1]![0]);
  return out;
}

export async function loadFeedbackItems(db: Db, url: string, options: LoadOptions): Promise<LoadResult> {
  const started = Date.now();
  const { log, items: total, now } = options;
  const chunk = options.chunk ?? 250_000;
  const ref = await feedbackReference(db, Date.now() + 60_000);
  const places = feedbackPlaces();
  const client = new pg.Client({ connectionString: url, application_name: 'irgen-bench-loader' });
  await client.connect();
  try {
    await client.query(`SET statement_timeout = 0`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET work_mem = '128MB'`);
    const q = (text: string, values: unknown[] = []) => client.query(text, values);

    // Reference tables for the generator, in this session only.
    const categories = Object.keys(CATEGORY_WEIGHTS).map((code) => {
      const c = ref.categories.get(code);
      if (!c) throw new Error(`category ${code} is not in the demo data`);
      return c;
    });
    await q(`CREATE TEMP TABLE bench_place (idx int PRIMARY KEY, code text NOT NULL, name_mn text NOT NULL, search tsvector NOT NULL)`);
    await q(
      `INSERT INTO bench_place SELECT i, c, n, to_tsvector('simple', s) FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS u(i, c, n, s)`,
      [places.map((_, i) => i), places.map((p) => p.place.code), places.map((p) => p.place.name_mn), places.map((p) => searchableText(p.place.name_mn))],
    );
    const placeSlots = slots(places.map((p, i) => [i, p.weight] as const), PLACE_SLOTS);
    await q(`CREATE TEMP TABLE bench_place_slot AS SELECT s AS slot, p AS place_idx FROM unnest($1::int[]) WITH ORDINALITY AS u(p, s)`, [placeSlots]);
    await q(`UPDATE bench_place_slot SET slot = slot - 1`);
    const categorySlots = slots(categories.map((c) => [c.id, CATEGORY_WEIGHTS[c.code]!] as const), CATEGORY_SLOTS);
    await q(`CREATE TEMP TABLE bench_category_slot AS SELECT s - 1 AS slot, c AS category_id FROM unnest($1::int[]) WITH ORDINALITY AS u(c, s)`, [categorySlots]);

    // The responsible body of every (place, category) pair, decided by the routing rules as the submit command decides it.
    const routes: [number, number, number][] = [];
    const bodies = new Set<number>();
    places.forEach((p, i) => {
      for (const c of categories) {
        const body = routeFromReference(ref, c.id, p.place.code);
        if (body === undefined) throw new Error(`no route for ${c.code} at ${p.place.code}`);
        routes.push([i, c.id, body]);
        bodies.add(body);
      }
    });
    await q(
      `CREATE TEMP TABLE bench_route AS SELECT * FROM unnest($1::int[], $2::int[], $3::int[]) AS u(place_idx, category_id, body_id)`,
      [routes.map((r) => r[0]), routes.map((r) => r[1]), routes.map((r) => r[2])],
    );

    const texts = categories.flatMap((c) => TEXTS[c.code]!.slice(0, TEXTS_PER_CATEGORY).map((t, k) => ({ categoryId: c.id, k, ...t })));
    await q(
      `CREATE TEMP TABLE bench_text AS
       SELECT c AS category_id, k, l AS language, t AS title, d AS description, pt AS public_title, ps AS public_summary, to_tsvector('simple', s) AS search
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(c, k, l, t, d, pt, ps, s)`,
      [
        texts.map((t) => t.categoryId),
        texts.map((t) => t.k),
        texts.map((t) => t.language),
        texts.map((t) => t.title),
        texts.map((t) => t.description),
        texts.map((t) => t.publicTitle),
        texts.map((t) => t.publicSummary),
        texts.map((t) => searchableText(`${t.publicTitle} ${t.publicSummary}`)),
      ],
    );
    const answers = [...[0, 1, 2].map((k) => ANSWERS.resolved[k % ANSWERS.resolved.length]!), ...[0, 1, 2].map((k) => ANSWERS.rejected[k % ANSWERS.rejected.length]!)];
    await q(`CREATE TEMP TABLE bench_answer AS SELECT k - 1 AS k, t AS text FROM unnest($1::text[]) WITH ORDINALITY AS u(t, k)`, [answers]);

    // Staff of every body that receives items (assignees), and operators of the hotline.
    await q(
      `CREATE TEMP TABLE bench_staff AS
       WITH b AS (SELECT unnest($1::int[]) AS body_id), k AS (SELECT generate_series(0, ${STAFF_PER_BODY - 1}) AS k),
       a AS (
         INSERT INTO account (email, email_verified_at, password_hash, display_name)
         SELECT 'staff-' || b.body_id || '-' || k.k || '@bench.irgen.mn', $2, '!bench-account-no-password', 'Ажилтан ' || b.body_id || '-' || (k.k + 1)
         FROM b CROSS JOIN k RETURNING id, email
       ), m AS (
         INSERT INTO membership (account_id, organisation_id, role)
         SELECT a.id, split_part(a.email, '-', 2)::int, 'member' FROM a RETURNING account_id, organisation_id
       )
       SELECT m.organisation_id AS body_id, split_part(split_part(a.email, '-', 3), '@', 1)::int AS k, a.id AS account_id FROM m JOIN a ON a.id = m.account_id`,
      [[...bodies], now],
    );
    await q(
      `CREATE TEMP TABLE bench_operator AS
       WITH a AS (
         INSERT INTO account (email, email_verified_at, password_hash, display_name)
         SELECT 'operator-' || k || '@bench.irgen.mn', $1, '!bench-account-no-password', 'Оператор ' || (k + 1) FROM generate_series(0, ${OPERATORS - 1}) k
         RETURNING id, email
       ), r AS (INSERT INTO account_platform_role (account_id, role) SELECT id, 'operator' FROM a)
       SELECT split_part(split_part(email, '-', 2), '@', 1)::int AS k, id AS account_id FROM a`,
      [now],
    );
    const api = await q(`INSERT INTO api_client (name, key_hash, key_prefix) VALUES ('Irgen benchmark history', sha256('bench-history'::bytea), 'irg_bench0') RETURNING id`);
    const apiClientId = (api.rows[0] as { id: number }).id;
    await q(`ANALYZE bench_place; ANALYZE bench_place_slot; ANALYZE bench_category_slot; ANALYZE bench_route; ANALYZE bench_text; ANALYZE bench_staff`);

    // Bulk load without the secondary indexes and without per-row foreign-key triggers.
    const indexes = (
      await q(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i
         WHERE i.indrelid IN ('feedback_item'::regclass, 'feedback_event'::regclass)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
         ORDER BY 1`,
      )
    ).rows as { name: string; def: string }[];
    for (const index of indexes) await q(`DROP INDEX ${index.name}`);
    await q(`SET session_replication_role = replica`);

    const insertStarted = Date.now();
    const firstRow = (await q(`SELECT coalesce(max(id), 0) AS max FROM feedback_item`)).rows[0] as { max: number };
    if (Number(firstRow.max) !== 0) throw new Error('the loader expects an empty feedback_item table');
    for (let from = 1; from <= total; from += chunk) {
      if (options.signal?.aborted) throw new Error('interrupted');
      const to = Math.min(total, from + chunk - 1);
      const t0 = Date.now();
      await q(itemsSql(), [from, to, total, now, apiClientId, EXTENSION_REASON]);
      log(`items ${from.toLocaleString('en')}–${to.toLocaleString('en')} in ${Date.now() - t0} ms`);
    }
    let t0 = Date.now();
    await q(`INSERT INTO feedback_contact (item_id, name, email, phone)
             SELECT id, CASE WHEN id % 3 = 0 THEN 'Иргэн ' || id END, CASE WHEN id % 2 = 0 THEN 'citizen' || id || '@example.mn' END, '+9769' || lpad((id % 10000000)::text, 7, '0')
             FROM feedback_item WHERE id % 10 < 3`);
    log(`contacts in ${Date.now() - t0} ms`);
    t0 = Date.now();
    await q(`INSERT INTO feedback_event (item_id, type, at, body_id, data)
             SELECT id, 'received', received_at, body_id, jsonb_build_object('channel', channel) FROM feedback_item ORDER BY id`);
    await q(`INSERT INTO feedback_event (item_id, type, at, actor_id, body_id, text, data)
             SELECT id, 'extended', extended_at, assignee_id, body_id, extension_reason, jsonb_build_object('days', 20, 'due_at', due_at)
             FROM feedback_item WHERE extended_at IS NOT NULL ORDER BY id`);
    await q(`INSERT INTO feedback_event (item_id, type, at, actor_id, body_id, text, data)
             SELECT id, 'answered', answered_at, assignee_id, body_id, answer_text, jsonb_build_object('resolution', resolution, 'on_time', answered_at <= due_at, 'due_at', due_at)
             FROM feedback_item WHERE answered_at IS NOT NULL ORDER BY id`);
    log(`history in ${Date.now() - t0} ms`);
    await q(`SET session_replication_role = origin`);
    const insertMs = Date.now() - insertStarted;

    const indexStarted = Date.now();
    for (const index of indexes) {
      const ti = Date.now();
      await q(index.def);
      log(`index ${index.name} in ${Date.now() - ti} ms`);
    }
    const indexMs = Date.now() - indexStarted;

    const vacuumStarted = Date.now();
    await q(`VACUUM (ANALYZE) feedback_item`);
    await q(`VACUUM (ANALYZE) feedback_event`);
    await q(`VACUUM (ANALYZE) feedback_contact`);
    await q(`VACUUM (ANALYZE) account`);
    await q(`VACUUM (ANALYZE) membership`);
    const vacuumMs = Date.now() - vacuumStarted;

    // The codes in the table are the ones codes.ts computes, and the foreign keys the triggers would have checked hold.
    const sample = (await q(`SELECT id, code FROM feedback_item WHERE id IN (1, 2, $1, $2)`, [Math.ceil(total / 2), total])).rows as { id: number; code: string }[];
    for (const row of sample) if (row.code !== codeForRow(row.id)) throw new Error(`code of row ${row.id} is ${row.code}, codes.ts says ${codeForRow(row.id)}`);
    const bad = (
      await q(`
      SELECT count(*) AS n FROM feedback_item f
      WHERE NOT EXISTS (SELECT 1 FROM body b WHERE b.organisation_id = f.body_id)
         OR NOT EXISTS (SELECT 1 FROM category c WHERE c.id = f.category_id)
         OR NOT EXISTS (SELECT 1 FROM place p WHERE p.code = f.place_code)
         OR (f.assignee_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM account a WHERE a.id = f.assignee_id))
         OR (f.operator_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM account a WHERE a.id = f.operator_id))
         OR (f.publication = 'published') <> (f.search IS NOT NULL AND f.public_title IS NOT NULL)
         OR (f.status IN ('answered', 'closed')) <> (f.answered_at IS NOT NULL)`)
    ).rows[0] as { n: number };
    const counts = (
      await q(`SELECT (SELECT count(*) FROM feedback_item) AS items, (SELECT count(*) FROM feedback_event) AS events, (SELECT count(*) FROM feedback_contact) AS contacts`)
    ).rows[0] as { items: number; events: number; contacts: number };
    return {
      items: Number(counts.items),
      insertMs,
      indexMs,
      vacuumMs,
      totalMs: Date.now() - started,
      indexesRebuilt: indexes.length,
      inconsistent: Number(bad.n),
      events: Number(counts.events),
      contacts: Number(counts.contacts),
    };
  } finally {
    await client.end();
  }
}

/**
 * One chunk of items, rows $1..$2 of $3, as of $4. Every random choice is a column of
 * the generator subquery, so each is drawn once per row; later columns are computed from
 * earlier ones in LATERAL steps (dates, then status, then publication).
 */
function itemsSql(): string {
  return `
INSERT INTO feedback_item (code, kind, category_id, place_code, title, description, public_title, public_summary, search, language,
  publication, status, resolution, body_id, assignee_id, channel, submitter_key_hash, operator_id, api_client_id,
  received_at, due_at, extended_at, extension_reason, answered_at, answer_text, closed_at, satisfaction, rated_at, updated_at)
SELECT c.code, a.kind, cs.category_id, p.code, t.title, t.description,
  CASE WHEN pub.publication = 'published' THEN left(t.public_title || ' — ' || p.name_mn, 200) END,
  CASE WHEN pub.publication = 'published' THEN t.public_summary END,
  CASE WHEN pub.publication = 'published' THEN t.search || p.search END,
  t.language, pub.publication, st.status, st.resolution, rt.body_id,
  CASE WHEN st.status <> 'received' THEN sf.account_id END,
  ch.channel, sha256(convert_to(c.code, 'UTF8')),
  CASE WHEN ch.channel = 'operator' THEN op.account_id END,
  CASE WHEN ch.channel = 'open311' THEN $5::int END,
  a.received_at, d.due_at, d.extended_at, CASE WHEN d.extended_at IS NOT NULL THEN $6::text END,
  st.answered_at, CASE WHEN st.answered_at IS NOT NULL THEN an.text END, st.closed_at, st.satisfaction, st.rated_at,
  greatest(a.received_at, d.extended_at, st.answered_at, st.closed_at, st.rated_at)
FROM (
  SELECT n, random() AS r_place, random() AS r_cat, random() AS r_text, random() AS r_kind, random() AS r_pub, random() AS r_status,
         random() AS r_answer, random() AS r_res, random() AS r_rate, random() AS r_chan, random() AS r_staff, random() AS r_ext,
         random() AS r_jit, random() AS r_open
  FROM generate_series($1::int, $2::int) AS n
) g
JOIN bench_place_slot ps ON ps.slot = floor(g.r_place * ${PLACE_SLOTS})::int
JOIN bench_place p ON p.idx = ps.place_idx
JOIN bench_category_slot cs ON cs.slot = floor(g.r_cat * ${CATEGORY_SLOTS})::int
JOIN bench_route rt ON rt.place_idx = p.idx AND rt.category_id = cs.category_id
JOIN bench_text t ON t.category_id = cs.category_id AND t.k = floor(g.r_text * ${TEXTS_PER_CATEGORY})::int
LEFT JOIN bench_staff sf ON sf.body_id = rt.body_id AND sf.k = floor(g.r_staff * ${STAFF_PER_BODY})::int
JOIN bench_operator op ON op.k = floor(g.r_chan * 1000)::int % ${OPERATORS}
JOIN bench_answer an ON an.k = CASE WHEN g.r_res < 0.85 THEN 0 ELSE 3 END + floor(g.r_answer * 3)::int
CROSS JOIN LATERAL (SELECT ${codeForRowSql('g.n')} AS code) c
CROSS JOIN LATERAL (
  SELECT $4::timestamptz - interval '730 days' * (1 - sqrt((g.n - 1 + g.r_jit) / $3::float8)) AS received_at,
         (CASE WHEN g.r_kind < 0.55 THEN 'complaint' WHEN g.r_kind < 0.75 THEN 'request' WHEN g.r_kind < 0.87 THEN 'suggestion'
               WHEN g.r_kind < 0.95 THEN 'criticism' ELSE 'praise' END)::feedback_kind AS kind
) a
CROSS JOIN LATERAL (
  SELECT CASE WHEN a.kind IN ('suggestion', 'praise') THEN 60 ELSE 30 END AS base_days,
         g.r_ext < 0.05 AND a.received_at + interval '25 days' < $4::timestamptz AS extended
) d0
CROSS JOIN LATERAL (
  SELECT d0.base_days + CASE WHEN d0.extended THEN 20 ELSE 0 END AS days,
         a.received_at + (d0.base_days + CASE WHEN d0.extended THEN 20 ELSE 0 END) * interval '1 day' AS due_at,
         CASE WHEN d0.extended THEN a.received_at + interval '25 days' END AS extended_at
) d
CROSS JOIN LATERAL (
  -- When the answer came or would come: 85% within the deadline, at least an hour after receipt.
  SELECT a.received_at + interval '1 hour' + d.days * 1.18 * g.r_answer * interval '1 day' AS at
) cand
CROSS JOIN LATERAL (
  SELECT cand.at < $4::timestamptz AND g.r_status >= 0.03 AS answered,
         cand.at + interval '2 days' < $4::timestamptz AND g.r_rate < 0.35 AS rated
) ans
CROSS JOIN LATERAL (
  SELECT
    CASE WHEN ans.answered AND (ans.rated OR cand.at + interval '30 days' < $4::timestamptz) THEN 'closed'
         WHEN ans.answered THEN 'answered'
         WHEN g.r_open < 0.4 THEN 'received' WHEN g.r_open < 0.7 THEN 'assigned' ELSE 'in_progress' END::feedback_status AS status,
    CASE WHEN ans.answered THEN (CASE WHEN g.r_res < 0.85 THEN 'resolved' ELSE 'rejected' END)::feedback_resolution END AS resolution,
    CASE WHEN ans.answered THEN cand.at END AS answered_at,
    CASE WHEN ans.answered AND ans.rated THEN cand.at + interval '2 days'
         WHEN ans.answered AND cand.at + interval '30 days' < $4::timestamptz THEN cand.at + interval '30 days' END AS closed_at,
    CASE WHEN ans.answered AND ans.rated THEN (CASE WHEN g.r_rate < 0.23 THEN 'satisfied' ELSE 'unsatisfied' END)::feedback_satisfaction END AS satisfaction,
    CASE WHEN ans.answered AND ans.rated THEN cand.at + interval '2 days' END AS rated_at
) st
CROSS JOIN LATERAL (
  SELECT (CASE WHEN g.r_pub < 0.60 THEN (CASE WHEN a.received_at > $4::timestamptz - interval '2 days' THEN 'pending' ELSE 'published' END)
               WHEN g.r_pub < 0.61 THEN 'withheld' ELSE 'private' END)::feedback_publication AS publication
) pub
CROSS JOIN LATERAL (
  SELECT (CASE WHEN g.r_chan < 0.45 THEN 'web' WHEN g.r_chan < 0.75 THEN 'operator' WHEN g.r_chan < 0.95 THEN 'open311' ELSE 'sms' END)::feedback_channel AS channel
) ch
ORDER BY g.n`;
}
