import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Secrets } from '../../../shared/secrets.js';
import type { Level } from '../model.js';

/**
 * A verified vote waiting to be cast, sealed (AES-256-GCM) so that it can travel in a
 * confirmation link or a form field and be checked in memory, with no database read:
 * the seal proves the platform made it (the key comes from SECRET_KEY, never from the
 * database) and hides what is inside. This is what makes the vote path cheap enough for
 * a national surge: opening a seal costs microseconds.
 *
 *   email link   /petitions/:id/confirm/<seal>   made when the address was given
 *   e-ID         hidden field of the vote page   made after the OpenID callback
 *   SMS          stored with the challenge       opened when the code is right
 */
export interface SealedVote {
  petitionId: number;
  /** Keyed hash of the registry number: the person, whichever route verified them. */
  person: Buffer;
  /** Keyed hash of the email address, phone number or e-ID subject that was verified. */
  contact: Buffer;
  level: Level;
  /** Soum or düüreg of residence (4 digits); absent when the vote page asks for it (e-ID). */
  place: string | null;
  /** Abuse signals found at verification (see abuse.ts). */
  flags: string[];
  /** Email domain or phone prefix, for moderators judging a flag. */
  hint: string | null;
  /** Address for news of responses, when the signer asked for it. */
  notify: string | null;
  lang: 'mn' | 'en';
  expiresAt: number;
}

interface Wire {
  p: number;
  h: string;
  c: string;
  l: Level;
  pl: string | null;
  f: string[];
  x: string | null;
  n: string | null;
  g: 'mn' | 'en';
  e: number;
}

export class SealedVoteSealer {
  private readonly key: Buffer;
  private readonly personKey: Buffer;
  private readonly contactKey: Buffer;

  constructor(secrets: Secrets) {
    // Derived once: keyedHash() would run HKDF again on every call.
    this.key = secrets.key('petitions:sealed-vote');
    this.personKey = secrets.key('petitions:person');
    this.contactKey = secrets.key('petitions:contact');
  }

  /** The person behind a registry number (canonical form), as stored with every vote. */
  personHash(registryNumber: string): Buffer {
    return createHmac('sha256', this.personKey).update(registryNumber, 'utf8').digest();
  }

  /** What was verified: 'email:a@b.mn', 'phone:+97699112233', 'eid:<issuer> <subject>'. */
  contactHash(contact: string): Buffer {
    return createHmac('sha256', this.contactKey).update(contact, 'utf8').digest();
  }

  seal(vote: SealedVote): string {
    const wire: Wire = {
      p: vote.petitionId,
      h: vote.person.toString('base64url'),
      c: vote.contact.toString('base64url'),
      l: vote.level,
      pl: vote.place,
      f: vote.flags,
      x: vote.hint,
      n: vote.notify,
      g: vote.lang,
      e: Math.floor(vote.expiresAt / 1000),
    };
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(wire), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The vote inside a seal, or null when it was not made here, was altered or is not a seal. Expiry is the caller's check. */
  open(sealed: string): SealedVote | null {
    if (typeof sealed !== 'string' || sealed.length < 40 || sealed.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(sealed)) return null;
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const iv = raw.subarray(0, 12);
      const tag = raw.subarray(raw.length - 16);
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
      const w = JSON.parse(text) as Wire;
      const person = Buffer.from(w.h, 'base64url');
      const contact = Buffer.from(w.c, 'base64url');
      if (!Number.isInteger(w.p) || person.length !== 32 || contact.length !== 32) return null;
      return { petitionId: w.p, person, contact, level: w.l, place: w.pl, flags: w.f ?? [], hint: w.x, notify: w.n, lang: w.g === 'en' ? 'en' : 'mn', expiresAt: w.e * 1000 };
    } catch {
      return null;
    }
  }
}
