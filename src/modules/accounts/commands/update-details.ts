import type { Db } from '../../../shared/db/database.js';
import type { Lang } from '../../../shared/i18n/index.js';

/** Saves the name and the language of pages and emails chosen on the account page. */
export async function updateDetails(db: Db, accountId: number, details: { displayName: string; preferredLang: Lang }): Promise<void> {
  await db.updateTable('account').set({ display_name: details.displayName, preferred_lang: details.preferredLang }).where('id', '=', accountId).execute();
}
