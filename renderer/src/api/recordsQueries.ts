/**
 * Hooks over the channels that record what happens around a client: appointments, after-sales
 * cases, purchases and the gift ledger (issue 4). Like notes, what these carry is the client's
 * data: the calls go through `useSecretAction`, so no mutation cache keeps their input. After a
 * write, everything under `['clients']` (the 360, the timeline, the brief, the record, the list,
 * the gift ledger) is asked again.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { invoke } from './client';
import type { ChannelInput } from './contract';
import { keys, useSecretAction } from './queries';

/** The gift ledger of a client, newest first (null when the client's consents hide gifts). */
export const giftLedgerKey = (clientId: string) => ['clients', 'gifts', clientId] as const;

export function useGiftLedger(clientId: string) {
  return useQuery({
    queryKey: giftLedgerKey(clientId),
    queryFn: () => invoke('gifts.list', { clientId }),
    staleTime: 30_000,
  });
}

function useRefreshClients() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: keys.clients });
  }, [queryClient]);
}

const addAppointment = (input: ChannelInput<'appointments.add'>) => invoke('appointments.add', input);
const updateAppointment = (input: ChannelInput<'appointments.update'>) => invoke('appointments.update', input);
const addAfterSales = (input: ChannelInput<'afterSales.add'>) => invoke('afterSales.add', input);
const updateAfterSales = (input: ChannelInput<'afterSales.update'>) => invoke('afterSales.update', input);
const addPurchase = (input: ChannelInput<'purchases.add'>) => invoke('purchases.add', input);

/** Schedules an appointment; NOTE_FINDINGS (with `findings`) when the purpose or note holds what Carnet does not keep. */
export function useAddAppointment() {
  return useSecretAction(addAppointment, useRefreshClients());
}

/** Marks an appointment held or cancelled (or moves it). */
export function useUpdateAppointment() {
  return useSecretAction(updateAppointment, useRefreshClients());
}

/** Opens an after-sales case; NOTE_FINDINGS when the note holds what Carnet does not keep. */
export function useAddAfterSales() {
  return useSecretAction(addAfterSales, useRefreshClients());
}

/** Moves an after-sales case on (open → in progress → ready → closed), or back. */
export function useUpdateAfterSales() {
  return useSecretAction(updateAfterSales, useRefreshClients());
}

/** Records a purchase (amount in integer minor units, never in the future). */
export function useAddPurchase() {
  return useSecretAction(addPurchase, useRefreshClients());
}

/** The client's last purchases (what an after-sales case is usually about); asked only when `enabled`. */
export function useRecentPurchases(clientId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['clients', 'timeline', clientId, 'recent-purchases'] as const,
    queryFn: () => invoke('clients.timeline', { id: clientId, kinds: ['purchase'], limit: 30 }),
    enabled,
    staleTime: 30_000,
  });
}
