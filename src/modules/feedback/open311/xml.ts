import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';

export type Open311Format = 'json' | 'xml';

export const JSON_TYPE = 'application/json; charset=utf-8';
/** GeoReport v2 names text/xml as its XML media type. */
export const XML_TYPE = 'text/xml; charset=utf-8';

/** The format a URL asks for by its extension: `requests.xml` → xml; anything else answers JSON. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

const builder = new XMLBuilder({ ignoreAttributes: true, suppressEmptyNode: false, format: false, processEntities: true });

// Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, LF and CR, lone surrogates, U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(NOT_XML, '');
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clean(v);
    return out;
  }
  return value;
}

/**
 * An XML document in the GeoReport v2 shapes: `{ services: { service: [...] } }` becomes
 * <services><service>…</service>…</services>. Text is escaped by the builder; null
 * becomes an empty element, as the specification's examples show.
 */
export function xmlDocument(root: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(clean(root))}`;
}

/** Sends the JSON value, or its XML document, in the format the route asked for. */
export function sendFormatted(reply: FastifyReply, format: Open311Format, json: unknown, xml: () => Record<string, unknown>): FastifyReply {
  if (format === 'xml') return reply.type(XML_TYPE).send(xmlDocument(xml()));
  return reply.type(JSON_TYPE).send(json);
}
