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
  if ((schema as { type?: unknown }).type !== 'object') throw new Error(`payload of public event "${type}" must be an object schema`);
  const open = openObjectAt(schema, 'payload');
  if (open) throw new Error(`${open} of public event "${type}" must forbid extra properties: add { additionalProperties: false }`);
  const compiled = Compile(schema);
  registry.set(type, { check: (value) => compiled.Check(value) });
  return { type, schema };
}

/**
 * The path of the first object in a schema that would accept properties it does not
 * name, or undefined when there is none. Checked when a kind is declared, so a schema
 * left open fails at start-up rather than after personal data went into the record.
 */
function openObjectAt(schema: unknown, path: string): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const s = schema as Record<string, unknown>;
  if ((s.type === 'object' || 'properties' in s || 'patternProperties' in s) && (s.additionalProperties !== false || 'patternProperties' in s)) return path;
  for (const [name, child] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {})) {
    const open = openObjectAt(child, `${path}.${name}`);
    if (open) return open;
  }
  const children = [s.items, ...((s.prefixItems as unknown[] | undefined) ?? []), ...((s.anyOf as unknown[] | undefined) ?? []), ...((s.oneOf as unknown[] | undefined) ?? []), ...((s.allOf as unknown[] | undefined) ?? [])];
  for (const child of children) {
    const open = openObjectAt(child, `${path}[]`);
    if (open) return open;
  }
  return undefined;
}

/** Every declared event type, in declaration order (the record page offers them as filters). */
export function publicEventTypes(): string[] {
  return [...registry.keys()];
}

export function checkPublicPayload(type: string, payload: unknown): void {
  const kind = registry.get(type);
  if (!kind) throw new Error(`public event type "${type}" is not declared`);
  if (!kind.check(payload)) throw new Error(`payload of public event "${type}" does not match its declared schema`);
}

export type PayloadOf<K> = K extends PublicEventKind<infer T> ? Static<T> : never;
