/** TanStack Query hooks over the contract's channels. Pages use these, never `invoke` directly. */
import {
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { invoke } from './client';
import type { ChannelInput, ProfileSummary } from './contract';

export const keys = {
  status: ['session', 'status'] as const,
  profiles: ['session', 'profiles'] as const,
  clients: ['clients'] as const,
  clientList: (query: string, sort: 'name' | 'lastContact') => ['clients', 'list', { query, sort }] as const,
  client: (id: string) => ['clients', 'get', id] as const,
};

export const statusQuery = queryOptions({
  queryKey: keys.status,
  queryFn: () => invoke('session.status', {}),
  staleTime: 0,
});

export const profilesQuery = queryOptions({
  queryKey: keys.profiles,
  queryFn: () => invoke('session.listProfiles', {}),
});

export function useSessionStatus() {
  return useQuery(statusQuery);
}

export function useProfiles() {
  return useQuery(profilesQuery);
}

export function useProfile(profileId: string | undefined): { profile: ProfileSummary | undefined; isPending: boolean; isError: boolean; error: Error | null } {
  const query = useProfiles();
  return {
    profile: query.data?.profiles.find((p) => p.id === profileId),
    isPending: query.isPending,
    isError: query.isError,
    error: query.error,
  };
}

/** After a profile is opened: forget everything cached from before, then record the new session. */
async function afterUnlock(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ queryKey: keys.clients });
  await queryClient.invalidateQueries({ queryKey: ['session'] });
}

export function useOpenDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('session.openDemo', {}),
    onSuccess: () => afterUnlock(queryClient),
  });
}

export function useLock() {
  return useMutation({ mutationFn: () => invoke('session.lock', {}) });
}

/** Saves the idle delay and records it in the cached status, so every reader sees the new value. */
export function useSetAutoLock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (minutes: number) => invoke('session.setAutoLock', { minutes }),
    onSuccess: ({ autoLockMinutes }) => {
      queryClient.setQueryData(statusQuery.queryKey, (status) => (status ? { ...status, autoLockMinutes } : status));
    },
  });
}

export const CLIENT_PAGE_SIZE = 50;

export function useClientList(query: string, sort: 'name' | 'lastContact') {
  return useInfiniteQuery({
    queryKey: keys.clientList(query, sort),
    queryFn: ({ pageParam }) =>
      invoke('clients.list', {
        sort,
        limit: CLIENT_PAGE_SIZE,
        offset: pageParam,
        ...(query ? { query } : {}),
      }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, page) => n + page.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useClient(id: string) {
  return useQuery({
    queryKey: keys.client(id),
    queryFn: () => invoke('clients.get', { id }),
    staleTime: 30_000,
  });
}

export type ActionResult<O> = { ok: true; value: O } | { ok: false; error: unknown };

/**
 * Like a mutation, for calls that carry a passphrase: nothing keeps the input once the call has
 * settled (TanStack's mutation cache would hold it as `variables`).
 */
export function useSecretAction<I, O>(action: (input: I) => Promise<O>, onSuccess?: (value: O) => Promise<void> | void) {
  const [pending, setPending] = useState(false);
  const run = useCallback(
    async (input: I): Promise<ActionResult<O>> => {
      setPending(true);
      try {
        const value = await action(input);
        await onSuccess?.(value);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error };
      } finally {
        setPending(false);
      }
    },
    [action, onSuccess],
  );
  return { run, pending };
}

const unlockAction = (input: ChannelInput<'session.unlock'>) => invoke('session.unlock', input);
const createProfileAction = (input: ChannelInput<'session.createProfile'>) => invoke('session.createProfile', input);
const changePassphraseAction = (input: ChannelInput<'session.changePassphrase'>) => invoke('session.changePassphrase', input);
const deleteProfileAction = (input: ChannelInput<'session.deleteProfile'>) => invoke('session.deleteProfile', input);

export function useUnlock() {
  const queryClient = useQueryClient();
  const onSuccess = useCallback(() => afterUnlock(queryClient), [queryClient]);
  return useSecretAction(unlockAction, onSuccess);
}

export function useCreateProfile() {
  const queryClient = useQueryClient();
  const onSuccess = useCallback(() => afterUnlock(queryClient), [queryClient]);
  return useSecretAction(createProfileAction, onSuccess);
}

/** Carries two passphrases: kept out of the mutation cache like unlocking. */
export function useChangePassphrase() {
  return useSecretAction(changePassphraseAction);
}

/** The typed confirmation is not kept either; after success the page forgets the whole session. */
export function useDeleteProfile() {
  return useSecretAction(deleteProfileAction);
}
