/**
 * npm run admin:create -- <email> <display name>
 *
 * Creates a confirmed account with the platform_admin role, or grants the role to the
 * account that already has this address (its password is left alone). The password of
 * a new account is read from IRGEN_ADMIN_PASSWORD when set (for scripts), else asked for
 * on the terminal without echo (twice), else read as the first line of standard input.
 *
 * Uses the database the platform uses (DATABASE_URL, or the embedded server under
 * DATA_DIR, joining it when `npm start` is running). Exits 0 on success, 1 when the
 * input is refused or the database fails, 2 on wrong usage; always with a message.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { createOrPromoteAdmin } from '../modules/accounts/commands/create-admin.js';
import '../modules/accounts/messages.js';
import { checkDisplayName, checkEmail, checkNewPassword, normaliseDisplayName, normaliseEmail } from '../modules/accounts/validation.js';
import { migrate } from '../shared/db/migrate.js';
import { openConfiguredDatabase } from '../shared/db/open-configured-database.js';
import type { FieldError } from '../shared/errors.js';
import { translate } from '../shared/i18n/index.js';

const USAGE = 'usage: npm run admin:create -- <email> <display name>';

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** The web form's message for a refused field, in English. */
function explain(error: FieldError): string {
  return translate('en', error.key, error.params ?? {});
}

/** Reads one line from a terminal without showing what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new CliError('Cancelled.', 130));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(email: string): Promise<string> {
  let password: string;
  const fromEnv = process.env.IRGEN_ADMIN_PASSWORD;
  if (fromEnv) password = fromEnv;
  else if (process.stdin.isTTY) {
    password = await promptHidden(`Password for ${email} (at least 10 characters): `);
    const problem = checkNewPassword(password, email);
    if (problem) throw new CliError(`The password was not accepted: ${explain(problem)}.`);
    if ((await promptHidden('The same password again: ')) !== password) throw new CliError('The two passwords differ; nothing was changed.');
  } else password = await firstLineOfStdin();
  const problem = checkNewPassword(password, email);
  if (problem) throw new CliError(`The password was not accepted: ${explain(problem)}. Nothing was changed.`);
  return password;
}

export async function main(args: string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const [rawEmail, ...nameParts] = args;
  if (!rawEmail || nameParts.length === 0) throw new CliError(`${USAGE}\n  for example: npm run admin:create -- saraa@example.mn "Saraa Bat"`, 2);
  const email = normaliseEmail(rawEmail);
  const displayName = normaliseDisplayName(nameParts.join(' '));
  const refused = [checkEmail(email), checkDisplayName(displayName)].filter((e) => e !== null);
  if (refused.length) throw new CliError(refused.map((e) => `${explain(e)}.`).join('\n'));

  const config = loadConfig();
  const { database, close } = await openConfiguredDatabase(config, {
    joinRunning: true,
    max: 2,
    applicationName: 'irgen-admin-create',
    log: (m) => console.error(m),
  });
  try {
    await migrate(database.pool);
    const result = await createOrPromoteAdmin(database.db, { email, displayName, password: () => readPassword(email) }, new Date());
    const signIn = `${config.publicUrl}/account/sign-in`;
    if (result.outcome === 'created') console.log(`Created platform admin ${email} (account ${result.accountId}). Sign in at ${signIn}`);
    else if (result.outcome === 'granted') console.log(`${email} already had an account (${result.accountId}); it is now a platform admin. Its password and name are unchanged. Sign in at ${signIn}`);
    else console.log(`${email} is already a platform admin (account ${result.accountId}); nothing was changed.`);
  } finally {
    await close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof CliError) console.error(error.message);
      else if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
      else console.error(`Could not create the admin: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(error instanceof CliError ? error.exitCode : 1);
    },
  );
}
