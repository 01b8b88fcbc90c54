import type { VNode } from 'preact';
import type { Actor } from '../../shared/auth/actor.js';
import type { Db } from '../../shared/db/database.js';
import type { BodyDetail } from './queries.js';

/**
 * EXTENSION SLOT of the body page (/bodies/:slug). Other modules add sections here
 * without the bodies module knowing them: the feedback module adds the body's
 * responsiveness statistics and its open items, petitions will add petitions addressed
 * to the body, and so on. A module registers its section when it is imported:
 *
 *   registerBodyPageSection({
 *     key: 'feedback-responsiveness',
 *     order: 10,
 *     load: ({ db, body, now }) => responsivenessOf(db, body.id, now),
 *     View: ({ data }) => <ResponsivenessSection stats={data} />,
 *   });
 *
 * `load` runs for every view of the page (keep it to one or two indexed queries) and
 * may return null to show nothing. `View` renders inside the page, so it may call
 * usePage() for the language; it should start with its own <h2>.
 */
export interface BodyPageContext {
  db: Db;
  body: BodyDetail;
  now: Date;
  actor: Actor | null;
}

export interface BodyPageSection<T> {
  /** Unique, stable: also used as the section's element id. */
  key: string;
  /** Lower comes first. */
  order: number;
  load(ctx: BodyPageContext): Promise<T | null>;
  View(props: { data: T }): VNode | null;
}

export interface LoadedSection {
  key: string;
  node: VNode | null;
}

const sections = new Map<string, BodyPageSection<unknown>>();

export function registerBodyPageSection<T>(section: BodyPageSection<T>): void {
  sections.set(section.key, section as BodyPageSection<unknown>);
}

/** Loads every registered section for one body, in order, in parallel. */
export async function loadBodyPageSections(ctx: BodyPageContext): Promise<LoadedSection[]> {
  const ordered = [...sections.values()].sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
  const data = await Promise.all(ordered.map((s) => s.load(ctx)));
  return ordered.flatMap((s, i) => {
    const value = data[i];
    if (value === null || value === undefined) return [];
    const { View } = s;
    return [{ key: s.key, node: <View data={value} /> }];
  });
}
