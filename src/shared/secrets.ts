import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * One root secret, from SECRET_KEY or generated once into DATA_DIR, from which every
 * purpose gets its own key (cookie signing, keyed hashes of identifiers). A leaked
 * cookie key then says nothing about the identity-hash key.
 */
export class Secrets {
  constructor(private readonly root: Buffer) {
    if (root.length < 32) throw new Error('SECRET_KEY must be at least 32 bytes');
  }

  static load(secretKey: string | undefined, dataDir: string): Secrets {
    if (secretKey) return new Secrets(Buffer.from(secretKey, 'utf8'));
    const file = path.join(dataDir, 'secret-key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    }
    return new Secrets(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8'));
  }

  /** Keys derived so far, by purpose: HKDF costs more than the HMAC it keys, and keyedHash runs on every submission. */
  private readonly derived = new Map<string, Buffer>();

  private derivedKey(purpose: string): Buffer {
    let key = this.derived.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.root, Buffer.alloc(0), `irgen:${purpose}`, 32));
      this.derived.set(purpose, key);
    }
    return key;
  }

  /** The key for one purpose (a copy: callers cannot change the one kept for later). */
  key(purpose: string): Buffer {
    return Buffer.from(this.derivedKey(purpose));
  }

  /** Keyed hash for identifiers that must be comparable but never readable (registry numbers, e-ID subjects). */
  keyedHash(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.derivedKey(purpose)).update(value, 'utf8').digest();
  }
}

/** Random URL-safe token and its SHA-256, for sessions and single-use links stored hashed. */
export function newToken(bytes = 32): { token: string; hash: Buffer } {
  const token = randomBytes(bytes).toString('base64url');
  return { token, hash: sha256(token) };
}

export function sha256(value: string | Buffer): Buffer {
  return createHash('sha256').update(value).digest();
}

export function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
