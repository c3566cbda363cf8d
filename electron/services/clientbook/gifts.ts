/**
 * The gift ledger: what the maison gave, to whom, for which occasion — so that nothing is given
 * twice. Before a gift is written, earlier gifts to the same recipient (whichever client they
 * were recorded under, as long as that client's view may show gifts) are compared with it; the
 * same or a very similar item answers GIFT_REPEAT with that gift's id and date, unless `force`.
 *
 * "Very similar": the items' words, folded (accents, case), hyphenated words joined, without
 * small words ("a", "de la") and containers ("a box of", "un bouquet de"), colours ("navy", "bleu marine"), size words ("small", "petit") and
 * edition words ("limited edition", "engraved"), singular, compared as sets:
 * the same set, or one set inside the other with at most one word more, or four words in five in
 * common; words of five letters or more match with one typo.
 */
import { CarnetError, type GiftView } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { newId } from '../ids.js';
import { assertMayWrite } from '../privacy/gate.js';
import { findPerson } from '../privacy/people.js';
import { projectionFor } from '../privacy/projection.js';
import { knownContactsOf, screen, type Acceptance } from './screen.js';
import { fold, optionalNote, requiredLine } from './text.js';
import { isLinked, notFuture, notFutureDay, requireClientRow } from './views.js';

const SMALL_WORDS = new Set(
  (
    'a an the of with and in for to its his her their some un une le la les l d de du des en et avec au aux pour sa son ses leur leurs ' +
    // containers: a box of calissons is calissons
    'box bottle bouquet pair set boite bouteille paire coffret'
  ).split(' '),
);
const COLOURS = new Set(
  (
    'black white red blue navy green yellow pink purple violet orange brown beige ivory cream gold golden silver grey gray burgundy ' +
    'camel tan taupe khaki olive emerald ruby sapphire teal turquoise fuchsia lilac lavender coral nude dark light pale bright deep ' +
    'noir noire blanc blanche rouge bleu bleue marine vert verte jaune rose violette marron brun brune ivoire creme dore doree ' +
    'argent argente argentee gris grise bordeaux kaki emeraude rubis saphir lilas lavande corail fonce foncee clair claire ' +
    'small large mini petit petite grand grande'
  ).split(' '),
);

/** Words that qualify an edition or a personalisation, not what the thing is. */
const QUALIFIERS = new Set(
  'limited edition limitee special new nouveau nouvelle engraved personalised personalized monogrammed hotstamped grave gravee personnalise personnalisee initials initiales'.split(' '),
);

function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('x')) return word.slice(0, -1);
  return word;
}

/** The words of an item that say what it is. */
export function itemWords(item: string): string[] {
  const words = fold(item)
    .replace(/(\p{L})[-\u2010\u2011](?=\p{L})/gu, '$1') // hot-stamped, porte-cartes: one word
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !SMALL_WORDS.has(w) && !COLOURS.has(w) && !QUALIFIERS.has(w))
    .map(singular);
  return [...new Set(words)];
}

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Whether two gift items are the same or very similar (see the file's comment). */
export function similarItems(a: string, b: string): boolean {
  const x = itemWords(a);
  const y = itemWords(b);
  if (x.length === 0 || y.length === 0) return fold(a).trim() === fold(b).trim();
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  const common = small.filter((w) => large.some((v) => withinOneEdit(w, v))).length;
  if (common === small.length && large.length - small.length <= 1) return true;
  const union = x.length + y.length - common;
  return common / union >= 0.8;
}

export interface AddGiftInput {
  clientId: string;
  recipientPersonId: string;
  givenAt: string;
  occasion: string;
  item: string;
  note?: string | undefined;
  force: boolean;
  acceptFindings?: Acceptance[] | undefined;
}

type Recipient = GiftView['recipient'];

const giftColumns = ['id', 'client_id', 'recipient_person_id', 'given_at', 'occasion', 'item', 'note'] as const;

/** Gifts as a client's view may show them: recipients named only when relations may be shown. */
export async function giftsOf(
  db: Db,
  clientId: string,
  relationsVisible: boolean,
  options: { limit?: number; id?: string; before?: { at: string; id: string } | undefined } = {},
): Promise<GiftView[]> {
  let query = db.selectFrom('gift').select(giftColumns).where('client_id', '=', clientId);
  if (options.id !== undefined) query = query.where('id', '=', options.id);
  const before = options.before;
  if (before) query = query.where((eb) => eb.or([eb('given_at', '<', before.at), eb.and([eb('given_at', '=', before.at), eb('id', '<', before.id)])]));
  const rows = await query
    .orderBy('given_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 500)
    .execute();
  const others = [...new Set(rows.map((r) => r.recipient_person_id).filter((id) => id !== clientId))];
  const names = new Map<string, { first_name: string; last_name: string; label: string | null }>();
  if (relationsVisible && others.length > 0) {
    const people = await db
      .selectFrom('person')
      .leftJoin('relation', (join) =>
        join.on((eb) =>
          eb.or([
            eb.and([eb('relation.from_person_id', '=', eb.ref('person.id')), eb('relation.to_person_id', '=', clientId)]),
            eb.and([eb('relation.to_person_id', '=', eb.ref('person.id')), eb('relation.from_person_id', '=', clientId)]),
          ]),
        ),
      )
      .select(['person.id', 'person.first_name', 'person.last_name', 'relation.label'])
      .where('person.id', 'in', others)
      .where('person.status', '!=', 'erased')
      .execute();
    for (const p of people) if (!names.has(p.id)) names.set(p.id, { first_name: p.first_name, last_name: p.last_name, label: p.label });
  }
  return rows.map((r) => {
    const self = r.recipient_person_id === clientId;
    const who = names.get(r.recipient_person_id);
    const recipient: Recipient = self
      ? { id: r.recipient_person_id, self: true, firstName: null, lastName: null, relationLabel: null }
      : { id: r.recipient_person_id, self: false, firstName: who?.first_name ?? null, lastName: who?.last_name ?? null, relationLabel: who?.label ?? null };
    return { id: r.id, clientId: r.client_id, recipient, givenAt: r.given_at, occasion: r.occasion, item: r.item, note: r.note };
  });
}

/** `gifts.list`: the client's ledger, newest first; null when the view may not show gifts. */
export async function listGifts(db: Db, clientId: string): Promise<{ clientId: string; gifts: GiftView[] | null }> {
  await requireClientRow(db, clientId);
  const projection = await projectionFor(db, clientId);
  if (!projection.visible.includes('gifts')) return { clientId, gifts: null };
  return { clientId, gifts: await giftsOf(db, clientId, projection.visible.includes('relations')) };
}

/**
 * Records a gift. Refusals, nothing written: NOTE_FINDINGS (the note), the gate's (gifts need
 * personalisation consent), NOT_FOUND (a recipient who is not the client nor around them),
 * INVALID_INPUT (in the future), GIFT_REPEAT (unless `force`).
 */
export async function addGift(db: Db, input: AddGiftInput, now: Date): Promise<GiftView> {
  const known = await knownContactsOf(db, input.clientId);
  screen([{ field: 'note', text: input.note, multiline: true }], input.acceptFindings, known);
  const givenAt = input.givenAt.length === 10 ? `${input.givenAt}T12:00:00.000Z` : new Date(Date.parse(input.givenAt)).toISOString();
  if (input.givenAt.length !== 10) notFuture(givenAt, now, 'givenAt');
  else notFutureDay(input.givenAt, now, 'givenAt');
  const item = requiredLine(input.item, 'item');
  const occasion = requiredLine(input.occasion, 'occasion');
  const note = optionalNote(input.note) ?? null;
  await requireClientRow(db, input.clientId);
  if (input.recipientPersonId !== input.clientId) {
    const person = await findPerson(db, input.recipientPersonId);
    if (!person || !(await isLinked(db, input.recipientPersonId, input.clientId))) {
      throw new CarnetError('NOT_FOUND', 'There is no such person around this client.');
    }
  }
  const id = newId(now.getTime());
  await db.transaction().execute(async (trx) => {
    await assertMayWrite(trx, { personId: input.clientId, category: 'gifts' });
    if (!input.force) {
      const earlier = await trx
        .selectFrom('gift')
        .select(['id', 'client_id', 'given_at', 'item'])
        .where('recipient_person_id', '=', input.recipientPersonId)
        .orderBy('given_at', 'desc')
        .execute();
      const visible = new Map<string, boolean>([[input.clientId, true]]);
      for (const g of earlier) {
        if (!visible.has(g.client_id)) {
          const other = await findPerson(trx, g.client_id);
          visible.set(g.client_id, other !== null && (await projectionFor(trx, g.client_id)).visible.includes('gifts'));
        }
        if (visible.get(g.client_id) && similarItems(item, g.item)) {
          throw new CarnetError('GIFT_REPEAT', 'This person was already given the same or a very similar gift. Choose another, or record it anyway.', {
            repeatOf: { giftId: g.id, givenAt: g.given_at },
          });
        }
      }
    }
    await trx
      .insertInto('gift')
      .values({ id, client_id: input.clientId, recipient_person_id: input.recipientPersonId, given_at: givenAt, occasion, item, note, created_at: now.toISOString() })
      .execute();
  });
  const projection = await projectionFor(db, input.clientId);
  const [view] = await giftsOf(db, input.clientId, projection.visible.includes('relations'), { id });
  if (!view) throw new CarnetError('NOT_FOUND', 'There is no such gift.');
  return view;
}
