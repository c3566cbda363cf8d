import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startHost, type Host } from '../../harness/host.js';
import { tempDir } from '../../support/tmp.js';

describe('test harness host', () => {
  let host: Host;
  let cleanup: () => void;
  let rendererDir: string;

  beforeAll(async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    rendererDir = path.join(t.dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(t.dir, 'secret.txt'), 'outside');
    host = await startHost({ profilesDir: path.join(t.dir, 'profiles'), rendererDir });
  });
  afterAll(async () => {
    await host.close();
    cleanup();
  });

  type Answer = { ok: boolean; value?: unknown; error: { code: string } };
  const json = async (res: Response): Promise<Answer> => (await res.json()) as Answer;
  const invoke = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${host.url}/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('listens on loopback only and prints a token that is not in any served page', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.openUrl).toBe(`${host.url}/#token=${host.token}`);
    const html = await (await fetch(`${host.url}/`)).text();
    expect(html).toContain('__carnet/bridge.js');
    expect(html).not.toContain(host.token);
    const bridge = await (await fetch(`${host.url}/__carnet/bridge.js`)).text();
    expect(bridge).toContain("defineProperty(window, 'carnet'");
    expect(bridge).not.toContain(host.token);
  });

  it('answers calls with the token through the real router', async () => {
    const res = await invoke(JSON.stringify({ channel: 'session.status', input: {} }), { authorization: `Bearer ${host.token}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { state: 'locked', profile: null, autoLockMinutes: null } });
  });

  it('refuses calls without the right token with 401, and nothing runs', async () => {
    const create = JSON.stringify({ channel: 'session.createProfile', input: { displayName: 'X', maison: 'M', boutique: 'B', locale: 'en', passphrase: 'a long enough passphrase' } });
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer nope' }, { authorization: host.token }, { authorization: `Bearer ${host.token}x` }]) {
      const res = await invoke(create, headers);
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('FORBIDDEN_SENDER');
    }
    expect((await host.core.router.dispatch('session.listProfiles', {})).ok && host.core.session.listProfiles()).toEqual([]);
  });

  it('refuses another Host name (DNS rebinding) even with the token', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${host.url}/invoke`, { method: 'POST', headers: { host: 'evil.example', authorization: `Bearer ${host.token}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ channel: 'session.status', input: {} }));
    });
    expect(status).toBe(421);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await invoke(JSON.stringify({ channel: 'session.status', input: {} }), { authorization: `Bearer ${host.token}`, origin: 'http://evil.example' });
    expect(res.status).toBe(401);
  });

  it('answers malformed and oversized bodies with typed errors', async () => {
    const auth = { authorization: `Bearer ${host.token}` };
    const notJson = await invoke('{"channel": ', auth);
    expect(notJson.status).toBe(400);
    expect((await json(notJson)).error.code).toBe('INVALID_INPUT');
    const notObject = await invoke('[1,2]', auth);
    expect((await json(notObject)).error.code).toBe('INVALID_INPUT');
    const tenMb = await invoke(JSON.stringify({ channel: 'session.status', input: { pad: 'x'.repeat(10 * 1024 * 1024) } }), auth);
    expect((await json(tenMb)).error.code).toBe('PAYLOAD_TOO_LARGE');
    const huge = await invoke('x'.repeat(17 * 1024 * 1024), auth);
    expect(huge.status).toBe(413);
  });

  it('serves only the renderer folder', async () => {
    expect((await fetch(`${host.url}/assets/app.js`)).status).toBe(200);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/']) {
      expect((await fetch(`${host.url}${p}`)).status).toBe(404);
    }
  });
});
