/**
 * The application core, plain Node: what Electron's main process and the test harness both
 * start. Nothing here imports `electron`.
 */
import { handlers } from './handlers.js';
import { Router, type RouterOptions } from './router.js';
import { SessionService, type SessionOptions } from './session/service.js';

export interface Core {
  session: SessionService;
  router: Router;
}

export function createCore(options: SessionOptions & RouterOptions): Core {
  const session = new SessionService(options);
  const router = new Router(session, handlers, { onInternalError: options.onInternalError });
  return { session, router };
}

export { Router } from './router.js';
export { SessionService } from './session/service.js';
