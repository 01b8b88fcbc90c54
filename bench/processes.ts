import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface NodeProcess {
  label: string;
  child: ChildProcess;
  url: string;
  port: number;
  /** The last lines the process printed (for error messages). */
  tail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed by a signal). */
  stop(graceMs?: number): Promise<number | null>;
}

export interface StartOptions {
  label: string;
  /** Script relative to the project root, run as `node --import tsx <script>` (as `npm start` runs src/server.ts). */
  script: string;
  env: Record<string, string>;
  /** Path answering 200 once the process is ready. */
  readyPath: string;
  timeoutMs?: number;
  /** An IPC channel: the child can notice the bench going away (the baseline server exits then). */
  ipc?: boolean;
  /** Where the child's output goes, line by line (stderr of the bench by default). */
  output?: (line: string) => void;
  /** Extra Node.js flags before the script (--cpu-prof when profiling). */
  nodeArgs?: string[];
}

const TAIL_LINES = 60;

/**
 * Starts a Node.js server as a separate process, the way `npm start` runs the platform
 * (one process: node with tsx as a loader, no npm wrapper in between to relay signals),
 * on a free port, and waits until it answers `readyPath`.
 */
export async function startNodeProcess(options: StartOptions): Promise<NodeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.script], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const print = options.output ?? ((line: string) => process.stderr.write(`[${options.label}] ${line}\n`));
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > TAIL_LINES) lines.shift();
      print(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  const handle: NodeProcess = {
    label: options.label,
    child,
    url,
    port,
    tail: () => lines.join('\n'),
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${options.label} exited with ${child.exitCode ?? child.signalCode}:\n${handle.tail()}`);
    const ok = await fetch(url + options.readyPath).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return handle;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.label} did not become ready on ${options.readyPath}:\n${handle.tail()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
