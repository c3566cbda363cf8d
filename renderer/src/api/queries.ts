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
import type { ChannelInput, ClientListItem, ProfileSummary } from './contract';

export const keys = {
  status: ['session', 'status'] as const,
  profiles: ['session', 'profiles'] as const,
  clients: ['clients'] as const,
  clientList: (query: string, sort: 'name' | 'lastContact') => ['clients', 'list', { query, sort }] as const,
  client: (id: string) => ['clients', 'get', id] as const,
  /** Under `clients`: a client's consents are part of their record, and go with it. */
  consents: (id: string) => ['clients', 'consents', id] as const,
  directory: ['clients', 'directory'] as const,
  privacy: ['privacy'] as const,
  pendingPurges: ['privacy', 'pendingPurges'] as const,
  privacySettings: ['privacy', 'settings'] as const,
  auditVerify: ['privacy', 'audit', 'verify'] as const,
  auditList: ['privacy', 'audit', 'list'] as const,
  recordOfProcessing: (locale: 'en' | 'fr') => ['privacy', 'record', locale] as const,
  retentionDue: ['privacy', 'retention', 'due'] as const,
  requests: ['privacy', 'requests'] as const,
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

/** A client's consents: every purpose and channel, with since-dates and the ledger's history. */
export function useClientConsents(clientId: string) {
  return useQuery({
    queryKey: keys.consents(clientId),
    queryFn: () => invoke('privacy.consents.get', { clientId }),
    staleTime: 30_000,
  });
}

/** The book's privacy settings (the grace period before a withdrawn purpose's data is purged). */
export function usePrivacySettings() {
  return useQuery({
    queryKey: keys.privacySettings,
    queryFn: () => invoke('privacy.settings.get', {}),
    staleTime: 60_000,
  });
}

/** Saves the grace period; the purges it dates are asked again. */
export function useSetPurgeGrace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (purgeGraceDays: number) => invoke('privacy.settings.set', { purgeGraceDays }),
    onSuccess: async (value) => {
      queryClient.setQueryData(keys.privacySettings, value);
      await queryClient.invalidateQueries({ queryKey: keys.privacy });
    },
  });
}

export function usePendingPurges() {
  return useQuery({
    queryKey: keys.pendingPurges,
    queryFn: () => invoke('privacy.pendingPurges', {}),
    staleTime: 0,
  });
}

/**
 * Walks the audit chain. `enabled` lets a page verify once its other reads are written to the
 * log, so that the count it states covers them.
 */
export function useAuditVerification(enabled = true) {
  return useQuery({
    queryKey: keys.auditVerify,
    queryFn: () => invoke('privacy.audit.verify', {}),
    staleTime: 0,
    enabled,
  });
}

export const AUDIT_PAGE_SIZE = 12;

/** The audit log, newest first, a page at a time. */
export function useAuditLog(enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: keys.auditList,
    queryFn: ({ pageParam }) =>
      invoke('privacy.audit.list', { limit: AUDIT_PAGE_SIZE, ...(pageParam === null ? {} : { beforeSeq: pageParam }) }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
    staleTime: 0,
  });
}

export function useRecordOfProcessing(locale: 'en' | 'fr') {
  return useQuery({
    queryKey: keys.recordOfProcessing(locale),
    queryFn: () => invoke('privacy.recordOfProcessing', { locale }),
    staleTime: 60_000,
  });
}

/** Data past its retention rule, waiting for the advisor's decision (never purged without one). */
export function useRetentionDue() {
  return useQuery({
    queryKey: keys.retentionDue,
    queryFn: () => invoke('privacy.retention.due', {}),
    staleTime: 0,
  });
}

/** Keeps or deletes one category of what is due; a deletion changes client records too. */
export function useRetentionReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.retention.review'>) => invoke('privacy.retention.review', input),
    onSuccess: async (_value, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.privacy }),
        queryClient.invalidateQueries({ queryKey: keys.client(input.clientId) }),
      ]);
    },
  });
}

/** Deletes, for good, what withdrawn consents hid and whose grace period is over. */
export function useRunPurge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => invoke('privacy.purge.run', {}),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: keys.privacy }), queryClient.invalidateQueries({ queryKey: keys.clients })]);
    },
  });
}

/** The register of subject-rights requests, open and answered. */
export function usePrivacyRequests() {
  return useQuery({
    queryKey: keys.requests,
    queryFn: () => invoke('privacy.requests.list', {}),
    staleTime: 0,
  });
}

/** At most this many clients are looked through to name the clients of a book-wide list. */
const DIRECTORY_PAGE = 200;
const DIRECTORY_MAX_PAGES = 25;

/**
 * The names of the clients in the book, by id, for book-wide lists that carry ids only (pending
 * deletions, retention, requests). Read through the list of the book — names only, what the
 * Clients page shows, and not an opening of anyone's record — once for every list of the page.
 */
export function useClientDirectory(ids: readonly string[]) {
  return useQuery({
    queryKey: keys.directory,
    enabled: ids.length > 0,
    staleTime: 60_000,
    queryFn: async () => {
      const found: Record<string, ClientListItem> = {};
      let offset = 0;
      for (let page = 0; page < DIRECTORY_MAX_PAGES; page++) {
        const { items, total } = await invoke('clients.list', { sort: 'name', limit: DIRECTORY_PAGE, offset });
        for (const item of items) found[item.id] = item;
        offset += items.length;
        if (items.length === 0 || offset >= total) break;
      }
      return found;
    },
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
const recordConsentAction = (input: ChannelInput<'privacy.consents.record'>) => invoke('privacy.consents.record', input);

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

/**
 * Records a grant or a withdrawal. The evidence note is the client's data: like a passphrase, it
 * is not kept in the mutation cache. On success the client's record is asked again at once, so
 * what the new consents hide leaves the page without a reload.
 */
export function useRecordConsent(clientId: string) {
  const queryClient = useQueryClient();
  const onSuccess = useCallback(
    async (value: Awaited<ReturnType<typeof recordConsentAction>>) => {
      const { recordedId: _recorded, ...consents } = value;
      queryClient.setQueryData(keys.consents(clientId), consents);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.client(clientId) }),
        queryClient.invalidateQueries({ queryKey: keys.privacy }),
      ]);
    },
    [clientId, queryClient],
  );
  return useSecretAction(recordConsentAction, onSuccess);
}

// ——— The client book: search, a new client, the people around them, the gift ledger.

/** Search as you type over names, preferences and notes; nothing is asked for an empty text. */
export function useSearch(text: string, limit = 6) {
  return useQuery({
    queryKey: ['clients', 'search', { text, limit }] as const,
    queryFn: () => invoke('search.query', { text, limit }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/**
 * Under `clients`: the Client 360, projected through the client's consents (null = hidden). Shared
 * by the client's page and the gift dialog: one query, one cache entry per client.
 */
export function useClient360(id: string) {
  return useQuery({
    queryKey: ['clients', '360', id] as const,
    queryFn: () => invoke('clients.get360', { id, timeline: { limit: 1 } }),
    staleTime: 30_000,
  });
}

/** Creates a client; the list is asked again. Duplicates come back flagged, never merged. */
export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'clients.create'>) => invoke('clients.create', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.clients }),
  });
}

export function useAddPreference() {
  return useMutation({ mutationFn: (input: ChannelInput<'preferences.add'>) => invoke('preferences.add', input) });
}

export function useAddPerson() {
  return useMutation({ mutationFn: (input: ChannelInput<'people.add'>) => invoke('people.add', input) });
}

/** Records a gift; GIFT_REPEAT (with `repeatOf`) unless `force`. The client's views are asked again. */
export function useAddGift(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'gifts.add'>) => invoke('gifts.add', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.clients }),
    meta: { clientId },
  });
}

// ——— The Client 360, its timeline, quick capture and the appointment brief (issue 4)

export type TimelineKind = 'purchase' | 'interaction' | 'moment' | 'after_sales' | 'appointment' | 'gift';

export const TIMELINE_PAGE_SIZE = 20;

// `useClient360` (above) is shared with the gift dialog: one query, one cache entry per client.

export const timelineKey = (id: string, kinds: readonly TimelineKind[]) => ['clients', 'timeline', id, [...kinds].sort().join(',')] as const;

/** The timeline, newest first, a page at a time: each page's `next` is passed back as `before`. */
export function useClientTimeline(id: string, kinds: readonly TimelineKind[]) {
  return useInfiniteQuery({
    queryKey: timelineKey(id, kinds),
    queryFn: ({ pageParam }) =>
      invoke('clients.timeline', {
        id,
        limit: TIMELINE_PAGE_SIZE,
        ...(kinds.length > 0 ? { kinds: [...kinds] } : {}),
        ...(pageParam ? { before: pageParam } : {}),
      }),
    initialPageParam: null as { at: string; id: string } | null,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The one-screen appointment brief. */
export function useClientBrief(id: string) {
  return useQuery({
    queryKey: ['clients', 'brief', id] as const,
    queryFn: () => invoke('clients.brief', { id }),
    staleTime: 0,
  });
}

const addInteractionAction = (input: ChannelInput<'interactions.add'>) => invoke('interactions.add', input);

/**
 * Saves a note or an interaction. Like consent evidence, the note is the client's data and is not
 * kept in the mutation cache. On success the client's record, 360 and timeline are read again.
 */
export function useAddInteraction(clientId: string) {
  const queryClient = useQueryClient();
  const onSuccess = useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['clients', 'timeline', clientId] }),
      queryClient.invalidateQueries({ queryKey: ['clients', '360', clientId] }),
      queryClient.invalidateQueries({ queryKey: keys.client(clientId) }),
      queryClient.invalidateQueries({ queryKey: ['clients', 'brief', clientId] }),
    ]);
  }, [clientId, queryClient]);
  return useSecretAction(addInteractionAction, onSuccess);
}

/** What the scanner finds in a text being typed; nothing is stored, nothing is cached. */
export function scanText(text: string, personId?: string) {
  return invoke('scan.text', { text, ...(personId ? { personId } : {}) });
}

// ——— The Privacy page: consent coverage, and a client's rights exercised from it (issue 3)

/** Counts only, across the book: which purposes and channels are granted, withdrawn, never asked. */
export function usePrivacyOverview() {
  return useQuery({
    queryKey: ['privacy', 'overview'] as const,
    queryFn: () => invoke('privacy.overview', {}),
    staleTime: 30_000,
  });
}

/** Clients by name for the rights picker; nothing is asked for an empty text. */
export function useClientPicker(query: string) {
  return useQuery({
    queryKey: ['clients', 'list', 'picker', query] as const,
    queryFn: () => invoke('clients.list', { query, sort: 'name', limit: 8 }),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** After a right is exercised: the client's views and every privacy register are asked again. */
function useAfterRight() {
  const queryClient = useQueryClient();
  return async (clientId: string) => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.clients }),
      queryClient.invalidateQueries({ queryKey: keys.privacy }),
      queryClient.invalidateQueries({ queryKey: keys.consents(clientId) }),
    ]);
  };
}

/** The access dossier (JSON and printable HTML). Not cached: it is read when asked, and audited. */
export function useAccessDossier() {
  const after = useAfterRight();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.rights.access'>) => invoke('privacy.rights.access', input),
    onSuccess: (_value, input) => after(input.clientId),
  });
}

export function usePortabilityExport() {
  const after = useAfterRight();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.rights.portability'>) => invoke('privacy.rights.portability', input),
    onSuccess: (_value, input) => after(input.clientId),
  });
}

export function useObjectToOutreach() {
  const after = useAfterRight();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.rights.object'>) => invoke('privacy.rights.object', input),
    onSuccess: (_value, input) => after(input.clientId),
  });
}

export function useRestrictClient() {
  const after = useAfterRight();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.restrict'>) => invoke('privacy.restrict', input),
    onSuccess: (_value, input) => after(input.clientId),
  });
}

/** Erases a client for good; every list that could name them is asked again. */
export function useEraseClient() {
  const after = useAfterRight();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.rights.erase'>) => invoke('privacy.rights.erase', input),
    onSuccess: (_value, input) => after(input.clientId),
  });
}

export function useOpenPrivacyRequest() {
  const after = useAfterRight();
  return useMutation({
    mutationFn: (input: ChannelInput<'privacy.requests.open'>) => invoke('privacy.requests.open', input),
    onSuccess: (_value, input) => after(input.clientId),
  });
}
