import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * Argon2id with 19 MiB of memory, 2 passes and 1 lane: the first configuration OWASP's
 * Password Storage Cheat Sheet recommends. Every guess at a stolen hash costs an attacker
 * 19 MiB of memory, which defeats cheap GPU parallelism, while one hash takes about 10-30 ms
 * on one core of our 2-core server, so a burst of sign-ins neither starves the other core
 * nor holds much memory (50 at once: under 1 GB). Online guessing is slowed separately by
 * the login rate limit. Raise the costs when the hardware grows: hashes made with older
 * costs are upgraded at the next successful sign-in (see needsRehash).
 */
const ARGON2: Options = {
  // Algorithm.Argon2id; the package's const enum cannot be read under isolatedModules.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * The 20 most common passwords in public breach lists that are long enough to pass the
 * length rule (shorter favourites such as "123456" are refused by it anyway). Compared
 * without regard to case.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890',
  '0987654321',
  '1111111111',
  '0000000000',
  '123456789a',
  'a123456789',
  '1234567891',
  '12345678910',
  '123123123123',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'qwertyuiop',
  'qwerty1234',
  'qwerty123456',
  '1234qwerty',
  'password12',
  'password123',
  'password1234',
  'iloveyou12',
  'asdfghjkl1',
]);

/**
 * The same password typed on two devices can arrive in different Unicode forms
 * (a composed or decomposed "ө"); hashing the NFC form makes them one password.
 */
function normalise(password: string): string {
  return password.normalize('NFC');
}

/** Length in characters as a person counts them, not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...normalise(password)].length;
}

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(normalise(password).toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalise(password), ARGON2);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalise(password));
  } catch {
    // A malformed stored hash never signs anyone in.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no account for an address, so the
 * response time does not tell whether an email address is registered.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('no account has this password, it only costs time');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** True when the hash was made with other costs than today's, so it should be made again. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const o = parseOptions(passwordHash);
    return o.algorithm !== ARGON2.algorithm || o.memoryCost !== ARGON2.memoryCost || o.timeCost !== ARGON2.timeCost || o.parallelism !== ARGON2.parallelism;
  } catch {
    return true;
  }
}
