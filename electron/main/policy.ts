/**
 * The shell's security decisions as pure functions: which URL is the app's own page, which
 * navigation, request and IPC sender are allowed, the Content Security Policy, and when to lock.
 *
 * No `electron` import here (and nothing with side effects), so every decision is unit-tested in
 * plain Node: test/unit/main/policy.test.ts. The Electron wiring in `security.ts`, `ipc.ts` and
 * `autolock.ts` only translates events into these calls.
 */
import { AUTO_LOCK_MAX, AUTO_LOCK_MIN } from '../contract/session.js';
import { DEFAULT_AUTO_LOCK_MINUTES } from '../services/session/service.js';

/**
 * The Content Security Policy of the renderer, set as a response header by `security.ts` and
 * repeated in renderer/index.html as a `<meta http-equiv>` tag (a `file://` page has no response
 * headers to carry it reliably, so the meta tag is what guards the packaged app).
 *
 * - `default-src 'none'`: anything not listed below is refused.
 * - `script-src 'self'`: only the bundled scripts; no inline script, no `eval`/`new Function`
 *   (no `'unsafe-eval'`: neither React, TanStack Query, zod's parse path nor recharts needs it).
 * - `style-src 'self' 'unsafe-inline'`: recharts renders SVG with inline `style` attributes
 *   (positions, colours, tooltip boxes) and Radix sets inline styles for popper placement;
 *   `'unsafe-inline'` for styles is what they need. Styles cannot run code.
 * - `img-src 'self' data:`: bundled images and the `data:` URIs small assets are inlined as.
 * - `font-src 'self'`: the bundled @fontsource fonts; no font CDN.
 * - `connect-src 'self'`: Carnet never talks to a network; `fetch` of a remote origin is refused
 *   here and cancelled again in `webRequest.onBeforeRequest`.
 * - `base-uri`, `form-action`, `frame-ancestors`, `object-src 'none'`: no `<base>` hijack, no form
 *   posts, never framed, no plugins.
 *
 * No remote origin appears anywhere in it; recharts needs none (it draws locally with SVG).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy for `electron-vite dev` only (never in a packaged app): the Vite dev server serves
 * the page over http from a loopback origin, its React Fast Refresh preamble is an inline module
 * script, and its hot-reload client connects back over a WebSocket. Nothing else is relaxed.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' 'unsafe-inline' ${devOrigin}`).replace(
    "connect-src 'self'",
    `connect-src 'self' ${devOrigin} ${ws}`,
  );
}

/** Where the app's own page lives: the built index.html, or the dev server in `electron-vite dev`. */
export interface AppPage {
  /** `file://…/out/renderer/index.html` (from `pathToFileURL`). */
  rendererIndexUrl: string;
  /** The dev server's origin (`http://localhost:5173`), only in an unpackaged dev run. */
  devOrigin: string | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server origin to trust, from `ELECTRON_RENDERER_URL`: only in an unpackaged app, only
 * plain http on a loopback host. Anything else (a packaged app, a remote host, junk) → `null`.
 */
export function devOriginFrom(rendererUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !rendererUrl) return null;
  const url = parseUrl(rendererUrl);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.username || url.password) return null;
  return url.origin;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * A file URL's path, decoded, so that Chromium's and Node's percent-encoding choices compare
 * equal. `null` for an encoded separator or NUL (never part of a real path of ours) or bad escapes.
 */
function decodedFilePath(url: URL): string | null {
  if (url.protocol !== 'file:') return null;
  if (url.host !== '' && url.host !== 'localhost') return null; // a UNC share is never our page
  if (/%2f|%5c|%00/i.test(url.pathname)) return null;
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
}

/** The folder that holds index.html, with a trailing slash. */
function rendererFolder(page: AppPage): string | null {
  const index = parseUrl(page.rendererIndexUrl);
  const path = index ? decodedFilePath(index) : null;
  if (!path) return null;
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/**
 * Is `candidate` the app's own page? Exactly the renderer's index.html (any `#route`), or the dev
 * server's `/` or `/index.html` in dev. Another file in the same folder is not the page.
 */
export function isAppPage(candidate: string, page: AppPage): boolean {
  const url = parseUrl(candidate);
  if (!url) return false;
  if (url.protocol === 'file:') {
    const index = parseUrl(page.rendererIndexUrl);
    const expected = index ? decodedFilePath(index) : null;
    const actual = decodedFilePath(url);
    return expected !== null && actual === expected && url.search === '';
  }
  if (page.devOrigin !== null && url.origin === page.devOrigin && url.username === '' && url.password === '') {
    return url.pathname === '/' || url.pathname === '/index.html';
  }
  return false;
}

/** `will-navigate` / `will-frame-navigate` / `will-redirect`: only to the app's own page. */
export function isNavigationAllowed(target: string, page: AppPage): boolean {
  return isAppPage(target, page);
}

/** The schemes that reach a network. Carnet uses none of them. */
export const NETWORK_SCHEMES = ['http:', 'https:', 'ws:', 'wss:', 'ftp:'] as const;

export type RequestDecision = 'allow' | 'cancel';

/**
 * `webRequest.onBeforeRequest`: cancel every network request (http, https, ws, wss, ftp) except
 * to the dev server in dev (its page, modules and hot-reload socket), and every `file:` request
 * outside the renderer's folder — a page that has been subverted cannot read the disk through
 * `fetch('file:///…')`. Other schemes (`data:`, `blob:`, `devtools:`, Chromium-internal) are left
 * to the CSP. An unparseable URL is cancelled.
 */
export function requestDecision(target: string, page: AppPage): RequestDecision {
  const url = parseUrl(target);
  if (!url) return 'cancel';
  if ((NETWORK_SCHEMES as readonly string[]).includes(url.protocol)) {
    if (page.devOrigin === null) return 'cancel';
    const dev = new URL(page.devOrigin);
    const sameHost = url.hostname === dev.hostname && url.port === dev.port;
    const devScheme = url.protocol === 'http:' || url.protocol === 'ws:';
    return sameHost && devScheme ? 'allow' : 'cancel';
  }
  if (url.protocol === 'file:') {
    const folder = rendererFolder(page);
    const path = decodedFilePath(url);
    return folder !== null && path !== null && path.startsWith(folder) ? 'allow' : 'cancel';
  }
  return 'allow';
}

/**
 * The response headers with our CSP, replacing any the response carried (whatever its case), so
 * nothing served can loosen it.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}

/** What `ipc.ts` learns about the frame that sent an invoke, reduced to facts. */
export interface SenderFacts {
  /** The sending webContents is the app's main window's. */
  isAppWindow: boolean;
  /** The sending frame is that window's main (top-level) frame, not an iframe. */
  isMainFrame: boolean;
  /** The sending frame's URL; `null` when the frame is gone (navigated away, destroyed). */
  frameUrl: string | null;
}

/** Only the app's own page, in the app's own window, in its top frame, may call the core. */
export function isTrustedSender(sender: SenderFacts, page: AppPage): boolean {
  return sender.isAppWindow && sender.isMainFrame && sender.frameUrl !== null && isAppPage(sender.frameUrl, page);
}

/** How often `autolock.ts` polls the system idle time. */
export const IDLE_POLL_MS = 15_000;

/** The auto-lock delay to apply: the stored value when sane, else the default, within bounds. */
export function effectiveAutoLockMinutes(minutes: number): number {
  if (!Number.isFinite(minutes)) return DEFAULT_AUTO_LOCK_MINUTES;
  return Math.min(AUTO_LOCK_MAX, Math.max(AUTO_LOCK_MIN, Math.floor(minutes)));
}

export interface IdleState {
  /** Whether a profile is unlocked now. */
  unlocked: boolean;
  /** Seconds since the last keyboard or mouse input anywhere on the system. */
  idleSeconds: number;
  /** The profile's auto-lock setting, in minutes. */
  autoLockMinutes: number;
}

/** Lock now? Only an unlocked session, once the system has been idle for the whole delay. */
export function shouldAutoLock(state: IdleState): boolean {
  if (!state.unlocked) return false;
  if (!Number.isFinite(state.idleSeconds) || state.idleSeconds < 0) return false;
  return state.idleSeconds >= effectiveAutoLockMinutes(state.autoLockMinutes) * 60;
}

/** A URL reduced to its scheme, for logs: a blocked `mailto:` link must not log an address. */
export function schemeOf(target: string): string {
  return parseUrl(target)?.protocol ?? 'invalid:';
}
