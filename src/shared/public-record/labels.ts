import type { Lang, Translate } from '../i18n/index.js';
import { translator } from '../i18n/index.js';

/**
 * Words for event types and payload fields come from the module that declares the
 * events, under its own namespace: 'feedback.received' is labelled by
 * `feedback:publicRecord.events.received`, its module by `feedback:publicRecord.group`
 * and a payload field `due_at` by `feedback:publicRecord.fields.due_at`. Anything
 * without words is shown as it is stored.
 */
function lookup(t: Translate, key: string): string | null {
  const text = (t as unknown as (k: string, o: object) => string)(key, { defaultValue: '' });
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
