/** The same keys as the Mongolian messages, each a string: English must translate every one. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

export interface MessageBundle<T> {
  mn: T;
  en: Translation<T>;
}

/**
 * Declares one namespace of messages. Mongolian is the source text; the type makes a
 * missing or extra English key a compile error, and a test checks the same at run time.
 */
export function defineMessages<const T extends object>(bundle: { mn: T; en: Translation<T> }): MessageBundle<T> {
  return bundle;
}
