import { QueryClient } from '@tanstack/react-query';

/**
 * One cache for the window. Nothing is retried automatically: a refused call (locked, not found,
 * invalid) will not succeed on a second try, and the pages offer "Try again" where it might.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
    mutations: { retry: false },
  },
});
