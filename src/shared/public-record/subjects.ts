/**
 * Subjects are public paths ('feedback/K7M4TRX9', 'body/mof'). The record page links a
 * subject to its page when its kind is known here; other subjects are shown as text.
 * Modules whose subjects have pages declare them once with definePublicSubject.
 */
const paths = new Map<string, (key: string) => string>([
  ['feedback', (code) => `/feedback/${encodeURIComponent(code)}`],
  ['body', (slug) => `/bodies/${encodeURIComponent(slug)}`],
]);

export function definePublicSubject(kind: string, toPath: (key: string) => string): void {
  if (!/^[a-z0-9_]+$/.test(kind)) throw new Error(`public subject kind "${kind}" must be lower-case letters, digits or _`);
  if (paths.has(kind)) throw new Error(`public subject kind "${kind}" is declared twice`);
  paths.set(kind, toPath);
}

/** The site path of a subject's page, or null when the subject has none. */
export function publicSubjectPath(subject: string): string | null {
  const slash = subject.indexOf('/');
  if (slash <= 0 || slash === subject.length - 1) return null;
  const toPath = paths.get(subject.slice(0, slash));
  return toPath ? toPath(subject.slice(slash + 1)) : null;
}
