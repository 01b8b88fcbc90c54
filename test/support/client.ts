import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * A browser-like client over app.inject(): keeps cookies, reads the CSRF token from
 * the last page and sends forms the way a browser without JavaScript does.
 */
export class WebClient {
  private cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ ...options, headers: { cookie: this.cookieHeader(), ...(options.headers ?? {}) } });
    this.remember(response);
    if ((response.headers['content-type'] ?? '').toString().includes('text/html')) this.lastPage = response.body;
    return response;
  }

  get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url, headers });
  }

  /** The CSRF token of the last page that held a form. */
  csrf(): string {
    const match = this.lastPage.match(/name="_csrf" value="([^"]+)"/) ?? this.lastPage.match(/_csrf=([^"&]+)/);
    if (!match) throw new Error('no CSRF token on the last page');
    return decodeURIComponent(match[1]!);
  }

  /** Posts a form as application/x-www-form-urlencoded, with the CSRF token of the last page unless given. */
  post(url: string, form: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    if (options.csrf !== false && !('_csrf' in form)) body.append('_csrf', this.csrf());
    for (const [k, v] of Object.entries(form)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    return this.request({ method: 'POST', url, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** GET, then follow redirects like a browser would. */
  async follow(response: LightMyRequestResponse, max = 5): Promise<LightMyRequestResponse> {
    let current = response;
    for (let i = 0; i < max && current.statusCode >= 300 && current.statusCode < 400; i++) {
      const location = current.headers.location;
      if (typeof location !== 'string') break;
      current = await this.get(new URL(location, 'http://irgen.test').pathname + new URL(location, 'http://irgen.test').search);
    }
    return current;
  }
}
