/**
 * `npm run harness -- --dir <profiles folder> [--port N] [--demo-clients N]`
 * Starts the loopback host and prints one JSON line: {"url", "token", "open"}.
 * Open `open` in any browser on this machine to use the real app over the real store.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from './host.js';

let values: { dir?: string; port?: string; 'demo-clients'?: string };
try {
  ({ values } = parseArgs({
    options: { dir: { type: 'string' }, port: { type: 'string' }, 'demo-clients': { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nUsage: npm run harness -- --dir <profiles folder> [--port N]\n`);
  process.exit(2);
}
if (!values.dir) {
  process.stderr.write('Usage: npm run harness -- --dir <profiles folder> [--port N]\n');
  process.exit(2);
}
const port = values.port === undefined ? 0 : Number(values.port);
const demoClients = values['demo-clients'] === undefined ? undefined : Number(values['demo-clients']);
if (!Number.isInteger(port) || port < 0 || port > 65535 || (demoClients !== undefined && !(demoClients > 0))) {
  process.stderr.write('--port must be 0–65535 and --demo-clients a positive number.\n');
  process.exit(2);
}
const dir = path.resolve(values.dir);
fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
try {
  const host = await startHost({ profilesDir: dir, port, demoClients });
  process.stdout.write(`${JSON.stringify({ url: host.url, token: host.token, open: host.openUrl })}\n`);
  const stop = (): void => {
    void host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
