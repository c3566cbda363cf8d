/**
 * The client book's channels, bound to the unlocked store: each takes the router's context and
 * the validated input, records the ids it touched (for the audit entry — never the data) and
 * returns what the contract promises. "Now" is the session's clock (`ctx.session.now()`), read
 * once per call and passed down, so that tests can fix time end to end.
 */
import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import type { RequestContext } from '../router.js';
import { listBook } from './book.js';
import { clientBrief } from './brief.js';
import { client360, clientTimeline } from './client360.js';
import { removeContact, setContact } from './contacts.js';
import { addGift, listGifts } from './gifts.js';
import { addPerson, removePerson, updatePerson } from './people.js';
import { addPreference, removePreference, updatePreference } from './preferences.js';
import { addAfterSales, addAppointment, addInteraction, addMoment, addPurchase, removeMoment, updateAfterSales, updateAppointment } from './records.js';
import { updateMoment } from './moments.js';
import { knownContactsOf, scanForHighlight } from './screen.js';
import { searchBook } from './search.js';
import { createClient, setArchived, updateClient } from './write.js';

const now = (ctx: RequestContext): Date => ctx.session.now();
const db = (ctx: RequestContext): Db => ctx.session.requireStore().db;

/** A channel's input as the router hands it over: parsed, defaults applied. */
type Parsed<C extends Channel> = z.output<Contract[C]['input']>;

/** Owner of a row, for the audit entry of a change made by the row's id. */
async function ownerOf(ctx: RequestContext, table: 'preference' | 'moment' | 'contact_point' | 'appointment' | 'after_sales_case', id: string): Promise<void> {
  const row = await db(ctx).selectFrom(table).select('person_id').where('id', '=', id).executeTakeFirst();
  if (row) ctx.touch(row.person_id);
}

export const clientBook = {
  listArchived: (ctx: RequestContext, input: Parsed<'clients.listArchived'>): Promise<ChannelOutput<'clients.listArchived'>> => listBook(db(ctx), input, true),
  list: (ctx: RequestContext, input: Parsed<'clients.list'>): Promise<ChannelOutput<'clients.list'>> => listBook(db(ctx), input, false),

  async create(ctx: RequestContext, input: Parsed<'clients.create'>): Promise<ChannelOutput<'clients.create'>> {
    const result = await createClient(db(ctx), input, now(ctx));
    ctx.touch(result.client.id, ...result.duplicates.map((d) => d.id));
    return result;
  },
  async update(ctx: RequestContext, input: Parsed<'clients.update'>): Promise<ChannelOutput<'clients.update'>> {
    ctx.touch(input.id);
    const result = await updateClient(db(ctx), input, now(ctx));
    ctx.touch(...result.duplicates.map((d) => d.id));
    return result;
  },
  archive(ctx: RequestContext, input: Parsed<'clients.archive'>): Promise<ChannelOutput<'clients.archive'>> {
    ctx.touch(input.id);
    return setArchived(db(ctx), input.id, true, now(ctx));
  },
  unarchive(ctx: RequestContext, input: Parsed<'clients.unarchive'>): Promise<ChannelOutput<'clients.unarchive'>> {
    ctx.touch(input.id);
    return setArchived(db(ctx), input.id, false, now(ctx));
  },
  get360(ctx: RequestContext, input: Parsed<'clients.get360'>): Promise<ChannelOutput<'clients.get360'>> {
    ctx.touch(input.id);
    return client360(db(ctx), input.id, input.timeline ?? { limit: 30 }, now(ctx));
  },
  timeline(ctx: RequestContext, input: Parsed<'clients.timeline'>): Promise<ChannelOutput<'clients.timeline'>> {
    ctx.touch(input.id);
    return clientTimeline(db(ctx), input.id, input, now(ctx));
  },
  brief(ctx: RequestContext, input: Parsed<'clients.brief'>): Promise<ChannelOutput<'clients.brief'>> {
    ctx.touch(input.id);
    return clientBrief(db(ctx), input.id, now(ctx));
  },

  async addPerson(ctx: RequestContext, input: Parsed<'people.add'>): Promise<ChannelOutput<'people.add'>> {
    ctx.touch(input.clientId);
    const person = await addPerson(db(ctx), input, now(ctx));
    ctx.touch(person.id);
    return person;
  },
  updatePerson(ctx: RequestContext, input: Parsed<'people.update'>): Promise<ChannelOutput<'people.update'>> {
    ctx.touch(input.clientId, input.personId);
    return updatePerson(db(ctx), input, now(ctx));
  },
  removePerson(ctx: RequestContext, input: Parsed<'people.remove'>): Promise<ChannelOutput<'people.remove'>> {
    ctx.touch(input.clientId, input.personId);
    return removePerson(db(ctx), input);
  },

  setContact(ctx: RequestContext, input: Parsed<'contacts.set'>): Promise<ChannelOutput<'contacts.set'>> {
    ctx.touch(input.personId);
    return setContact(db(ctx), input, now(ctx));
  },
  async removeContact(ctx: RequestContext, input: Parsed<'contacts.remove'>): Promise<ChannelOutput<'contacts.remove'>> {
    await ownerOf(ctx, 'contact_point', input.id);
    return removeContact(db(ctx), input.id);
  },

  addPreference(ctx: RequestContext, input: Parsed<'preferences.add'>): Promise<ChannelOutput<'preferences.add'>> {
    ctx.touch(input.personId);
    return addPreference(db(ctx), input, now(ctx));
  },
  async updatePreference(ctx: RequestContext, input: Parsed<'preferences.update'>): Promise<ChannelOutput<'preferences.update'>> {
    await ownerOf(ctx, 'preference', input.id);
    return updatePreference(db(ctx), input, now(ctx));
  },
  async removePreference(ctx: RequestContext, input: Parsed<'preferences.remove'>): Promise<ChannelOutput<'preferences.remove'>> {
    await ownerOf(ctx, 'preference', input.id);
    return removePreference(db(ctx), input.id);
  },

  addPurchase(ctx: RequestContext, input: Parsed<'purchases.add'>): Promise<ChannelOutput<'purchases.add'>> {
    ctx.touch(input.clientId, ...(input.recipientPersonId ? [input.recipientPersonId] : []));
    return addPurchase(db(ctx), input, now(ctx));
  },
  addInteraction(ctx: RequestContext, input: Parsed<'interactions.add'>): Promise<ChannelOutput<'interactions.add'>> {
    ctx.touch(input.clientId);
    return addInteraction(db(ctx), input, now(ctx));
  },
  async scanText(ctx: RequestContext, input: Parsed<'scan.text'>): Promise<ChannelOutput<'scan.text'>> {
    if (input.personId) ctx.touch(input.personId);
    const known = input.personId ? await knownContactsOf(db(ctx), input.personId) : [];
    return scanForHighlight(input.text, known);
  },
  addAppointment(ctx: RequestContext, input: Parsed<'appointments.add'>): Promise<ChannelOutput<'appointments.add'>> {
    ctx.touch(input.clientId);
    return addAppointment(db(ctx), input, now(ctx));
  },
  async updateAppointment(ctx: RequestContext, input: Parsed<'appointments.update'>): Promise<ChannelOutput<'appointments.update'>> {
    await ownerOf(ctx, 'appointment', input.id);
    return updateAppointment(db(ctx), input);
  },
  addAfterSales(ctx: RequestContext, input: Parsed<'afterSales.add'>): Promise<ChannelOutput<'afterSales.add'>> {
    ctx.touch(input.clientId);
    return addAfterSales(db(ctx), input, now(ctx));
  },
  async updateAfterSales(ctx: RequestContext, input: Parsed<'afterSales.update'>): Promise<ChannelOutput<'afterSales.update'>> {
    await ownerOf(ctx, 'after_sales_case', input.id);
    return updateAfterSales(db(ctx), input, now(ctx));
  },
  addMoment(ctx: RequestContext, input: Parsed<'moments.add'>): Promise<ChannelOutput<'moments.add'>> {
    ctx.touch(input.personId);
    return addMoment(db(ctx), input, now(ctx));
  },
  /** Touches the person named; a moment of anyone else is NOT_FOUND. */
  updateMoment(ctx: RequestContext, input: Parsed<'moments.update'>): Promise<ChannelOutput<'moments.update'>> {
    ctx.touch(input.personId);
    return updateMoment(db(ctx), input, now(ctx));
  },
  async removeMoment(ctx: RequestContext, input: Parsed<'moments.remove'>): Promise<ChannelOutput<'moments.remove'>> {
    await ownerOf(ctx, 'moment', input.id);
    return removeMoment(db(ctx), input.id);
  },
  addGift(ctx: RequestContext, input: Parsed<'gifts.add'>): Promise<ChannelOutput<'gifts.add'>> {
    ctx.touch(input.clientId, input.recipientPersonId);
    return addGift(db(ctx), input, now(ctx));
  },
  listGifts(ctx: RequestContext, input: Parsed<'gifts.list'>): Promise<ChannelOutput<'gifts.list'>> {
    ctx.touch(input.clientId);
    return listGifts(db(ctx), input.clientId);
  },
  async search(ctx: RequestContext, input: Parsed<'search.query'>): Promise<ChannelOutput<'search.query'>> {
    const result = await searchBook(db(ctx), input);
    ctx.touch(...new Set(result.hits.map((h) => h.clientId)));
    return result;
  },
};
