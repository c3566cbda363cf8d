/**
 * The shell's security decisions (electron/main/policy.ts): pure functions, tested directly —
 * no Electron, no mocks.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  devContentSecurityPolicy,
  devOriginFrom,
  effectiveAutoLockMinutes,
  isAppPage,
  isNavigationAllowed,
  isTrustedSender,
  requestDecision,
  schemeOf,
  shouldAutoLock,
  withContentSecurityPolicy,
  type AppPage,
} from '../../../electron/main/policy.js';

const appRoot = path.resolve('/Applications/Carnet Maison.app/Contents/Resources/app.asar');
const indexFile = path.join(appRoot, 'out/renderer/index.html');
const indexUrl = pathToFileURL(indexFile).href;
const rendererDir = pathToFileURL(path.join(appRoot, 'out/renderer')).href;

const packaged: AppPage = { rendererIndexUrl: indexUrl, devOrigin: null };
const dev: AppPage = { rendererIndexUrl: indexUrl, devOrigin: 'http://localhost:5173' };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('Content Security Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('is exactly the strict policy of the brief', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('names no remote origin, no wildcard and no scheme a network could serve', () => {
    for (const [, values] of csp) {
      for (const value of values) {
        expect(value).not.toMatch(/^(https?|wss?|ftp):|\*|\.\w/);
      }
    }
  });

  it('never allows eval, inline scripts or wasm eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('denies by default and locks down base, forms, framing and plugins', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('allows inline styles only (recharts draws SVG with style attributes)', () => {
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('relaxes only script and connect for the loopback dev server, and only in dev', () => {
    const relaxed = directives(devContentSecurityPolicy('http://localhost:5173'));
    expect(relaxed.get('script-src')).toEqual(["'self'", "'unsafe-inline'", 'http://localhost:5173']);
    expect(relaxed.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    for (const name of ['default-src', 'style-src', 'img-src', 'font-src', 'base-uri', 'form-action', 'frame-ancestors', 'object-src']) {
      expect(relaxed.get(name)).toEqual(csp.get(name));
    }
    expect(devContentSecurityPolicy('http://localhost:5173')).not.toContain('unsafe-eval');
  });

  it('replaces any policy a response carried, whatever the header case', () => {
    const headers = withContentSecurityPolicy(
      {
        'content-security-policy': ["default-src *"],
        'Content-Security-Policy-Report-Only': ['default-src *'],
        'Content-Type': ['text/html'],
      },
      CONTENT_SECURITY_POLICY,
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});

describe('dev server origin', () => {
  it('is trusted only unpackaged, over http, on a loopback host', () => {
    expect(devOriginFrom('http://localhost:5173', false)).toBe('http://localhost:5173');
    expect(devOriginFrom('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173');
    expect(devOriginFrom('http://[::1]:5173', false)).toBe('http://[::1]:5173');
    expect(devOriginFrom('http://localhost:5173', true)).toBeNull();
    expect(devOriginFrom(undefined, false)).toBeNull();
    expect(devOriginFrom('', false)).toBeNull();
    expect(devOriginFrom('https://localhost:5173', false)).toBeNull();
    expect(devOriginFrom('http://evil.example:5173', false)).toBeNull();
    expect(devOriginFrom('http://localhost.evil.example', false)).toBeNull();
    expect(devOriginFrom('http://user:pw@localhost:5173', false)).toBeNull();
    expect(devOriginFrom('file:///tmp/index.html', false)).toBeNull();
    expect(devOriginFrom('not a url', false)).toBeNull();
  });
});

describe('navigation', () => {
  it("allows the app's own index.html, with or without a #route", () => {
    expect(isNavigationAllowed(indexUrl, packaged)).toBe(true);
    expect(isNavigationAllowed(`${indexUrl}#/clients/01J`, packaged)).toBe(true);
  });

  it('compares paths, not spellings of them (percent-encoding, dot segments)', () => {
    const spaced = indexUrl.replaceAll('%20', ' ');
    expect(spaced).not.toBe(indexUrl);
    expect(isNavigationAllowed(spaced, packaged)).toBe(true);
    expect(isNavigationAllowed(`${rendererDir}/assets/../index.html`, packaged)).toBe(true);
  });

  it('refuses other files inside the renderer folder', () => {
    expect(isNavigationAllowed(`${rendererDir}/assets/index-abc.js`, packaged)).toBe(false);
    expect(isNavigationAllowed(`${rendererDir}/other.html`, packaged)).toBe(false);
    expect(isNavigationAllowed(`${rendererDir}/`, packaged)).toBe(false);
  });

  it('refuses files outside the renderer folder, however the path is spelled', () => {
    expect(isNavigationAllowed('file:///etc/passwd', packaged)).toBe(false);
    expect(isNavigationAllowed(pathToFileURL(path.join(appRoot, 'index.html')).href, packaged)).toBe(false);
    expect(isNavigationAllowed(`${rendererDir}/../../index.html`, packaged)).toBe(false);
    expect(isNavigationAllowed(`${rendererDir}/%2e%2e/%2e%2e/index.html`, packaged)).toBe(false);
    expect(isNavigationAllowed(`${rendererDir}/..%2f..%2findex.html`, packaged)).toBe(false);
    expect(isNavigationAllowed(`${rendererDir}/index.html%00.png`, packaged)).toBe(false);
    expect(isNavigationAllowed(`${indexUrl}?inject=1`, packaged)).toBe(false);
    // A UNC share with the same path is another machine's file.
    expect(isNavigationAllowed(indexUrl.replace('file:///', 'file://server/'), packaged)).toBe(false);
  });

  it('allows the dev server page in dev only', () => {
    expect(isNavigationAllowed('http://localhost:5173/', dev)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5173/index.html#/x', dev)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5173/', packaged)).toBe(false);
    expect(isNavigationAllowed('http://localhost:5173/src/evil.html', dev)).toBe(false);
    expect(isNavigationAllowed('http://localhost:5174/', dev)).toBe(false);
    expect(isNavigationAllowed('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isNavigationAllowed('http://user@localhost:5173/', dev)).toBe(false);
    // the built page is still the app's page in dev
    expect(isNavigationAllowed(indexUrl, dev)).toBe(true);
  });

  it('refuses the web and every script-bearing or foreign scheme', () => {
    for (const target of [
      'http://example.com/',
      'https://example.com/',
      'https://localhost:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      `data:text/html;base64,${Buffer.from('<h1>x</h1>').toString('base64')}`,
      'blob:file:///0f3c',
      'about:blank',
      'mailto:client@example.com',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
      'ftp://example.com/',
      '',
      'index.html',
    ]) {
      expect(isNavigationAllowed(target, packaged), target).toBe(false);
      expect(isNavigationAllowed(target, dev), target).toBe(false);
    }
  });
});

describe('request cancellation', () => {
  it('cancels every network scheme in a packaged app', () => {
    for (const target of [
      'http://example.com/',
      'https://fonts.googleapis.com/css',
      'ws://example.com/socket',
      'wss://example.com/socket',
      'ftp://example.com/file',
      'http://localhost:5173/',
      'http://127.0.0.1/',
      'HTTPS://EXAMPLE.COM/',
    ]) {
      expect(requestDecision(target, packaged), target).toBe('cancel');
    }
  });

  it('lets the dev server (page, modules, hot-reload socket) through in dev, and nothing else', () => {
    expect(requestDecision('http://localhost:5173/', dev)).toBe('allow');
    expect(requestDecision('http://localhost:5173/src/main.tsx?t=1', dev)).toBe('allow');
    expect(requestDecision('ws://localhost:5173/', dev)).toBe('allow');
    expect(requestDecision('https://localhost:5173/', dev)).toBe('cancel');
    expect(requestDecision('wss://localhost:5173/', dev)).toBe('cancel');
    expect(requestDecision('http://localhost:5174/', dev)).toBe('cancel');
    expect(requestDecision('http://example.com/', dev)).toBe('cancel');
    expect(requestDecision('ws://example.com/', dev)).toBe('cancel');
  });

  it('allows files of the renderer folder and cancels every other file', () => {
    expect(requestDecision(indexUrl, packaged)).toBe('allow');
    expect(requestDecision(`${rendererDir}/assets/index-abc.js`, packaged)).toBe('allow');
    expect(requestDecision(`${rendererDir}/assets/inter-latin.woff2`, packaged)).toBe('allow');
    expect(requestDecision('file:///etc/passwd', packaged)).toBe('cancel');
    expect(requestDecision(pathToFileURL(path.join(appRoot, 'package.json')).href, packaged)).toBe('cancel');
    expect(requestDecision(`${rendererDir}-evil/x.js`, packaged)).toBe('cancel');
    expect(requestDecision(`${rendererDir}/../main/index.js`, packaged)).toBe('cancel');
    expect(requestDecision(`${rendererDir}/%2e%2e/main/index.js`, packaged)).toBe('cancel');
    expect(requestDecision(`${rendererDir}/..%2fmain/index.js`, packaged)).toBe('cancel');
  });

  it('leaves local schemes to the CSP and cancels what cannot be parsed', () => {
    expect(requestDecision('data:image/png;base64,AAAA', packaged)).toBe('allow');
    expect(requestDecision('blob:file:///0f3c', packaged)).toBe('allow');
    expect(requestDecision('devtools://devtools/bundled/inspector.html', dev)).toBe('allow');
    expect(requestDecision('::not a url', packaged)).toBe('cancel');
  });
});

describe('IPC sender', () => {
  const trusted = { isAppWindow: true, isMainFrame: true, frameUrl: indexUrl };

  it("trusts only the app's page, in the app's window, in its top frame", () => {
    expect(isTrustedSender(trusted, packaged)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: `${indexUrl}#/clients` }, packaged)).toBe(true);
    expect(isTrustedSender({ ...trusted, frameUrl: 'http://localhost:5173/' }, dev)).toBe(true);
  });

  it('refuses another window, a subframe, a gone frame, or another page', () => {
    expect(isTrustedSender({ ...trusted, isAppWindow: false }, packaged)).toBe(false);
    expect(isTrustedSender({ ...trusted, isMainFrame: false }, packaged)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: null }, packaged)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'https://example.com/' }, packaged)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: `${rendererDir}/other.html` }, packaged)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'data:text/html,x' }, packaged)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'about:blank' }, packaged)).toBe(false);
    expect(isTrustedSender({ ...trusted, frameUrl: 'http://localhost:5173/' }, packaged)).toBe(false);
  });
});

describe('auto-lock decision', () => {
  it('locks once the system has been idle for the whole delay', () => {
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 599, autoLockMinutes: 10 })).toBe(false);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 600, autoLockMinutes: 10 })).toBe(true);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 3600, autoLockMinutes: 10 })).toBe(true);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 59, autoLockMinutes: 1 })).toBe(false);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 60, autoLockMinutes: 1 })).toBe(true);
  });

  it('never locks a session that is already locked', () => {
    expect(shouldAutoLock({ unlocked: false, idleSeconds: 100_000, autoLockMinutes: 1 })).toBe(false);
  });

  it('does not act on a nonsensical idle reading', () => {
    expect(shouldAutoLock({ unlocked: true, idleSeconds: Number.NaN, autoLockMinutes: 1 })).toBe(false);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: -5, autoLockMinutes: 1 })).toBe(false);
  });

  it('keeps the delay within the contract bounds; a broken setting falls back to the default', () => {
    expect(effectiveAutoLockMinutes(10)).toBe(10);
    expect(effectiveAutoLockMinutes(0)).toBe(1);
    expect(effectiveAutoLockMinutes(-3)).toBe(1);
    expect(effectiveAutoLockMinutes(10_000)).toBe(240);
    expect(effectiveAutoLockMinutes(Number.NaN)).toBe(10);
    expect(effectiveAutoLockMinutes(Number.POSITIVE_INFINITY)).toBe(10);
    // a zero delay does not mean "never": it locks after a minute of idleness
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 60, autoLockMinutes: 0 })).toBe(true);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 240 * 60, autoLockMinutes: 100_000 })).toBe(true);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 599, autoLockMinutes: Number.NaN })).toBe(false);
    expect(shouldAutoLock({ unlocked: true, idleSeconds: 600, autoLockMinutes: Number.NaN })).toBe(true);
  });
});

describe('logging', () => {
  it('reduces a URL to its scheme', () => {
    expect(schemeOf('mailto:client@example.com')).toBe('mailto:');
    expect(schemeOf('https://example.com/?q=name')).toBe('https:');
    expect(schemeOf('garbage')).toBe('invalid:');
  });
});
