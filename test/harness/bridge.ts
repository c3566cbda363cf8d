/**
 * The page-side half of the test harness: defines `window.carnet.invoke` over `fetch` to the
 * loopback host, in place of Electron's preload. The token comes from the URL fragment
 * (`#token=…`), which browsers never send to a server; it is moved to sessionStorage and removed
 * from the address bar before the app starts. The renderer's code is the same in both worlds.
 */
(() => {
  const STORAGE_KEY = 'carnet.harness.token';
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    window.sessionStorage.setItem(STORAGE_KEY, match[1]);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = window.sessionStorage.getItem(STORAGE_KEY) ?? '';
  const lockedListeners = new Set<() => void>();

  async function invoke(channel: string, input: unknown): Promise<unknown> {
    try {
      const response = await fetch('./invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ channel, input }),
      });
      const result: unknown = await response.json();
      const locked =
        typeof result === 'object' &&
        result !== null &&
        (result as { ok?: unknown }).ok === false &&
        (result as { error?: { code?: unknown } }).error?.code === 'LOCKED';
      if (locked) lockedListeners.forEach((listener) => listener());
      return result;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'Carnet’s host cannot be reached.' } };
    }
  }

  Object.defineProperty(window, 'carnet', {
    value: Object.freeze({
      invoke,
      onLocked(listener: () => void): () => void {
        lockedListeners.add(listener);
        return () => lockedListeners.delete(listener);
      },
    }),
    writable: false,
    configurable: false,
  });
})();
