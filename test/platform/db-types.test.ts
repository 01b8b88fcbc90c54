import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { codegenArgs, DB_TYPES_FILE } from '../../src/cli/db-types.js';
import { TEMPLATE_DB, withDatabase } from '../global-setup.js';

describe('database types', () => {
  it('src/shared/db/db-types.ts matches the migrated schema (run `npm run db:types` after a migration)', async () => {
    const url = withDatabase(inject('pgServerUrl'), TEMPLATE_DB);
    const result = await promisify(execFile)(process.execPath, codegenArgs(url, DB_TYPES_FILE, true)).then(
      () => 'up to date',
      (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
    expect(result).toBe('up to date');
  });
});
