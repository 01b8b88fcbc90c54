import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const STATIC_DIR = fileURLToPath(new URL('../../static/', import.meta.url));

const versions = new Map<string, string>();

/**
 * URL of a file in src/static with its content hash, so browsers may cache it for a
 * year and still get a changed file at once.
 */
export function asset(file: string): string {
  let version = versions.get(file);
  if (!version) {
    version = createHash('sha256').update(fs.readFileSync(STATIC_DIR + file)).digest('hex').slice(0, 10);
    versions.set(file, version);
  }
  return `/static/${file}?v=${version}`;
}
