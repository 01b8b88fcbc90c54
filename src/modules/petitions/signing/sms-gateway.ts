import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { Logger } from '../../../shared/logger.js';

/**
 * Sending text messages. The platform speaks one small HTTP interface to an SMS gateway
 * (Mongolian operators and aggregators all offer one): POST <SMS_GATEWAY_URL> with
 * JSON { "to": "+97699112233", "text": "…" } and, when SMS_GATEWAY_TOKEN is set,
 * "Authorization: Bearer <token>"; any 2xx means accepted. A local gateway answers the
 * same in the tests. Without a gateway (development) messages go to DATA_DIR/sms-outbox.
 */
export interface SmsSender {
  send(to: string, text: string): Promise<void>;
}

export function httpSmsGateway(url: string, token: string | undefined, log?: Logger): SmsSender {
  return {
    async send(to, text) {
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ to, text }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        log?.warn({ err: error }, 'SMS gateway unreachable');
        throw new AppError('petitions.sms_unavailable', { status: 503 });
      }
      if (!response.ok) {
        log?.warn({ status: response.status }, 'SMS gateway refused a message');
        throw new AppError('petitions.sms_unavailable', { status: 503 });
      }
    },
  };
}

/** Development without a gateway: each message is a file, and the log says where. */
export function outboxSmsSender(dir: string, log?: Logger): SmsSender {
  return {
    async send(to, text) {
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${Date.now()}-${to.replace(/\D/g, '')}.txt`);
      await fs.writeFile(file, `To: ${to}\n\n${text}\n`, 'utf8');
      log?.info(`SMS to ${to} written to ${file}`);
    },
  };
}
