/**
 * Writes of the Client 360's personal parts: preferences, moments and the people around a client
 * (issue 4). Like notes, what is written is the client's data: it is not kept in the mutation
 * cache (`useSecretAction`). After each write every view of the client is read again — the record,
 * the 360, the timeline and the brief all live under `['clients', …]`.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { invoke } from './client';
import type { ChannelInput } from './contract';
import { keys, useSecretAction } from './queries';

/** Every query of the client book is asked again (the list too: a count may have changed). */
export function useRefreshClient() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: keys.clients });
  }, [queryClient]);
}

const addPreference = (input: ChannelInput<'preferences.add'>) => invoke('preferences.add', input);
const updatePreference = (input: ChannelInput<'preferences.update'>) => invoke('preferences.update', input);
const removePreference = (input: ChannelInput<'preferences.remove'>) => invoke('preferences.remove', input);
const addMoment = (input: ChannelInput<'moments.add'>) => invoke('moments.add', input);
const updateMoment = (input: ChannelInput<'moments.update'>) => invoke('moments.update', input);
const removeMoment = (input: ChannelInput<'moments.remove'>) => invoke('moments.remove', input);
const addPerson = (input: ChannelInput<'people.add'>) => invoke('people.add', input);
const updatePerson = (input: ChannelInput<'people.update'>) => invoke('people.update', input);
const removePerson = (input: ChannelInput<'people.remove'>) => invoke('people.remove', input);

export function useSavePreference() {
  const refresh = useRefreshClient();
  return {
    add: useSecretAction(addPreference, refresh),
    update: useSecretAction(updatePreference, refresh),
    remove: useSecretAction(removePreference, refresh),
  };
}

export function useSaveMoment() {
  const refresh = useRefreshClient();
  return {
    add: useSecretAction(addMoment, refresh),
    /** Sends only what changed; the core checks the moment as it would be, as it checks a new one. */
    update: useSecretAction(updateMoment, refresh),
    remove: useSecretAction(removeMoment, refresh),
  };
}

export type PreferenceChange =
  | { op: 'add'; input: ChannelInput<'preferences.add'> }
  | { op: 'update'; input: ChannelInput<'preferences.update'> }
  | { op: 'remove'; input: ChannelInput<'preferences.remove'> };

/**
 * A person around a client, with their sizes and tastes: `people.add` carries them at once; an
 * edit is `people.update` then one `preferences.*` per size or taste changed, in order. The first
 * refusal stops the rest and is returned; the views are read again either way.
 */
export function useSavePerson() {
  const refresh = useRefreshClient();
  const add = useSecretAction(addPerson, refresh);
  const remove = useSecretAction(removePerson, refresh);
  const editAction = useCallback(async (input: { person: ChannelInput<'people.update'>; changes: PreferenceChange[] }) => {
    try {
      const view = await updatePerson(input.person);
      for (const change of input.changes) {
        if (change.op === 'add') await addPreference(change.input);
        else if (change.op === 'update') await updatePreference(change.input);
        else await removePreference(change.input);
      }
      return view;
    } finally {
      await refresh();
    }
  }, [refresh]);
  const edit = useSecretAction(editAction);
  return { add, edit, remove };
}
