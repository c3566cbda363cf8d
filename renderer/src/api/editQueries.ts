/**
 * Editing the client book (issue 4): a client's particulars, archiving and restoring, the
 * archived list, and contact points. Every write asks again everything under `['clients']`: the
 * list, the 360, the summary, search — a changed name or an archived client must not linger.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invoke } from './client';
import type { ChannelInput } from './contract';
import { keys } from './queries';

export const editKeys = {
  archived: ['clients', 'archived'] as const,
};

/** How many archived clients the list shows at once. */
export const ARCHIVED_PAGE_SIZE = 200;

function useInvalidateClients() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.clients });
}

/** The archived clients, by name (`clients.list` leaves them out). */
export function useArchivedClients(enabled = true) {
  return useQuery({
    queryKey: editKeys.archived,
    queryFn: () => invoke('clients.listArchived', { sort: 'name', limit: ARCHIVED_PAGE_SIZE }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Changes the particulars given; duplicates come back flagged, never merged. */
export function useUpdateClient() {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (input: ChannelInput<'clients.update'>) => invoke('clients.update', input),
    onSuccess: () => invalidate(),
  });
}

/** Archives a client (soft: nothing is deleted) or brings one back. */
export function useSetArchived() {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => invoke(archived ? 'clients.archive' : 'clients.unarchive', { id }),
    onSuccess: () => invalidate(),
  });
}

/** Adds a contact point or changes one; `preferred` unsets the others in the core. */
export function useSetContact() {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (input: ChannelInput<'contacts.set'>) => invoke('contacts.set', input),
    onSuccess: () => invalidate(),
  });
}

export function useRemoveContact() {
  const invalidate = useInvalidateClients();
  return useMutation({
    mutationFn: (id: string) => invoke('contacts.remove', { id }),
    onSuccess: () => invalidate(),
  });
}
