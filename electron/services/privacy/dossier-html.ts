/**
 * The access dossier as a printable page: one self-contained HTML document — inline CSS, no
 * script, no external resource (its own Content-Security-Policy forbids both), every value
 * escaped — in the advisor's language, for the advisor to read with the client or print to PDF.
 * It renders `carnet.dossier/1` and nothing else: what the JSON holds, the page shows.
 */
import type { DataCategory, Dossier, OutreachChannel, Purpose } from '../../contract/index.js';
import { isOutreachChannel } from './consent.js';
import { CATEGORIES, CHANNEL_LABELS, PURPOSES } from './policy.js';
import { frenchSpacing, NBSP, NNBSP } from './typography.js';

type Locale = 'en' | 'fr';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export { frenchSpacing };

const WORDS = {
  en: {
    title: 'Personal data held about',
    kicker: 'Right of access — GDPR article 15',
    generated: 'Prepared on',
    reference: 'Client reference',
    intro:
      'This document lists everything held about you in the advisor’s client book on this laptop, including data that is no longer shown because you withdrew a consent and that is waiting to be deleted. Nothing is shared outside this laptop.',
    restricted: 'Processing of your data is restricted: it is kept as it is and not used, until the restriction is lifted.',
    identity: 'Identity',
    overview: 'What is held, and why',
    category: 'Category',
    held: 'Held',
    purposes: 'Purposes',
    retention: 'Retention',
    state: 'Status',
    shownNow: 'shown',
    hiddenWithdrawn: 'hidden since a consent was withdrawn',
    hiddenNone: 'not shown: no consent was given',
    purgeOn: 'to be deleted on',
    reviewOn: 'next retention review',
    hiddenNote: 'Hidden because a consent was withdrawn; kept only until its deletion on',
    hiddenNoConsent: 'Not shown to the advisor: the consent it needs was not given.',
    consents: 'Consents',
    current: 'Current state',
    history: 'History',
    purpose: 'Purpose',
    channel: 'Channel',
    since: 'Since',
    source: 'Source',
    notice: 'Notice',
    action: 'Action',
    effective: 'Effective',
    recorded: 'Recorded',
    evidence: 'Evidence',
    granted: 'granted',
    withdrawn: 'withdrawn',
    none: 'never asked',
    grant: 'granted',
    withdraw: 'withdrawn',
    date: 'Date',
    value: 'Value',
    label: 'About',
    domain: 'Kind',
    preferred: 'preferred',
    provenance: 'Origin',
    kind: 'Kind',
    note: 'Note',
    item: 'Piece',
    amount: 'Amount',
    status: 'Status',
    place: 'Place',
    occasion: 'Occasion',
    recipient: 'For',
    yourself: 'you',
    someoneAround: 'someone around you',
    onBehalf: 'on behalf of another client',
    discreet: 'discreet',
    direction: 'Direction',
    recurring: 'every year',
    people: 'People around you',
    peopleIntro: 'Only the minimum is shown about them: who they are and how they relate to you.',
    anotherClient: 'another client of the maison',
    alsoHeld: 'Also held',
    person: 'Person',
    birthday: 'a birthday',
    momentsN: 'moments',
    preferencesN: 'sizes and tastes',
    restrictions: 'Restriction of processing',
    requests: 'Your requests',
    right: 'Right',
    received: 'Received',
    due: 'Answer due',
    completed: 'Completed',
    reviews: 'Retention reviews',
    reviewed: 'Reviewed',
    nextReview: 'Kept until at least',
    nothing: 'Nothing held.',
    machine: 'A machine-readable copy of this dossier accompanies it, in the documented format',
    fields: {
      honorific: 'Honorific',
      firstName: 'First name',
      lastName: 'Last name',
      birthDate: 'Date of birth',
      language: 'Language',
      city: 'City',
      country: 'Country',
      timeZone: 'Time zone',
      tier: 'Relationship tier',
      clientSince: 'Client since',
      lastContactAt: 'Last contact',
      createdAt: 'In the book since',
    },
    provenances: { declared: 'declared by you', observed: 'observed', imported: 'imported' },
    rights: {
      access: 'access',
      rectification: 'rectification',
      erasure: 'erasure',
      restriction: 'restriction',
      objection: 'objection',
      portability: 'portability',
    },
    statuses: { open: 'open', fulfilled: 'fulfilled', refused: 'refused' },
    restrictActions: { restrict: 'restricted', lift: 'lifted' },
    sources: { in_person: 'in person', signed_form: 'signed form', digital: 'digital', imported: 'imported' },
    sections: {
      contact: 'Contact details',
      preferences: 'Preferences',
      moments: 'Life moments',
      purchases: 'Purchases',
      notes: 'Interactions and notes',
      appointments: 'Appointments',
      after_sales: 'After-sales',
      gifts: 'Gifts',
    },
  },
  fr: {
    title: 'Données personnelles détenues sur',
    kicker: `Droit d’accès — article 15 du RGPD`,
    generated: 'Établi le',
    reference: 'Référence client',
    intro:
      'Ce document recense tout ce qui est conservé à votre sujet dans le carnet de clientèle du conseiller, sur cet ordinateur, y compris les données qui ne sont plus affichées parce que vous avez retiré un consentement et qui attendent leur suppression. Rien n’est communiqué en dehors de cet ordinateur.',
    restricted: `Le traitement de vos données est limité${NNBSP}: elles sont conservées en l’état et ne sont pas utilisées, jusqu’à la levée de la limitation.`,
    identity: 'Identité',
    overview: 'Ce qui est conservé, et pourquoi',
    category: 'Catégorie',
    held: 'Éléments',
    purposes: 'Finalités',
    retention: 'Conservation',
    state: 'État',
    shownNow: 'affiché',
    hiddenWithdrawn: 'masqué depuis le retrait d’un consentement',
    hiddenNone: 'non affiché : aucun consentement donné'.replace(' :', `${NBSP}:`),
    purgeOn: 'suppression le',
    reviewOn: 'prochain examen de conservation',
    hiddenNote: 'Masqué à la suite du retrait d’un consentement ; conservé seulement jusqu’à sa suppression le'.replace(' ;', `${NNBSP};`),
    hiddenNoConsent: 'Non affiché au conseiller : le consentement nécessaire n’a pas été donné.'.replace(' :', `${NBSP}:`),
    consents: 'Consentements',
    current: 'État actuel',
    history: 'Historique',
    purpose: 'Finalité',
    channel: 'Canal',
    since: 'Depuis',
    source: 'Source',
    notice: 'Notice',
    action: 'Action',
    effective: 'Prise d’effet',
    recorded: 'Enregistré',
    evidence: 'Justificatif',
    granted: 'accordé',
    withdrawn: 'retiré',
    none: 'jamais demandé',
    grant: 'accordé',
    withdraw: 'retiré',
    date: 'Date',
    value: 'Valeur',
    label: 'Objet',
    domain: 'Type',
    preferred: 'préféré',
    provenance: 'Origine',
    kind: 'Type',
    note: 'Note',
    item: 'Pièce',
    amount: 'Montant',
    status: 'Statut',
    place: 'Lieu',
    occasion: 'Occasion',
    recipient: 'Pour',
    yourself: 'vous',
    someoneAround: 'un de vos proches',
    onBehalf: 'de la part d’un autre client',
    discreet: 'discrète',
    direction: 'Sens',
    recurring: 'chaque année',
    people: 'Vos proches',
    peopleIntro: 'Seul le minimum les concernant figure ici : qui ils sont et leur lien avec vous.'.replace(' :', `${NBSP}:`),
    anotherClient: 'un autre client de la maison',
    alsoHeld: 'Également conservé',
    person: 'Personne',
    birthday: 'une date d’anniversaire',
    momentsN: 'moments',
    preferencesN: 'tailles et goûts',
    restrictions: 'Limitation du traitement',
    requests: 'Vos demandes',
    right: 'Droit',
    received: 'Reçue le',
    due: 'Réponse due le',
    completed: 'Traitée le',
    reviews: 'Examens de conservation',
    reviewed: 'Examiné le',
    nextReview: 'Conservé au moins jusqu’au',
    nothing: 'Rien n’est conservé.',
    machine: 'Une copie lisible par machine de ce dossier l’accompagne, au format documenté',
    fields: {
      honorific: 'Civilité',
      firstName: 'Prénom',
      lastName: 'Nom',
      birthDate: 'Date de naissance',
      language: 'Langue',
      city: 'Ville',
      country: 'Pays',
      timeZone: 'Fuseau horaire',
      tier: 'Niveau de relation',
      clientSince: 'Client depuis',
      lastContactAt: 'Dernier contact',
      createdAt: 'Dans le carnet depuis',
    },
    provenances: { declared: 'déclaré par vous', observed: 'observé', imported: 'importé' },
    rights: {
      access: 'accès',
      rectification: 'rectification',
      erasure: 'effacement',
      restriction: 'limitation',
      objection: 'opposition',
      portability: 'portabilité',
    },
    statuses: { open: 'en cours', fulfilled: 'satisfaite', refused: 'refusée' },
    restrictActions: { restrict: 'limité', lift: 'levée' },
    sources: { in_person: 'en personne', signed_form: 'formulaire signé', digital: 'numérique', imported: 'importé' },
    sections: {
      contact: 'Coordonnées',
      preferences: 'Préférences',
      moments: 'Moments de vie',
      purchases: 'Achats',
      notes: 'Échanges et notes',
      appointments: 'Rendez-vous',
      after_sales: 'Après-vente',
      gifts: 'Cadeaux',
    },
  },
} as const;

const STYLE = `
@page { size: A4; margin: 18mm 16mm 20mm; }
* { box-sizing: border-box; }
html { color: #1f1c18; background: #fff; }
body { margin: 0 auto; max-width: 178mm; padding: 10mm 6mm; font: 10pt/1.55 "Inter", "Helvetica Neue", Helvetica, Arial, sans-serif; }
header { border-bottom: 0.6pt solid #b8ab97; padding-bottom: 8pt; margin-bottom: 12pt; }
.maison { letter-spacing: 0.14em; text-transform: uppercase; font-size: 8pt; color: #6d6456; }
h1, h2, h3 { font-family: "Cormorant Garamond", Garamond, Georgia, "Times New Roman", serif; font-weight: 500; color: #1f1c18; }
h1 { font-size: 22pt; line-height: 1.2; margin: 6pt 0 2pt; }
h2 { font-size: 14pt; margin: 18pt 0 6pt; padding-bottom: 2pt; border-bottom: 0.4pt solid #d9d0c2; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 10pt 0 4pt; break-after: avoid; }
p { margin: 0 0 6pt; }
.meta { color: #6d6456; font-size: 9pt; }
.notice { border-left: 2pt solid #a26a43; background: #f8f3ec; padding: 5pt 9pt; margin: 6pt 0; }
.muted { color: #6d6456; }
dl { display: grid; grid-template-columns: 42mm 1fr; gap: 2pt 10pt; margin: 0; }
dt { color: #6d6456; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 2pt 0 6pt; }
th { text-align: left; font-weight: 600; color: #5b5347; border-bottom: 0.6pt solid #b8ab97; padding: 3pt 6pt 3pt 0; }
td { border-bottom: 0.3pt solid #e6dfd4; padding: 3pt 6pt 3pt 0; vertical-align: top; overflow-wrap: break-word; }
tr { break-inside: avoid; page-break-inside: avoid; }
section { break-inside: auto; }
footer { margin-top: 18pt; padding-top: 6pt; border-top: 0.6pt solid #b8ab97; color: #6d6456; font-size: 8.5pt; }
code { font-family: "SFMono-Regular", Menlo, Consolas, monospace; font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } }
`;

interface Options {
  timeZone: string;
}

export function renderDossierHtml(d: Dossier, options: Options): string {
  const locale: Locale = d.locale;
  const w = WORDS[locale];
  const tag = locale === 'en' ? 'en-GB' : 'fr-FR';
  const e = (value: string | null | undefined): string => (value === null || value === undefined || value === '' ? '—' : escapeHtml(value));

  const instant = (value: string | null): string => {
    if (value === null) return '—';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) || /^\d{2}-\d{2}$/.test(value)) return day(value);
    const ms = Date.parse(value);
    if (Number.isNaN(ms)) return escapeHtml(value);
    return escapeHtml(new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short', timeZone: options.timeZone }).format(ms));
  };
  function day(value: string | null): string {
    if (value === null) return '—';
    const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const short = /^(\d{2})-(\d{2})$/.exec(value);
    if (full) return escapeHtml(new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(Number(full[1]), Number(full[2]) - 1, Number(full[3]))));
    if (short) return escapeHtml(new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, Number(short[1]) - 1, Number(short[2]))));
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? escapeHtml(value) : escapeHtml(new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: options.timeZone }).format(ms));
  }
  const money = (minor: number, currency: string): string => {
    try {
      const format = new Intl.NumberFormat(tag, { style: 'currency', currency });
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return escapeHtml(format.format(minor / 10 ** digits));
    } catch {
      return escapeHtml(`${minor} ${currency}`);
    }
  };
  const purpose = (p: Purpose): string => escapeHtml(PURPOSES[p].label[locale]);
  /** A stored kind (`wedding_anniversary`) in words. */
  const kind = (k: string | null): string => e(k === null ? null : k.replaceAll('_', ' '));
  /** A channel by its label when Carnet knows it, else in words. */
  const anyChannel = (c: string | null): string => (c !== null && isOutreachChannel(c) ? escapeHtml(CHANNEL_LABELS[c][locale]) : kind(c));
  const channelLabel = (c: OutreachChannel | null): string => (c === null ? '—' : escapeHtml(CHANNEL_LABELS[c][locale]));
  const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
    rows.length === 0
      ? `<p class="muted">${escapeHtml(w.nothing)}</p>`
      : `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const status = new Map(d.categories.map((c) => [c.category, c]));
  const hiddenNotice = (category: DataCategory): string => {
    const s = status.get(category);
    if (!s || s.shown || s.held === 0) return '';
    if (s.hiddenBecause === 'consent_withdrawn') {
      return `<p class="notice">${escapeHtml(w.hiddenNote)} ${s.purgeDueAt ? instant(s.purgeDueAt) : '—'}.</p>`;
    }
    return `<p class="notice">${escapeHtml(w.hiddenNoConsent)}</p>`;
  };
  const section = (category: Exclude<DataCategory, 'identity' | 'relations'>, body: string): string =>
    `<section><h2>${escapeHtml(w.sections[category])}</h2>${hiddenNotice(category)}${body}</section>`;
  const provenance = (p: 'declared' | 'observed' | 'imported'): string => escapeHtml(w.provenances[p]);

  const c = d.client;
  const moments = status.get('moments');
  const birthDateState =
    c.birthDate !== null && moments && !moments.shown
      ? ` <span class="muted">(${escapeHtml(moments.hiddenBecause === 'consent_withdrawn' ? w.hiddenWithdrawn : w.hiddenNone)})</span>`
      : '';
  const name = [c.honorific, c.firstName, c.lastName].filter((x): x is string => x !== null && x !== '').join(' ');
  const identityRows: [string, string][] = [
    [w.fields.honorific, e(c.honorific)],
    [w.fields.firstName, e(c.firstName)],
    [w.fields.lastName, e(c.lastName)],
    [w.fields.birthDate, `${day(c.birthDate)}${birthDateState}`],
    [w.fields.language, e(c.language)],
    [w.fields.city, e(c.city)],
    [w.fields.country, e(c.country)],
    [w.fields.timeZone, e(c.timeZone)],
    [w.fields.tier, e(c.tier)],
    [w.fields.clientSince, day(c.clientSince)],
    [w.fields.lastContactAt, instant(c.lastContactAt)],
    [w.fields.createdAt, instant(c.createdAt)],
  ];

  const overview = table(
    [w.category, w.held, w.purposes, w.retention, w.state],
    d.categories.map((s) => {
      const state = s.shown ? w.shownNow : s.hiddenBecause === 'consent_withdrawn' ? w.hiddenWithdrawn : w.hiddenNone;
      const purge = s.purgeDueAt ? `<br>${escapeHtml(w.purgeOn)} ${instant(s.purgeDueAt)}` : '';
      const review = s.retentionDueAt ? `<br><span class="muted">${escapeHtml(w.reviewOn)}${locale === 'fr' ? `${NBSP}:` : ':'} ${day(s.retentionDueAt)}</span>` : '';
      return [
        escapeHtml(CATEGORIES[s.category].label[locale]),
        String(s.held),
        s.purposes.map(purpose).join(', '),
        escapeHtml(locale === 'fr' ? frenchSpacing(s.retention) : s.retention),
        `${escapeHtml(state)}${purge}${review}`,
      ];
    }),
  );

  const stateWord = (s: 'granted' | 'withdrawn' | 'none'): string => escapeHtml(w[s]);
  const consents =
    `<h3>${escapeHtml(w.current)}</h3>` +
    table(
      [w.purpose, w.channel, w.state, w.since, w.notice],
      d.consents.current.map((k) => [purpose(k.purpose), channelLabel(k.channel), stateWord(k.state), instant(k.since), e(k.noticeVersion)]),
    ) +
    `<h3>${escapeHtml(w.history)}</h3>` +
    table(
      [w.effective, w.purpose, w.channel, w.action, w.source, w.notice, w.evidence],
      d.consents.history.map((k) => [
        instant(k.effectiveAt),
        purpose(k.purpose),
        channelLabel(k.channel),
        escapeHtml(w[k.action]),
        escapeHtml(w.sources[k.source]),
        e(k.noticeVersion),
        e(k.evidence),
      ]),
    );

  const personName = (id: string | null): string => {
    if (id === null) return escapeHtml(w.yourself);
    const person = d.people.find((p) => p.id === id);
    return person && person.firstName !== null ? e(`${person.firstName} ${person.lastName ?? ''}`.trim()) : escapeHtml(w.someoneAround);
  };

  const people =
    d.people.length === 0
      ? `<p class="muted">${escapeHtml(w.nothing)}</p>`
      : `<p class="muted">${escapeHtml(w.peopleIntro)}</p>` +
        table(
          [w.person, w.kind, w.since, w.alsoHeld],
          d.people.map((p) => {
            const who = p.isClient ? escapeHtml(w.anotherClient) : e(`${p.firstName ?? ''} ${p.lastName ?? ''}`.trim());
            const how = p.relations.map((r) => `${kind(r.label ?? r.kind)}${r.until ? ` (${day(r.until)})` : ''}`).join('<br>');
            const since = p.relations.map((r) => day(r.since)).join('<br>');
            const also = p.held
              ? [
                  p.held.birthDate ? escapeHtml(w.birthday) : null,
                  p.held.moments ? `${escapeHtml(w.momentsN)} (${p.held.moments})` : null,
                  p.held.preferences ? `${escapeHtml(w.preferencesN)} (${p.held.preferences})` : null,
                ]
                  .filter((x): x is string => x !== null)
                  .join(', ') || '—'
              : '—';
            return [who, how, since, also];
          }),
        );

  const body = [
    `<header><div class="maison">${e(d.controller?.maison ?? '')}${d.controller ? ` · ${e(d.controller.boutique)}` : ''}</div>`,
    `<p class="meta">${escapeHtml(w.kicker)}</p>`,
    `<h1>${escapeHtml(w.title)} ${e(name)}</h1>`,
    `<p class="meta">${escapeHtml(w.generated)} ${instant(d.generatedAt)} · ${escapeHtml(w.reference)} <code>${escapeHtml(c.id)}</code></p></header>`,
    `<p>${escapeHtml(w.intro)}</p>`,
    c.status === 'restricted' ? `<p class="notice">${escapeHtml(w.restricted)}</p>` : '',
    `<section><h2>${escapeHtml(w.identity)}</h2><dl>${identityRows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl></section>`,
    `<section><h2>${escapeHtml(w.overview)}</h2>${overview}</section>`,
    `<section><h2>${escapeHtml(w.consents)}</h2>${consents}</section>`,
    section(
      'contact',
      table(
        [w.channel, w.value, w.provenance],
        d.contactPoints.map((k) => [
          `${anyChannel(k.channel)}${k.preferred ? ` <span class="muted">(${escapeHtml(w.preferred)})</span>` : ''}`,
          e(k.value),
          provenance(k.provenance),
        ]),
      ),
    ),
    section(
      'preferences',
      table(
        [w.domain, w.label, w.value, w.provenance],
        d.preferences.map((k) => [kind(k.domain), e(k.label), e(k.value), provenance(k.provenance)]),
      ),
    ),
    section(
      'moments',
      table(
        [w.date, w.kind, w.label, w.note],
        d.moments.map((k) => [`${day(k.date)}${k.recurring ? ` <span class="muted">(${escapeHtml(w.recurring)})</span>` : ''}`, kind(k.kind), e(k.label), e(k.note)]),
      ),
    ),
    section(
      'purchases',
      table(
        [w.date, w.item, w.category, w.amount, w.channel, w.recipient],
        d.purchases.map((k) => [instant(k.purchasedAt), e(k.item), kind(k.category), money(k.amountMinor, k.currency), kind(k.channel), personName(k.recipientPersonId)]),
      ),
    ),
    section(
      'notes',
      table(
        [w.date, w.kind, w.channel, w.note],
        d.interactions.map((k) => [
          instant(k.occurredAt),
          `${kind(k.kind)}${k.discreet ? ` <span class="muted">(${escapeHtml(w.discreet)})</span>` : ''}`,
          anyChannel(k.channel),
          e(k.note),
        ]),
      ),
    ),
    section(
      'appointments',
      table(
        [w.date, w.place, w.label, w.status, w.note],
        d.appointments.map((k) => [instant(k.startsAt), kind(k.place), e(k.purpose), kind(k.status), e(k.note)]),
      ),
    ),
    section(
      'after_sales',
      table(
        [w.date, w.kind, w.item, w.status, w.note],
        d.afterSales.map((k) => [instant(k.openedAt), kind(k.kind), e(k.item), kind(k.status), e(k.note)]),
      ),
    ),
    section(
      'gifts',
      table(
        [w.date, w.item, w.occasion, w.recipient, w.note],
        d.gifts.map((k) => [
          instant(k.givenAt),
          e(k.item),
          kind(k.occasion),
          `${personName(k.recipientPersonId)}${k.onBehalfOfAnotherClient ? ` <span class="muted">(${escapeHtml(w.onBehalf)})</span>` : ''}`,
          e(k.note),
        ]),
      ),
    ),
    `<section><h2>${escapeHtml(w.people)}</h2>${hiddenNotice('relations')}${people}</section>`,
    `<section><h2>${escapeHtml(w.restrictions)}</h2>${table(
      [w.date, w.action, w.label],
      d.restrictions.map((r) => [instant(r.recordedAt), escapeHtml(w.restrictActions[r.action]), kind(r.reason)]),
    )}</section>`,
    `<section><h2>${escapeHtml(w.requests)}</h2>${table(
      [w.right, w.received, w.due, w.status, w.completed, w.note],
      d.requests.map((r) => [escapeHtml(w.rights[r.right]), instant(r.receivedAt), instant(r.dueAt), escapeHtml(w.statuses[r.status]), instant(r.completedAt), e(r.note)]),
    )}</section>`,
    d.retentionReviews.length > 0
      ? `<section><h2>${escapeHtml(w.reviews)}</h2>${table(
          [w.category, w.reviewed, w.nextReview],
          d.retentionReviews.map((r) => [e(isCategory(r.category) ? CATEGORIES[r.category].label[locale] : r.category), instant(r.reviewedAt), instant(r.nextReviewAt)]),
        )}</section>`
      : '',
    `<footer>${escapeHtml(w.machine)} <code>${escapeHtml(d.schema)}</code>.</footer>`,
  ].join('\n');

  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(w.title)} ${e(name)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body>\n${body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}

function isCategory(value: string): value is DataCategory {
  return Object.prototype.hasOwnProperty.call(CATEGORIES, value);
}
