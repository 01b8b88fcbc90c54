import type { Queryable } from '../../../shared/db/database.js';
import { AppError } from '../../../shared/errors.js';
import type { State } from '../model.js';

export interface CommandContext {
  now: Date;
  /** Base URL for links in emails. */
  publicUrl: string;
}

export interface PetitionRow {
  id: number;
  state: State;
  body_id: number;
  creator_id: number;
  title: string;
  action: string;
  slug: string;
}

/** The petition's row, locked for the rest of the transaction (commands change state one at a time). */
export async function lockPetition(tx: Queryable, id: number): Promise<PetitionRow> {
  const row = await tx
    .selectFrom('petition as p')
    .innerJoin('organisation as o', 'o.id', 'p.body_id')
    .select(['p.id', 'p.state', 'p.body_id', 'p.creator_id', 'p.title', 'p.action', 'o.slug'])
    .where('p.id', '=', id)
    .forUpdate('p')
    .executeTakeFirst();
  if (!row) throw new AppError('petitions.not_found', { status: 404 });
  return row;
}

export function requireState(p: { state: State }, ...states: State[]): void {
  if (!states.includes(p.state)) throw new AppError('petitions.wrong_state', { status: 409, params: { state: `$t:petitions:state.${p.state}` } });
}
