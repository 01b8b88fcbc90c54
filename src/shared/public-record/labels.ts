import type { Lang, Translate } from '../i18n/index.js';
import { translator } from '../i18n/index.js';

/**
 * Words for event types and payload fields come from the module that declares the
 * events, under its own namespace: 'feedback.received' is labelled by
 * `feedback:publicRecord.events.received`, its module by `feedback:publicRecord.group`
 * and a payload field `due_at` by `feedback:publicRecord.fields.due_at`. A coded value
 * (`working_group` in the field `consequence`) takes the module's words for it:
 * `<module>:publicRecord.values.<field>.<value>`, else the module's own vocabulary
 * `<module>:<field>.<value>`. Anything without words is shown as it is stored.
 */
function lookup(t: Translate, key: string): string | null {
  // returnObjects: a key naming a group of messages gives the group, not a warning string.
  const text = (t as unknown as (k: string, o: object) => unknown)(key, { defaultValue: '', returnObjects: true });
  return typeof text === 'string' && text !== '' ? text : null;
}

function split(type: string): [string, string] {
  const dot = type.indexOf('.');
  return dot === -1 ? [type, ''] : [type.slice(0, dot), type.slice(dot + 1)];
}

export function eventTypeLabel(t: Translate, type: string): string | null {
  const [module, event] = split(type);
  return event ? lookup(t, `${module}:publicRecord.events.${event}`) : null;
}

export function eventTypeLabels(type: string): Record<Lang, string> | null {
  const mn = eventTypeLabel(translator('mn'), type);
  const en = eventTypeLabel(translator('en'), type);
  return mn && en ? { mn, en } : null;
}

export function eventGroupLabel(t: Translate, module: string): string {
  return lookup(t, `${module}:publicRecord.group`) ?? module;
}

export function payloadFieldLabel(t: Translate, type: string, field: string): string {
  return lookup(t, `${split(type)[0]}:publicRecord.fields.${field}`) ?? field;
}

/** Words for a coded value of a payload field, or null (numbers, names, texts and unknown codes). */
export function payloadValueLabel(t: Translate, type: string, field: string, value: unknown): string | null {
  if (typeof value !== 'string' || !/^[a-z][a-z_]{1,40}$/.test(value) || !/^[a-z][a-z_]{0,40}$/.test(field)) return null;
  const module = split(type)[0];
  return lookup(t, `${module}:publicRecord.values.${field}.${value}`) ?? lookup(t, `${module}:${field}.${value}`);
}
