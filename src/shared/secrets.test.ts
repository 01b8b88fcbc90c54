import { createHmac, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Secrets } from './secrets.js';

const ROOT = 'a-root-secret-of-at-least-32-bytes-for-the-test';
const hkdf = (purpose: string) => Buffer.from(hkdfSync('sha256', Buffer.from(ROOT), Buffer.alloc(0), `irgen:${purpose}`, 32));

describe('Secrets', () => {
  it('derives one HKDF key per purpose, the same on every call', () => {
    const secrets = new Secrets(Buffer.from(ROOT));
    expect(secrets.key('cookie').equals(hkdf('cookie'))).toBe(true);
    expect(secrets.key('cookie').equals(secrets.key('cookie'))).toBe(true);
    expect(secrets.key('cookie').equals(secrets.key('feedback-submitter-link'))).toBe(false);
  });

  it('keys hashes with the purpose key (the derived key is kept, not recomputed, and cannot be changed by a caller)', () => {
    const secrets = new Secrets(Buffer.from(ROOT));
    const expected = createHmac('sha256', hkdf('feedback-submitter-link')).update('K7M4TRX9', 'utf8').digest();
    expect(secrets.keyedHash('feedback-submitter-link', 'K7M4TRX9').equals(expected)).toBe(true);
    secrets.key('feedback-submitter-link').fill(0);
    expect(secrets.keyedHash('feedback-submitter-link', 'K7M4TRX9').equals(expected)).toBe(true);
    expect(secrets.key('feedback-submitter-link').equals(hkdf('feedback-submitter-link'))).toBe(true);
  });

  it('refuses a short root secret', () => {
    expect(() => new Secrets(Buffer.from('short'))).toThrow(/32 bytes/);
  });
});
