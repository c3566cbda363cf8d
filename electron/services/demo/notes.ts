/**
 * The advisor's notes: short, specific, human, in English or French. Built from templates and
 * slots (the piece, its colour, who came along, the occasion) so that no two books read alike.
 * Discreet notes say what to remember and never raise, without health details.
 */
import { frOf, frTo, isGarment, type MaisonEvent, type Product, type Variant } from './catalogue.js';
import type { Rng } from './random.js';

export type Lang = 'en' | 'fr';

/** The client, as the note speaks of them. */
export interface Voice {
  lang: Lang;
  female: boolean;
}

/** A piece as a note names it. */
export interface PieceRef {
  product: Product;
  variant: Variant;
}

/** Someone who came along or is spoken of: "her daughter Bérénice", "son mari". */
export interface Companion {
  first: string;
  /** "daughter", "husband", "friend". */
  en: string;
  /** "sa fille", "son mari", "son amie". */
  frPoss: string;
}

type T<C> = (v: Voice, c: C) => string;

function choose<C>(rng: Rng, v: Voice, en: readonly T<C>[], fr: readonly T<C>[], c: C): string {
  return rng.pick(v.lang === 'fr' ? fr : en)(v, c);
}

// English and French agreement helpers.
const she = (v: Voice): string => (v.female ? 'she' : 'he');
const She = (v: Voice): string => (v.female ? 'She' : 'He');
const her = (v: Voice): string => (v.female ? 'her' : 'his');
const herObj = (v: Voice): string => (v.female ? 'her' : 'him');
const e = (v: Voice): string => (v.female ? 'e' : '');
const elle = (v: Voice): string => (v.female ? 'elle' : 'il');
const Elle = (v: Voice): string => (v.female ? 'Elle' : 'Il');
const la = (v: Voice): string => (v.female ? 'la' : 'le');
const lui = (v: Voice): string => (v.female ? 'elle' : 'lui');

/** "the Aurore bag PM in bordeaux" / "le sac Aurore PM en bordeaux". */
/** The name a note uses: the invoice name without a bottle size. */
function nameEn(p: PieceRef): string {
  return p.product.en.replace(/, \d+ ml$/, '');
}
function pieceEn(p: PieceRef): string {
  return p.variant.noteEn ? `the ${nameEn(p)} in ${p.variant.noteEn}` : `the ${nameEn(p)}`;
}
function pieceFr(p: PieceRef): string {
  return p.variant.noteFr ? `${p.product.fr} en ${p.variant.noteFr}` : p.product.fr;
}
function shortEn(p: PieceRef): string {
  return `the ${p.product.en.replace(/,.*$/, '')}`;
}
function shortFr(p: PieceRef): string {
  return p.product.fr;
}
function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ——— Visits without a purchase ———

interface BrowseCtx {
  piece: PieceRef;
  companion: Companion | null;
  size: string | null;
}

const browseEn: T<BrowseCtx>[] = [
  (v, c) => `Came by${c.companion ? ` with ${her(v)} ${c.companion.en}` : ''}; tried ${pieceEn(c.piece)}, wants to think about it.`,
  (v, c) => `Passed by between two meetings. Looked at ${pieceEn(c.piece)}; not convinced by the colour.`,
  (v, c) => `Dropped in to see the windows. Liked ${shortEn(c.piece)}; asked to be told when the ${c.piece.variant.noteEn || 'new batch'} arrives.`,
  (v, c) => `Short visit${c.companion ? ` with ${c.companion.first}` : ''}. Tried ${shortEn(c.piece)}${c.size ? `; size ${c.size} is right` : ''}; will come back.`,
  (v, c) => `Came to look for a gift${c.companion ? ` for ${her(v)} ${c.companion.en}` : ''}; shortlisted ${pieceEn(c.piece)}.`,
  (v, c) => `Browsed the new arrivals and hesitated over ${pieceEn(c.piece)}. No pressure — ${she(v)} likes to come back.`,
  (v, c) => `Visit with ${c.companion ? `${her(v)} ${c.companion.en} ${c.companion.first}` : 'a friend'}. Much interest in ${shortEn(c.piece)}, nothing decided.`,
  (v, c) => `Stopped by on the way to lunch, tea in the salon. Asked to put ${pieceEn(c.piece)} aside until Saturday.`,
  (v, c) => `In Paris for a few days. Tried ${pieceEn(c.piece)}; prefers to wait for the ${c.piece.variant.noteEn ? 'other colours' : 'next delivery'}.`,
];
const browseFr: T<BrowseCtx>[] = [
  (v, c) => `Passé${e(v)} ${c.companion ? `avec ${c.companion.frPoss}` : 'en boutique'} ; a essayé ${pieceFr(c.piece)}, souhaite réfléchir.`,
  (v, c) => `Visite éclair entre deux rendez-vous. Hésite sur ${pieceFr(c.piece)}.`,
  (v, c) => `Venu${e(v)} voir les vitrines. ${cap(shortFr(c.piece))} lui plaît ; à rappeler quand le réassort arrive.`,
  (v, c) => `Cherche un cadeau${c.companion ? ` pour ${c.companion.frPoss}` : ''} ; a retenu ${pieceFr(c.piece)}.`,
  (v, c) => `A essayé ${pieceFr(c.piece)}${c.size ? `, la taille ${c.size} lui va` : ''}. Repassera avant la fin du mois.`,
  (v, c) => `Thé au salon${c.companion ? ` avec ${c.companion.frPoss} ${c.companion.first}` : ''}. Beaucoup d'intérêt pour ${shortFr(c.piece)}, rien de décidé.`,
  (v, c) => `De passage à Paris. Mise de côté ${frOf(pieceFr(c.piece))} jusqu'à samedi.`,
  (v, c) => `Venu${e(v)} sans idée précise ; s'est attardé${e(v)} sur ${pieceFr(c.piece)}. Ne pas relancer, ${elle(v)} reviendra.`,
];

export function browseNote(rng: Rng, v: Voice, c: BrowseCtx): string {
  return choose(rng, v, browseEn, browseFr, c);
}

// ——— Purchases ———

/** What follows a purchase, by what was bought: initials, alterations, a care card. */
function afterEn(p: PieceRef, her: string): string {
  switch (p.product.category) {
    case 'leather_goods':
      return `wants ${her} initials hot-stamped`;
    case 'jewellery':
    case 'watches':
      return `engraving of ${her} initials to arrange`;
    case 'ready_to_wear':
      return isGarment(p.product) ? 'alterations booked for next week' : 'gift-wrapped for the weekend';
    case 'fragrance':
      return 'asked for the bottle to be engraved';
  }
}
function afterFr(p: PieceRef): string {
  switch (p.product.category) {
    case 'leather_goods':
      return 'marquage à chaud de ses initiales à prévoir';
    case 'jewellery':
    case 'watches':
      return 'gravure de ses initiales à prévoir';
    case 'ready_to_wear':
      return isGarment(p.product) ? 'retouches prévues la semaine prochaine' : 'paquet cadeau pour le week-end';
    case 'fragrance':
      return 'gravure du flacon demandée';
  }
}

interface PurchaseCtx {
  piece: PieceRef;
  /** Bought for someone else. */
  recipient: Companion | null;
  occasionEn: string | null;
  occasionFr: string | null;
  place: 'boutique' | 'private_salon' | 'trunk_show' | 'remote' | 'hotel' | 'home';
  city: string | null;
}

const purchaseEn: T<PurchaseCtx>[] = [
  (v, c) => `Chose ${pieceEn(c.piece)}${c.recipient ? ` for ${her(v)} ${c.recipient.en}${c.occasionEn ? `'s ${c.occasionEn}` : ''}` : ''}.`,
  (v, c) => `Took ${pieceEn(c.piece)}. Delighted; ${afterEn(c.piece, her(v))}.`,
  (v, c) => `Decided on ${pieceEn(c.piece)} after two visits${c.recipient ? `, a present for ${c.recipient.first}` : ''}.`,
  (v, c) => `Bought ${pieceEn(c.piece)}${c.recipient ? ` — for ${her(v)} ${c.recipient.en} ${c.recipient.first}` : ''}. Asked for gift wrapping and a card.`,
  (v, c) => `Fell for ${pieceEn(c.piece)} the moment ${she(v)} saw it. ${c.recipient ? `For ${c.recipient.first}.` : 'Second piece from the line.'}`,
  (v, c) => `${c.recipient ? `Gift for ${her(v)} ${c.recipient.en}${c.occasionEn ? ` (${c.occasionEn})` : ''}: ` : ''}${cap(pieceEn(c.piece))}. Delivery to the ${c.place === 'hotel' ? 'hotel' : 'house'} on Friday.`,
  (v, c) => `Came to see ${shortEn(c.piece)} and decided on the spot${c.piece.variant.noteEn ? `, in ${c.piece.variant.noteEn}` : ''}. Very happy.`,
];
const purchaseFr: T<PurchaseCtx>[] = [
  (v, c) => `A choisi ${pieceFr(c.piece)}${c.recipient ? ` pour ${c.recipient.frPoss}${c.occasionFr ? ` (${c.occasionFr})` : ''}` : ''}.`,
  (v, c) => `Achat ${frOf(pieceFr(c.piece))}. Ravi${e(v)} ; ${afterFr(c.piece)}.`,
  (v, c) => `S'est décidé${e(v)} pour ${pieceFr(c.piece)} après deux visites${c.recipient ? `, cadeau pour ${c.recipient.first}` : ''}.`,
  (v, c) => `${cap(pieceFr(c.piece))}${c.recipient ? ` pour ${c.recipient.frPoss} ${c.recipient.first}` : ''}. Paquet cadeau et carte manuscrite.`,
  (v, c) => `Coup de cœur pour ${pieceFr(c.piece)}. ${c.recipient ? `Pour ${c.recipient.first}.` : 'Deuxième pièce de la ligne.'}`,
  (v, c) => `Venu${e(v)} voir ${shortFr(c.piece)}, décidé${e(v)} sur-le-champ. Livraison ${c.place === 'hotel' ? "à l'hôtel" : 'à domicile'} vendredi.`,
  (v, c) => cap(`${c.recipient ? `cadeau pour ${c.recipient.frPoss}${c.occasionFr ? ` (${c.occasionFr})` : ''} : ` : ''}${pieceFr(c.piece)}. Très content${e(v)}.`),
];
const trunkEn: T<PurchaseCtx>[] = [
  (v, c) => `At the trunk show in ${c.city}: reserved ${pieceEn(c.piece)}${c.recipient ? ` for ${her(v)} ${c.recipient.en}` : ''}.`,
  (v, c) => `Trunk show, ${c.city}. Chose ${pieceEn(c.piece)} in the suite; invoiced locally.`,
  (v, c) => `Came to the ${c.city} trunk show on the second day and took ${pieceEn(c.piece)}.`,
];
const trunkFr: T<PurchaseCtx>[] = [
  (v, c) => `Trunk show à ${c.city} : a réservé ${pieceFr(c.piece)}${c.recipient ? ` pour ${c.recipient.frPoss}` : ''}.`,
  (v, c) => `Trunk show ${c.city}. A choisi ${pieceFr(c.piece)} dans la suite ; facturé sur place.`,
];
const remoteEn: T<PurchaseCtx>[] = [
  (v, c) => `Ordered ${pieceEn(c.piece)} from the photos we sent; shipped with a hand-written card.`,
  (v, c) => `Asked us to send ${pieceEn(c.piece)}${c.recipient ? ` to ${her(v)} ${c.recipient.en}` : ''}; paid by link.`,
  (v, c) => `Remote order: ${pieceEn(c.piece)}${c.recipient ? ` for ${c.recipient.first}` : ''}. Delivery confirmed for Thursday.`,
];
const remoteFr: T<PurchaseCtx>[] = [
  (v, c) => `Commande à distance ${frOf(pieceFr(c.piece))} sur photos ; expédié avec une carte manuscrite.`,
  (v, c) => `Souhaite qu'on envoie ${pieceFr(c.piece)}${c.recipient ? ` à ${c.recipient.frPoss}` : ''} ; réglé par lien de paiement.`,
  (v, c) => `Commande ${frOf(pieceFr(c.piece))}${c.recipient ? ` pour ${c.recipient.first}` : ''}, livraison jeudi.`,
];

export function purchaseNote(rng: Rng, v: Voice, c: PurchaseCtx): string {
  if (c.place === 'trunk_show') return choose(rng, v, trunkEn, trunkFr, c);
  if (c.place === 'remote') return choose(rng, v, remoteEn, remoteFr, c);
  return choose(rng, v, purchaseEn, purchaseFr, c);
}

// ——— Appointments ———

interface AppointmentCtx {
  place: 'boutique' | 'private_salon' | 'hotel' | 'home';
  collectionEn: string;
  collectionFr: string;
  piece: PieceRef;
  companion: Companion | null;
}

const placeEn = { boutique: 'in the boutique', private_salon: 'in the private salon', hotel: 'at the hotel', home: 'at home' } as const;
const placeFr = { boutique: 'en boutique', private_salon: 'au salon privé', hotel: "à l'hôtel", home: 'à domicile' } as const;

const appointmentEn: T<AppointmentCtx>[] = [
  (v, c) => `Appointment ${placeEn[c.place]}: presented ${c.collectionEn}; ${she(v)} tried ${shortEn(c.piece)}.`,
  (v, c) =>
    isGarment(c.piece.product)
      ? `Fitting ${placeEn[c.place]} for ${shortEn(c.piece)}; small adjustment at the sleeves.`
      : `Appointment ${placeEn[c.place]}; looked at ${pieceEn(c.piece)} in daylight, will decide after the holidays.`,
  (v, c) => `Appointment ${placeEn[c.place]}${c.companion ? ` with ${her(v)} ${c.companion.en}` : ''}. Brought a selection; ${she(v)} kept coming back to ${pieceEn(c.piece)}.`,
  (v, c) => `Private presentation of ${c.collectionEn} ${placeEn[c.place]}. Champagne, forty minutes, very relaxed.`,
  (v, c) => `Saw ${herObj(v)} ${placeEn[c.place]} as planned. Wants to see ${pieceEn(c.piece)} again next season.`,
];
const appointmentFr: T<AppointmentCtx>[] = [
  (v, c) => `Rendez-vous ${placeFr[c.place]} : présentation ${frOf(c.collectionFr)}, a essayé ${shortFr(c.piece)}.`,
  (v, c) =>
    isGarment(c.piece.product)
      ? `Essayage ${frOf(shortFr(c.piece))} ${placeFr[c.place]} ; petite retouche aux manches.`
      : `Rendez-vous ${placeFr[c.place]} ; a revu ${pieceFr(c.piece)} à la lumière du jour, décidera après les vacances.`,
  (v, c) => `Rendez-vous ${placeFr[c.place]}${c.companion ? ` avec ${c.companion.frPoss}` : ''}. Sélection préparée ; revient toujours ${frTo(pieceFr(c.piece))}.`,
  (v, c) => `Présentation privée ${frOf(c.collectionFr)} ${placeFr[c.place]}. Champagne, quarante minutes, très détendu${e(v)}.`,
  (v, c) => `Vu${e(v)} ${placeFr[c.place]} comme prévu. Veut revoir ${pieceFr(c.piece)} à la prochaine saison.`,
];

export function appointmentNote(rng: Rng, v: Voice, c: AppointmentCtx): string {
  return choose(rng, v, appointmentEn, appointmentFr, c);
}

const purposeEn: ((c: AppointmentCtx & { recipient: Companion | null }) => string)[] = [
  (c) => `Presentation of ${c.collectionEn}`,
  (c) => (isGarment(c.piece.product) ? `Fitting — ${c.piece.product.en}` : `Seeing the ${c.piece.product.en.replace(/,.*$/, '')} again`),
  (c) => (c.recipient ? `Choosing a gift for ${c.recipient.first}` : `Seeing ${c.collectionEn}`),
  (c) => `Private view: ${c.collectionEn}`,
  (c) => `Trying the ${c.piece.product.en.replace(/,.*$/, '')} again`,
];

export function appointmentPurpose(rng: Rng, c: AppointmentCtx & { recipient: Companion | null }): string {
  return rng.pick(purposeEn)(c);
}

const prepEn: ((v: Voice, c: AppointmentCtx) => string)[] = [
  (v, c) => `Prepare ${pieceEn(c.piece)} and two alternatives.`,
  () => 'Book the private salon; still water, no champagne.',
  (v) => `Bring the pieces in ${v.female ? 'her' : 'his'} sizes; keep it to an hour.`,
  () => 'Check the open after-sales ticket before the appointment.',
  () => 'Flowers in the salon; confirm the day before by message.',
];

export function appointmentPrep(rng: Rng, v: Voice, c: AppointmentCtx): string {
  return rng.pick(prepEn)(v, c);
}

// ——— Calls and messages ———

export type Exchange =
  | 'availability'
  | 'answer'
  | 'reserve'
  | 'followup_days'
  | 'followup_weeks'
  | 'courtesy'
  | 'assistant'
  | 'news'
  | 'invitation'
  | 'wishes'
  | 'thanks'
  | 'birthday'
  | 'cancel'
  | 'restricted'
  | 'quiet';

/** Outbound exchanges that are outreach (need the client's consent for the channel). */
export const OUTREACH: ReadonlySet<Exchange> = new Set<Exchange>(['news', 'invitation', 'wishes', 'birthday', 'courtesy']);

interface ExchangeCtx {
  piece: PieceRef;
  size: string | null;
  companion: Companion | null;
  assistant: Companion | null;
  travelCity: string;
  event: MaisonEvent;
  categoryEn: string;
  categoryFr: string;
  call: boolean;
}

const exchangeEn: Record<Exchange, T<ExchangeCtx>[]> = {
  availability: [
    (v, c) => `Asks whether ${shortEn(c.piece)} can be had in ${c.piece.variant.noteEn || 'a larger size'}. Checking with the atelier.`,
    (v, c) => `Wanted to know when ${shortEn(c.piece)} is back in stock; promised news by Friday.`,
    (v, c) => `Question about ${pieceEn(c.piece)}: the atelier can do it, about six weeks.`,
  ],
  answer: [
    (v, c) => `${c.call ? 'Called back' : 'Wrote back'}: ${pieceEn(c.piece)} arrives in about six weeks; ${she(v)} will wait.`,
    (v, c) => `${c.call ? 'Called' : 'Wrote'} to say ${shortEn(c.piece)} is back in stock; holding it until the weekend.`,
    (v, c) => `Answer from the atelier on ${shortEn(c.piece)}: possible in ${c.piece.variant.noteEn || 'her size'}, told ${herObj(v)}.`,
  ],
  reserve: [
    (v, c) => `Asked for ${pieceEn(c.piece)}${c.size ? `, size ${c.size}` : ''}; reserved until Saturday.`,
    (v, c) => `Put ${shortEn(c.piece)} aside for ${herObj(v)}; will come by after ${her(v)} trip.`,
  ],
  followup_days: [
    (v, c) => `Checked in after the purchase: delighted with ${shortEn(c.piece)}, already a success at a dinner.`,
    (v, c) => `Follow-up on ${shortEn(c.piece)} — all well, sent the care card.`,
    (v, c) => `${She(v)} wrote back: a great success with ${shortEn(c.piece)}${c.companion ? `, ${her(v)} ${c.companion.en} loves it too` : ''}.`,
  ],
  followup_weeks: [
    (v, c) => `Two weeks on: checked in about ${shortEn(c.piece)}; suggested a care appointment at the next visit.`,
    (v, c) => `Followed up on ${shortEn(c.piece)}. Happy with it; would like to see the matching pieces.`,
  ],
  courtesy: [
    (v, c) => `Courtesy ${c.call ? 'call' : 'message'}, nothing in particular; leaving for ${c.travelCity} next month.`,
    (v, c) => `News of the family${c.companion ? `; ${c.companion.first} is well` : ''}. Will visit when back from ${c.travelCity}.`,
    (v, c) => `Long ${c.call ? 'call' : 'exchange'}: travelling to ${c.travelCity} soon, would like to see pieces before leaving.`,
  ],
  assistant: [
    (v, c) => `${c.assistant ? c.assistant.first : 'The assistant'} ${c.call ? 'called' : 'wrote'} to move Thursday's appointment to next week.`,
    (v, c) => `${c.assistant ? c.assistant.first : 'The assistant'} confirmed the delivery address for ${shortEn(c.piece)}.`,
    (v, c) => `Arranged the hotel delivery with ${c.assistant ? c.assistant.first : 'the assistant'}.`,
  ],
  news: [
    (v, c) =>
      c.call
        ? `Called to tell ${herObj(v)} about the new ${c.categoryEn}; ${she(v)} will come and see.`
        : `Sent photos of the new ${c.categoryEn} pieces; ${she(v)} replied "later, in person".`,
    (v, c) => (c.call ? `Told ${herObj(v)} ${pieceEn(c.piece)} has arrived.` : `Sent ${pieceEn(c.piece)} in pictures, thinking of ${herObj(v)}.`),
    (v, c) => `Shared the new ${c.categoryEn} before the launch; asked to hold ${shortEn(c.piece)}.`,
  ],
  invitation: [
    (v, c) => `Invitation to ${c.event.en} sent.`,
    (v, c) => `Invited ${herObj(v)}${c.companion ? ` and ${her(v)} ${c.companion.en}` : ''} to ${c.event.en}.`,
  ],
  wishes: [
    () => `Season's greetings sent, hand-written.`,
    (v) => `Happy new year message; ${she(v)} answered with a photo from the mountains.`,
    (v) => `Sent wishes for the new year with the maison's card.`,
  ],
  thanks: [
    (v, c) => `${c.call ? 'Called' : 'Wrote'} to thank us for the flowers.`,
    (v, c) => (c.call ? `Called to thank the team for ${shortEn(c.piece)}.` : `Lovely note to thank the team for ${shortEn(c.piece)}.`),
    (v, c) => `${c.call ? 'Called' : 'Wrote'} after the event; ${she(v)} loved it.`,
  ],
  birthday: [
    (v, c) => `Birthday wishes ${c.call ? 'by telephone' : 'sent'}${c.companion ? ` for ${c.companion.first}` : ''}.`,
    (v) => `Wished ${herObj(v)} a happy birthday; ${she(v)} was touched.`,
  ],
  cancel: [
    (v) => `Cancelled this week's appointment — travelling. To rebook.`,
    (v, c) => `${c.assistant ? `${c.assistant.first}: a` : 'A'}ppointment cancelled, ${she(v)} is away; will call back.`,
  ],
  restricted: [
    (v) => `Asked that we pause any use of ${her(v)} details while ${she(v)} reviews them. Request logged with the privacy team.`,
  ],
  quiet: [
    (v) => `Brief exchange, nothing to note.`,
    (v, c) => `Asked about opening hours during the holidays.`,
    (v, c) => `Confirmed ${her(v)} new address for deliveries.`,
  ],
};

const exchangeFr: Record<Exchange, T<ExchangeCtx>[]> = {
  availability: [
    (v, c) => `Demande si l'on peut avoir ${shortFr(c.piece)} en ${c.piece.variant.noteFr || 'plus grand'}. Je vérifie avec l'atelier.`,
    (v, c) => `Voulait savoir quand ${shortFr(c.piece)} revient en stock ; réponse promise vendredi.`,
  ],
  answer: [
    (v, c) => `${c.call ? 'Rappel' : 'Réponse'} : ${pieceFr(c.piece)} arrive dans six semaines environ ; ${elle(v)} attendra.`,
    (v, c) => `Prévenu${e(v)} du retour en stock ${frOf(shortFr(c.piece))} ; réservation jusqu'au week-end.`,
    (v, c) => `Réponse de l'atelier ${c.piece.variant.noteFr ? `: possible en ${c.piece.variant.noteFr}` : ': possible'}, transmise par ${c.call ? 'téléphone' : 'message'}.`,
  ],
  reserve: [
    (v, c) => `A demandé ${pieceFr(c.piece)}${c.size ? `, taille ${c.size}` : ''} ; réservation jusqu'à samedi.`,
    (v, c) => `Réservation ${frOf(shortFr(c.piece))} ; passera après son voyage.`,
  ],
  followup_days: [
    (v, c) => `Message de suivi : ravi${e(v)} ${frOf(shortFr(c.piece))}, grand succès au dîner de samedi.`,
    (v, c) => `Suivi après achat, tout va bien ; envoyé la fiche d'entretien.`,
    (v, c) => `${Elle(v)} répond : grand succès ${frOf(shortFr(c.piece))}${c.companion ? ` auprès de ${c.companion.frPoss}` : ''}.`,
  ],
  followup_weeks: [
    (v, c) => `Deux semaines après : tout va bien avec ${shortFr(c.piece)}, proposé un soin à la prochaine visite.`,
    (v, c) => `Relance douce sur ${shortFr(c.piece)} ; aimerait voir les pièces assorties.`,
  ],
  courtesy: [
    (v, c) => `${c.call ? 'Appel' : 'Message'} de courtoisie, rien de particulier ; part à ${c.travelCity} le mois prochain.`,
    (v, c) => `Nouvelles de la famille${c.companion ? `, ${c.companion.first} va bien` : ''}. Passera au retour de ${c.travelCity}.`,
  ],
  assistant: [
    (v, c) => `${c.call ? 'Appel' : 'Message'} de ${c.assistant ? c.assistant.first : 'son assistante'} pour décaler le rendez-vous de jeudi.`,
    (v, c) => `${c.assistant ? c.assistant.first : 'Son assistante'} confirme l'adresse de livraison ${frOf(shortFr(c.piece))}.`,
  ],
  news: [
    (v, c) =>
      c.call
        ? `Appel pour présenter les nouveautés ${c.categoryFr} ; passera après les vacances.`
        : `Envoi de photos des nouveautés ${c.categoryFr} ; répond qu'${elle(v)} passera après les vacances.`,
    (v, c) => (c.call ? `Appel : ${pieceFr(c.piece)} est arrivé en boutique.` : `Envoyé ${pieceFr(c.piece)} en photo, en pensant à ${lui(v)}.`),
  ],
  invitation: [
    (v, c) => `Invitation envoyée pour ${c.event.fr}.`,
    (v, c) => `Invité${e(v)}${c.companion ? ` avec ${c.companion.frPoss}` : ''} ${frTo(c.event.fr)}.`,
  ],
  wishes: [
    () => `Carte de vœux manuscrite envoyée.`,
    (v) => `Bons vœux pour la nouvelle année ; ${elle(v)} répond avec une photo de la montagne.`,
  ],
  thanks: [
    (v, c) => `${c.call ? 'Appel' : 'Message'} de remerciement pour les fleurs.`,
    (v, c) => `${c.call ? 'Appel très gentil' : 'Petit mot très gentil'} pour remercier l'équipe, ravi${e(v)} ${frOf(shortFr(c.piece))}.`,
  ],
  birthday: [
    (v, c) => `Vœux d'anniversaire ${c.call ? 'par téléphone' : 'envoyés'}${c.companion ? ` pour ${c.companion.first}` : ''}.`,
    (v) => `Souhaité son anniversaire ; très touché${e(v)}.`,
  ],
  cancel: [
    (v) => `Annule le rendez-vous de la semaine, en voyage. À reprogrammer.`,
    (v, c) => `${c.assistant ? `${c.assistant.first} : r` : 'R'}endez-vous annulé, ${elle(v)} est absent${e(v)} ; rappellera.`,
  ],
  restricted: [
    (v) => `Demande que l'on suspende l'usage de ses données le temps de les vérifier. Demande transmise au référent données.`,
  ],
  quiet: [
    () => `Échange bref, rien à signaler.`,
    () => `Question sur les horaires pendant les fêtes.`,
    () => `Confirme sa nouvelle adresse de livraison.`,
  ],
};

export function exchangeNote(rng: Rng, v: Voice, kind: Exchange, c: ExchangeCtx): string {
  return choose(rng, v, exchangeEn[kind], exchangeFr[kind], c);
}

// ——— Events ———

interface EventCtx {
  event: MaisonEvent;
  companion: Companion | null;
  piece: PieceRef;
  city: string;
}

const eventName = (c: EventCtx, lang: Lang): string =>
  c.event.trunkShow ? (lang === 'fr' ? `le trunk show de ${c.city}` : `the ${c.city} trunk show`) : lang === 'fr' ? c.event.fr : c.event.en;

const eventEn: T<EventCtx>[] = [
  (v, c) => `Came to ${eventName(c, 'en')}${c.companion ? ` with ${her(v)} ${c.companion.en}` : ''}; warm and relaxed.`,
  (v, c) => `At ${eventName(c, 'en')}; spent a long time with the atelier's craftsman. Asked to see ${shortEn(c.piece)} privately.`,
  (v, c) => `Attended ${eventName(c, 'en')}. Met other clients from ${c.city}; ${she(v)} enjoyed it.`,
];
const eventFr: T<EventCtx>[] = [
  (v, c) => `Présent${e(v)} ${frTo(eventName(c, 'fr'))}${c.companion ? ` avec ${c.companion.frPoss}` : ''} ; moment très chaleureux.`,
  (v, c) => `${cap(frTo(eventName(c, 'fr')))}, longue conversation avec l'artisan de l'atelier. Veut revoir ${shortFr(c.piece)} en privé.`,
];
const declineEn: T<EventCtx>[] = [
  (v, c) => `Declined the invitation to ${eventName(c, 'en')} — travelling.`,
  (v, c) => `Could not come to ${eventName(c, 'en')}; asked for photos.`,
];
const declineFr: T<EventCtx>[] = [
  (v, c) => `A décliné l'invitation pour ${eventName(c, 'fr')}, en voyage.`,
  (v, c) => `Ne pourra pas venir ${frTo(eventName(c, 'fr'))} ; aimerait des photos.`,
];

export function eventNote(rng: Rng, v: Voice, attended: boolean, c: EventCtx): string {
  return attended ? choose(rng, v, eventEn, eventFr, c) : choose(rng, v, declineEn, declineFr, c);
}

// ——— After-sales ———

interface ServiceCtx {
  item: string;
  itemFr: string;
  kind: 'repair' | 'resize' | 'engraving' | 'cleaning';
  kindFr: string;
  /** "la réparation", "le nettoyage". */
  kindFrDef: string;
  detailEn: string;
  detailFr: string;
}

const serviceOpenEn: T<ServiceCtx>[] = [
  (v, c) => `Brought in ${c.item} for ${c.kind}: ${c.detailEn}.`,
  (v, c) => `${cap(c.kind)} for ${c.item} — ${c.detailEn}. Estimate to follow.`,
  (v, c) => `Dropped off ${c.item}: ${c.detailEn}. Back in about three weeks.`,
];
const serviceOpenFr: T<ServiceCtx>[] = [
  (v, c) => `Dépôt ${frOf(c.itemFr)} pour ${c.kindFrDef} : ${c.detailFr}.`,
  (v, c) => `${cap(c.kindFr)} ${frOf(c.itemFr)} — ${c.detailFr}. Devis à suivre.`,
];
const serviceReadyEn: T<ServiceCtx>[] = [
  (v, c) => `${cap(c.item)} is back from the atelier; collected on Saturday.`,
  (v, c) => `Told ${herObj(v)} the ${c.kind} is done; delivered to the house.`,
  (v) => `Piece ready after service. ${She(v)} is very satisfied.`,
];
const serviceReadyFr: T<ServiceCtx>[] = [
  (v, c) => `Appel pour ${c.kindFrDef} ${frOf(c.itemFr)}, très satisfait${e(v)}.`,
  (v, c) => `Retour de l'atelier ${frOf(c.itemFr)} ; récupération samedi.`,
  (v, c) => `Prévenu${e(v)} que ${c.kindFrDef} est terminé${c.kindFrDef.startsWith('le ') ? '' : 'e'} ; livré à domicile.`,
];

export function serviceNote(rng: Rng, v: Voice, ready: boolean, c: ServiceCtx): string {
  return ready ? choose(rng, v, serviceReadyEn, serviceReadyFr, c) : choose(rng, v, serviceOpenEn, serviceOpenFr, c);
}

// ——— Gifts from the maison ———

interface GiftCtx {
  itemEn: string;
  itemFr: string;
  /** "for her birthday", "for Christmas", "to say thank you", "for Bérénice's graduation". */
  forEn: string;
  /** "pour son anniversaire", "pour Noël", "pour la remercier", "pour le diplôme de Bérénice". */
  forFr: string;
}

const giftEn: T<GiftCtx>[] = [
  (v, c) => `Sent ${c.itemEn} ${c.forEn}.`,
  (v, c) => `${cap(c.itemEn)}, with a hand-written card, ${c.forEn}.`,
  (v, c) => `Had ${c.itemEn} delivered ${c.forEn}.`,
];
const giftFr: T<GiftCtx>[] = [
  (v, c) => `Offert ${c.itemFr} ${c.forFr}.`,
  (v, c) => `Envoyé ${c.itemFr} avec une carte manuscrite ${c.forFr}.`,
];

export function giftNote(rng: Rng, v: Voice, c: GiftCtx): string {
  return choose(rng, v, giftEn, giftFr, c);
}

// ——— First visits, dormancy, discretion ———

export function firstVisitNote(rng: Rng, v: Voice, referrer: string | null, city: string): string {
  if (v.lang === 'fr') {
    return referrer
      ? rng.pick([`Première visite, recommandé${e(v)} par ${referrer}.`, `Venu${e(v)} de la part de ${referrer} ; premier achat.`])
      : rng.pick([`Première visite. Habite ${city}, de passage à Paris.`, `Premier rendez-vous ; découvre la maison.`, `Entré${e(v)} par hasard, reparti${e(v)} avec une première pièce.`]);
  }
  return referrer
    ? rng.pick([`First visit, on the recommendation of ${referrer}.`, `Came on ${referrer}'s recommendation; first purchase.`])
    : rng.pick([`First visit. Lives in ${city}, in Paris for a few days.`, 'First appointment; discovering the maison.', 'Walked in by chance and left with a first piece.']);
}

export function dormantNote(rng: Rng, v: Voice, city: string): string {
  if (v.lang === 'fr') {
    return rng.pick([
      `Part s'installer à ${city} ; passera quand ${elle(v)} sera à Paris.`,
      `Dit qu'${elle(v)} voyage beaucoup moins en ce moment.`,
      `Dernier échange : occupé${e(v)} par un grand projet, reviendra vers nous.`,
    ]);
  }
  return rng.pick([
    `Moving to ${city}; will visit when in Paris.`,
    `Says ${she(v)} is travelling much less at the moment.`,
    `Last exchange: busy with a big project, will be in touch.`,
  ]);
}

export type Discretion = 'separation' | 'widowed' | 'bereavement' | 'business' | 'private_purchases' | 'difficult_year';

/** `spouse` is "husband" / "son mari" or "wife" / "sa femme", as the case may be. */
export function discreetNote(
  rng: Rng,
  v: Voice,
  kind: Discretion,
  parent: { en: string; fr: string },
  spouse: { en: string; fr: string },
): string {
  const spouseEn = spouse.en;
  const spouseFr = spouse.fr;
  const parentEn = parent.en;
  const parentFr = parent.fr;
  if (v.lang === 'fr') {
    switch (kind) {
      case 'separation':
        return rng.pick([`Traverse une séparation. Ne pas parler de ${spouseFr} ; ${la(v)} laisser venir.`, `En instance de séparation. Ne rien envoyer au domicile conjugal.`]);
      case 'widowed':
        return `A perdu ${spouseFr} cette année. Rester présent${e(v)} sans insister ; rien de festif.`;
      case 'bereavement':
        return `A perdu ${parentFr}. Ne pas en parler, rien de festif pour l'instant.`;
      case 'business':
        return `Année difficile pour l'entreprise familiale. Pas de présentation haute joaillerie sauf si ${elle(v)} en parle.`;
      case 'private_purchases':
        return `Souhaite que ses achats ne soient jamais évoqués quand ${elle(v)} est accompagné${e(v)}.`;
      case 'difficult_year':
        return `Année compliquée sur le plan personnel. Garder le contact léger, sans relance commerciale.`;
    }
  }
  switch (kind) {
    case 'separation':
      return rng.pick([`Going through a separation. Do not mention ${her(v)} ${spouseEn}; let ${herObj(v)} lead the conversation.`, 'Separating. Send nothing to the family home.']);
    case 'widowed':
      return `Lost ${her(v)} ${spouseEn} this year. Stay close without insisting; nothing festive.`;
    case 'bereavement':
      return `Lost ${her(v)} ${parentEn}. Do not raise it; nothing festive for a while.`;
    case 'business':
      return `A difficult year for the family business. No high-jewellery presentations unless ${she(v)} brings it up.`;
    case 'private_purchases':
      return `Asked that ${her(v)} purchases never be mentioned when ${she(v)} is accompanied.`;
    case 'difficult_year':
      return 'A difficult year personally. Keep contact light, no sales follow-ups.';
  }
}
