import type { TSchema, Static } from 'typebox';
import { Compile } from 'typebox/compile';

/**
 * Every kind of public event is declared once with the schema of its payload. The
 * schema forbids unknown properties, so a name, email or phone number cannot slip into
 * the public record by accident: appending checks the payload against it.
 */
const registry = new Map<string, { check: (value: unknown) => boolean }>();

export interface PublicEventKind<T extends TSchema> {
  type: string;
  schema: T;
}

export function definePublicEvent<const T extends TSchema>(type: string, schema: T): PublicEventKind<T> {
  if (!/^[a-z_]+\.[a-z_]+$/.test(type)) throw new Error(`public event type "${type}" must look like "module.event"`);
  if (registry.has(type)) throw new Error(`public event type "${type}" is declared twice`);
  const compiled = Compile(schema);
  registry.set(type, { check: (value) => compiled.Check(value) });
  return { type, schema };
}

export function checkPublicPayload(type: string, payload: unknown): void {
  const kind = registry.get(type);
  if (!kind) throw new Error(`public event type "${type}" is not declared`);
  if (!kind.check(payload)) throw new Error(`payload of public event "${type}" does not match its declared schema`);
}

export type PayloadOf<K> = K extends PublicEventKind<infer T> ? Static<T> : never;
