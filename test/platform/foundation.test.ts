import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { WebClient } from '../support/client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('platform foundation', () => {
  it('answers /healthz when the database is up', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('serves the home page in Mongolian by default with a strict CSP', async () => {
    const res = await t.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="mn"');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('switches to English and keeps the choice in a cookie', async () => {
    const client = new WebClient(t.app);
    const switched = await client.get('/lang/en?next=/');
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe('/');
    const page = await client.get('/');
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('Send feedback');
  });

  it('never redirects to another site after a switch', async () => {
    for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/', '/%2F%2Fevil.example']) {
      const res = await t.app.inject(`/lang/en?next=${encodeURIComponent(next)}`);
      expect(res.statusCode).toBe(303);
      expect(String(res.headers.location)).toMatch(/^\/(?!\/)/);
      expect(String(res.headers.location)).not.toContain('evil.example/');
    }
  });

  it('returns to a page with a Cyrillic address after switching language', async () => {
    const res = await t.app.inject(`/lang/en?next=${encodeURIComponent('/places?q=баян')}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/places?q=%D0%B1%D0%B0%D1%8F%D0%BD');
    const display = await t.app.inject(`/display/large?next=${encodeURIComponent('/бүгд')}`);
    expect(display.statusCode).toBe(303);
  });

  it('answers unknown pages with an accessible 404 page, and JSON to API clients', async () => {
    const page = await t.app.inject('/no-such-page');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Таны хайсан хуудас олдсонгүй');
    const json = await t.app.inject({ url: '/no-such-page', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    expect(json.json().error.code).toBe('not_found');
    expect(json.json().error.messages.en).toMatch(/not found/);
  });

  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/healthz']).toBeDefined();
  });
});
