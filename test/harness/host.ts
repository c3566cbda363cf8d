/**
 * The test harness host: a loopback HTTP server (127.0.0.1 only, random port, a random per-run
 * token) that serves the built renderer and exposes `router.dispatch` — the same router,
 * services and real encrypted store that Electron uses. Calls without the token are refused
 * and nothing runs.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import ts from 'typescript';
import { createCore, type Core } from '../../electron/services/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEFAULT_RENDERER_DIR = path.join(ROOT, 'out/renderer');
/** Larger than any channel accepts, so oversized calls reach the router's typed refusal. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

export interface HostOptions {
  profilesDir: string;
  rendererDir?: string;
  port?: number;
  demoClients?: number;
}

export interface Host {
  /** `http://127.0.0.1:<port>` */
  url: string;
  token: string;
  /** The URL a person opens: the token travels in the fragment, never to the server. */
  openUrl: string;
  core: Core;
  close(): Promise<void>;
}

function compileBridge(): string {
  const source = fs.readFileSync(path.join(import.meta.dirname, 'bridge.ts'), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None, removeComments: false },
  }).outputText.replace(/^export \{\};?\s*$/m, '');
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function refusal(code: string, message: string): { ok: false; error: { code: string; message: string } } {
  return { ok: false, error: { code, message } };
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<Host> {
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`No built renderer at ${rendererDir}: run \`npm run build\` first.`);
  }
  const token = randomBytes(32).toString('base64url');
  const core = createCore({
    profilesDir: options.profilesDir,
    demoClients: options.demoClients,
    onInternalError: (channel, code) => process.stderr.write(`carnet: internal error on ${channel} (${code ?? 'unknown'})\n`),
  });
  const bridge = compileBridge();
  let origin = '';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, refusal('INTERNAL', 'Something went wrong; nothing was changed.'));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    // Only this host's own name: refuses DNS-rebinding pages that resolve to 127.0.0.1.
    if (req.headers.host !== origin.slice('http://'.length)) {
      sendJson(res, 421, refusal('FORBIDDEN_SENDER', 'Wrong host.'));
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/invoke') {
      if (req.method !== 'POST') {
        sendJson(res, 405, refusal('INVALID_INPUT', 'Use POST.'));
        return;
      }
      const requestOrigin = req.headers.origin;
      if (!tokenMatches(req.headers.authorization, token) || (requestOrigin !== undefined && requestOrigin !== origin)) {
        req.resume();
        sendJson(res, 401, refusal('FORBIDDEN_SENDER', 'This call is not from Carnet.'));
        return;
      }
      const body = await readBody(req);
      if (body === 'too_large') {
        sendJson(res, 413, refusal('PAYLOAD_TOO_LARGE', 'The request is too large.'));
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(res, 400, refusal('INVALID_INPUT', 'The request is not valid JSON.'));
        return;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        sendJson(res, 400, refusal('INVALID_INPUT', 'The request is not valid.'));
        return;
      }
      const { channel, input } = parsed as { channel?: unknown; input?: unknown };
      sendJson(res, 200, await core.router.dispatch(channel, input));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, refusal('INVALID_INPUT', 'Not allowed.'));
      return;
    }
    if (url.pathname === '/__carnet/bridge.js') {
      send(res, 200, bridge, CONTENT_TYPES['.js'] as string);
      return;
    }
    const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererDir, relative);
    if (!file.startsWith(`${rendererDir}${path.sep}`) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      return;
    }
    if (file === indexFile) {
      // The bridge runs before the app's module script and defines window.carnet.
      const html = fs
        .readFileSync(indexFile, 'utf8')
        .replace('</head>', '  <script src="./__carnet/bridge.js"></script>\n  </head>');
      send(res, 200, html, CONTENT_TYPES['.html'] as string);
      return;
    }
    send(res, 200, fs.readFileSync(file), CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The harness could not listen.');
  origin = `http://127.0.0.1:${address.port}`;

  return {
    url: origin,
    token,
    openUrl: `${origin}/#token=${token}`,
    core,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.session.lock();
    },
  };
}
