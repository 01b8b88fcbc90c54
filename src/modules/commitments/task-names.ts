/** Names of the module's background jobs (listed in src/background.ts). */
export const DUE_REMINDERS_TASK = 'commitments_due_reminders';
export const DISAGREEMENT_TASK = 'commitments_disagreement_notice';
export const IMPORT_CLEANUP_TASK = 'commitments_import_cleanup';
