/**
 * The privacy policy, as data. Every purpose with its lawful basis; every data category with the
 * tables and fields that hold it, the purposes it serves, its retention and whether people who
 * are not clients may have it; the special categories that have no field at all. The write gate,
 * the read projection, the pending purges and the record of processing all read this table;
 * nothing else decides what a purpose allows.
 *
 * Field names are `table.column`, checked by the compiler against `db/schema.ts`; a test checks
 * that every column of the store is placed in a category or declared technical here.
 */
import {
  dataCategoryIds,
  outreachChannelIds,
  purposeIds,
  type DataCategory,
  type LawfulBasis,
  type OutreachChannel,
  type Purpose,
} from '../../contract/index.js';
import type { Database } from '../../../db/schema.js';

export type Text = { readonly en: string; readonly fr: string };
export type TableName = keyof Database;
type FieldOf<T extends TableName> = `${T}.${Extract<keyof Database[T], string>}`;
/** A stored field, `table.column`, as named in `db/schema.ts`. */
export type FieldRef = { [T in TableName]: FieldOf<T> }[TableName];

export interface PurposePolicy {
  readonly basis: LawfulBasis;
  /** Consent (or objection) is recorded channel by channel (outreach). */
  readonly perChannel: boolean;
  /**
   * Whether the purpose is about one person. Analytics is not: it never justifies showing,
   * keeping or writing anything about a given client.
   */
  readonly perPerson: boolean;
  readonly label: Text;
  readonly description: Text;
}

/**
 * How long a category is kept.
 * - `after_last_contact`: `months` after the client's last contact (for the people around a
 *   client: after *that client's* last contact);
 * - `after_record`: `months` after the record's own date (`field`), e.g. a purchase's date;
 * - `review`: confirmed with the client every `months` (the row's `review_at`), else removed.
 */
export type RetentionRule =
  | { readonly kind: 'after_last_contact'; readonly months: number }
  | {
      readonly kind: 'after_record';
      readonly months: number;
      readonly field: FieldRef;
      /** The record's date in words: "the date of purchase". */
      readonly from: Text;
      readonly because?: Text;
    }
  | { readonly kind: 'review'; readonly months: number; readonly field: FieldRef };

/** Where a category is held about a person: rows of `table` whose `by` column is the person. */
export interface Holder {
  readonly table: TableName;
  /** Columns naming the person the row is about (a relation names two). */
  readonly by: readonly string[];
  /** For a field kept on the person's own row: held only when this column is not null. */
  readonly column?: string;
}

export interface NonClientAllowance {
  /** What they may have, in words, for the record of processing. */
  readonly label: Text;
  /** The only fields of this category a person who is not a client may have. */
  readonly fields: readonly FieldRef[];
  /** When set, the row's kind (a moment's kind, a preference's domain) must be one of these. */
  readonly kinds?: readonly string[];
  readonly retention: RetentionRule;
}

export interface CategoryPolicy {
  readonly label: Text;
  readonly description: Text;
  readonly fields: readonly FieldRef[];
  readonly holders: readonly Holder[];
  readonly purposes: readonly Purpose[];
  readonly retention: RetentionRule;
  /** Null: never held about a person who is not a client. */
  readonly nonClient: NonClientAllowance | null;
}

export const PURPOSES: Readonly<Record<Purpose, PurposePolicy>> = {
  service: {
    basis: 'contract',
    perChannel: false,
    perPerson: true,
    label: { en: 'Client service', fr: 'Service au client' },
    description: {
      en: 'Serving the client: recognising them, keeping their purchases, appointments and after-sales cases, and reaching them about what they asked for (a repair that is ready, an appointment).',
      fr: 'Servir le client : le reconnaître, conserver ses achats, ses rendez-vous et ses dossiers d’après-vente, et le joindre pour ce qu’il a demandé (une réparation prête, un rendez-vous).',
    },
  },
  personalisation: {
    basis: 'consent',
    perChannel: false,
    perPerson: true,
    label: { en: 'Personalisation', fr: 'Personnalisation' },
    description: {
      en: 'Remembering the client’s tastes, sizes, life moments and the gifts they received, so that the advisor can offer a personal service.',
      fr: 'Retenir les goûts, les tailles, les moments de vie du client et les cadeaux reçus, pour que le conseiller lui offre un service personnel.',
    },
  },
  outreach: {
    basis: 'consent',
    perChannel: true,
    perPerson: true,
    label: { en: 'Outreach', fr: 'Prise de contact' },
    description: {
      en: 'Contacting the client on the advisor’s initiative (invitations, news, greetings), only on each channel the client agreed to: e-mail, telephone, SMS, WhatsApp, WeChat, post. Carnet never sends anything itself.',
      fr: 'Contacter le client à l’initiative du conseiller (invitations, nouveautés, vœux), uniquement sur chaque canal qu’il a accepté : e-mail, téléphone, SMS, WhatsApp, WeChat, courrier. Carnet n’envoie jamais rien lui-même.',
    },
  },
  relationship_mapping: {
    basis: 'consent',
    perChannel: false,
    perPerson: true,
    label: { en: 'Relationship mapping', fr: 'Cartographie des relations' },
    description: {
      en: 'Keeping the minimum about the people around the client (a spouse, a child, an assistant) and how they relate, so that moments and gifts are remembered. These people are never contacted.',
      fr: 'Garder le minimum sur les proches du client (conjoint, enfant, assistant) et leurs liens, pour se souvenir des moments et des cadeaux. Ces personnes ne sont jamais contactées.',
    },
  },
  analytics: {
    basis: 'legitimate_interest',
    perChannel: false,
    perPerson: false,
    label: { en: 'Aggregate analytics', fr: 'Statistiques agrégées' },
    description: {
      en: 'Measuring the health of the advisor’s relationships in aggregate (counts, rates, trends). Never a profile of one person; a client may object, and is then left out.',
      fr: 'Mesurer la santé des relations du conseiller de façon agrégée (effectifs, taux, tendances). Jamais le profil d’une personne ; un client peut s’y opposer et il est alors exclu.',
    },
  },
};

export const BASES: Readonly<Record<LawfulBasis, Text>> = {
  contract: {
    en: 'contract and legitimate interest (GDPR art. 6(1)(b) and (f)); no consent is needed',
    fr: 'contrat et intérêt légitime (RGPD art. 6(1)(b) et (f)) ; aucun consentement n’est nécessaire',
  },
  consent: {
    en: 'consent (GDPR art. 6(1)(a)), which the client may withdraw at any time',
    fr: 'consentement (RGPD art. 6(1)(a)), que le client peut retirer à tout moment',
  },
  legitimate_interest: {
    en: 'legitimate interest (GDPR art. 6(1)(f)); the client may object at any time',
    fr: 'intérêt légitime (RGPD art. 6(1)(f)) ; le client peut s’y opposer à tout moment',
  },
};

export const CHANNEL_LABELS: Readonly<Record<OutreachChannel, Text>> = {
  email: { en: 'E-mail', fr: 'E-mail' },
  phone: { en: 'Telephone', fr: 'Téléphone' },
  sms: { en: 'SMS', fr: 'SMS' },
  whatsapp: { en: 'WhatsApp', fr: 'WhatsApp' },
  wechat: { en: 'WeChat', fr: 'WeChat' },
  post: { en: 'Post', fr: 'Courrier' },
};

/** The purpose under which the people around a client are kept (the client's consent covers them). */
export const NON_CLIENT_PURPOSE = 'relationship_mapping' satisfies Purpose;
/** The purpose that contacting a client on the advisor's initiative rests on, channel by channel. */
export const OUTREACH_PURPOSE = 'outreach' satisfies Purpose;

/** Sizes and tastes: what a client may keep about the people they buy for. */
export const NON_CLIENT_PREFERENCE_DOMAINS = ['size', 'colour', 'fragrance', 'material', 'designer', 'category', 'dislike'] as const;
/** The one moment a person who is not a client may have. */
export const NON_CLIENT_MOMENT_KINDS = ['birthday'] as const;
/** The people around a client: kept 24 months after the client's last contact. */
const NON_CLIENT_RETENTION: RetentionRule = { kind: 'after_last_contact', months: 24 };

export const CATEGORIES: Readonly<Record<DataCategory, CategoryPolicy>> = {
  identity: {
    label: { en: 'Identity', fr: 'Identité' },
    description: {
      en: 'name, honorific, language, city, country, time zone, tier and the date the person became a client',
      fr: 'nom, civilité, langue, ville, pays, fuseau horaire, niveau de relation et date d’entrée en clientèle',
    },
    fields: [
      'person.honorific',
      'person.first_name',
      'person.last_name',
      'person.language',
      'person.city',
      'person.country',
      'person.time_zone',
      'person.tier',
      'person.client_since',
    ],
    holders: [{ table: 'person', by: ['id'] }],
    purposes: ['service', 'personalisation', 'outreach', 'relationship_mapping'],
    retention: { kind: 'after_last_contact', months: 36 },
    nonClient: {
      label: { en: 'first and last name', fr: 'prénom et nom' },
      fields: ['person.first_name', 'person.last_name'],
      retention: NON_CLIENT_RETENTION,
    },
  },
  contact: {
    label: { en: 'Contact details', fr: 'Coordonnées' },
    description: {
      en: 'e-mail addresses, telephone numbers, messaging accounts and postal addresses, and which one is preferred',
      fr: 'adresses e-mail, numéros de téléphone, comptes de messagerie et adresses postales, et lequel est préféré',
    },
    fields: ['contact_point.channel', 'contact_point.value', 'contact_point.is_preferred'],
    holders: [{ table: 'contact_point', by: ['person_id'] }],
    purposes: ['service', 'outreach'],
    retention: { kind: 'after_last_contact', months: 36 },
    nonClient: null,
  },
  preferences: {
    label: { en: 'Preferences', fr: 'Préférences' },
    description: {
      en: 'sizes, materials, colours, categories, designers, fragrances, dislikes and service style, as declared by the client or observed',
      fr: 'tailles, matières, couleurs, catégories, créateurs, parfums, ce que le client n’aime pas et style de service, déclarés ou observés',
    },
    fields: ['preference.domain', 'preference.label', 'preference.value'],
    holders: [{ table: 'preference', by: ['person_id'] }],
    purposes: ['personalisation'],
    retention: { kind: 'review', months: 24, field: 'preference.review_at' },
    nonClient: {
      label: { en: 'sizes and tastes', fr: 'tailles et goûts' },
      fields: ['preference.domain', 'preference.label', 'preference.value'],
      kinds: NON_CLIENT_PREFERENCE_DOMAINS,
      retention: NON_CLIENT_RETENTION,
    },
  },
  moments: {
    label: { en: 'Life moments', fr: 'Moments de vie' },
    description: {
      en: 'birth date, birthdays, anniversaries, children’s milestones, weddings, a new home, a new role, travel, bereavement',
      fr: 'date de naissance, anniversaires, étapes de la vie des enfants, mariages, nouveau domicile, nouvelles fonctions, voyages, deuil',
    },
    fields: ['person.birth_date', 'moment.kind', 'moment.date', 'moment.recurring', 'moment.label', 'moment.note'],
    holders: [
      { table: 'moment', by: ['person_id'] },
      { table: 'person', by: ['id'], column: 'birth_date' },
    ],
    purposes: ['personalisation'],
    retention: { kind: 'after_last_contact', months: 36 },
    nonClient: {
      label: { en: 'birthday', fr: 'date d’anniversaire' },
      fields: ['person.birth_date', 'moment.kind', 'moment.date', 'moment.recurring', 'moment.label'],
      kinds: NON_CLIENT_MOMENT_KINDS,
      retention: NON_CLIENT_RETENTION,
    },
  },
  relations: {
    label: { en: 'Relations', fr: 'Relations' },
    description: {
      en: 'the people around the client and how they relate: family, friends, work, assistant, referral, influence',
      fr: 'les proches du client et leurs liens : famille, amis, travail, assistant, recommandation, influence',
    },
    fields: ['relation.kind', 'relation.label', 'relation.since', 'relation.until'],
    holders: [{ table: 'relation', by: ['from_person_id', 'to_person_id'] }],
    purposes: ['relationship_mapping'],
    retention: { kind: 'after_last_contact', months: 36 },
    nonClient: {
      label: { en: 'how they relate to the client', fr: 'lien avec le client' },
      fields: ['relation.kind', 'relation.label', 'relation.since', 'relation.until'],
      retention: NON_CLIENT_RETENTION,
    },
  },
  purchases: {
    label: { en: 'Purchases', fr: 'Achats' },
    description: {
      en: 'date, item, category, amount, currency, sales channel and, when bought for someone, for whom',
      fr: 'date, article, catégorie, montant, devise, canal de vente et, pour un achat offert, le destinataire',
    },
    fields: [
      'purchase.purchased_at',
      'purchase.category',
      'purchase.item',
      'purchase.amount_minor',
      'purchase.currency',
      'purchase.channel',
      'purchase.recipient_person_id',
    ],
    holders: [{ table: 'purchase', by: ['person_id'] }],
    purposes: ['service', 'analytics'],
    retention: {
      kind: 'after_record',
      months: 120,
      field: 'purchase.purchased_at',
      from: { en: 'the date of purchase', fr: 'la date d’achat' },
      because: { en: 'accounting obligations', fr: 'les obligations comptables' },
    },
    nonClient: null,
  },
  notes: {
    label: { en: 'Interactions and notes', fr: 'Échanges et notes' },
    description: {
      en: 'visits, calls, messages and events, with the advisor’s notes; a discreet note is remembered, never raised',
      fr: 'visites, appels, messages et événements, avec les notes du conseiller ; une note discrète est retenue, jamais évoquée',
    },
    fields: [
      'interaction.occurred_at',
      'interaction.kind',
      'interaction.direction',
      'interaction.channel',
      'interaction.note',
      'interaction.discreet',
    ],
    holders: [{ table: 'interaction', by: ['person_id'] }],
    purposes: ['service', 'personalisation'],
    retention: { kind: 'after_last_contact', months: 36 },
    nonClient: null,
  },
  gifts: {
    label: { en: 'Gifts', fr: 'Cadeaux' },
    description: {
      en: 'what the maison gave, to whom, on which occasion, so that nothing is given twice',
      fr: 'ce que la maison a offert, à qui, à quelle occasion, pour ne jamais offrir deux fois la même chose',
    },
    fields: ['gift.recipient_person_id', 'gift.given_at', 'gift.occasion', 'gift.item', 'gift.note'],
    holders: [{ table: 'gift', by: ['client_id'] }],
    purposes: ['personalisation'],
    retention: { kind: 'after_last_contact', months: 36 },
    nonClient: null,
  },
  appointments: {
    label: { en: 'Appointments', fr: 'Rendez-vous' },
    description: {
      en: 'date, place, purpose and status of appointments, with the advisor’s preparation note',
      fr: 'date, lieu, objet et statut des rendez-vous, avec la note de préparation du conseiller',
    },
    fields: [
      'appointment.starts_at',
      'appointment.ends_at',
      'appointment.place',
      'appointment.purpose',
      'appointment.status',
      'appointment.note',
    ],
    holders: [{ table: 'appointment', by: ['person_id'] }],
    purposes: ['service', 'analytics'],
    retention: { kind: 'after_last_contact', months: 36 },
    nonClient: null,
  },
  after_sales: {
    label: { en: 'After-sales', fr: 'Après-vente' },
    description: {
      en: 'repairs, resizing, engraving and cleaning of the client’s pieces, with their status',
      fr: 'réparations, mises à taille, gravures et nettoyages des pièces du client, avec leur état',
    },
    fields: [
      'after_sales_case.opened_at',
      'after_sales_case.kind',
      'after_sales_case.item',
      'after_sales_case.status',
      'after_sales_case.closed_at',
      'after_sales_case.note',
    ],
    holders: [{ table: 'after_sales_case', by: ['person_id'] }],
    purposes: ['service'],
    retention: {
      kind: 'after_record',
      months: 36,
      field: 'after_sales_case.closed_at',
      from: { en: 'the day the case is closed', fr: 'la clôture du dossier' },
    },
    nonClient: null,
  },
};

/**
 * Columns that hold no personal data of their own: keys, links, timestamps, provenance, derived
 * values (kept by triggers or computed from fields above). Writing them never needs a purpose;
 * they go with the row they belong to.
 */
export const TECHNICAL_FIELDS: readonly FieldRef[] = [
  'person.seq',
  'person.id',
  'person.kind',
  'person.status',
  'person.sort_key',
  'person.last_contact_at',
  'person.archived_at',
  'person.advisor_id',
  'person.provenance',
  'person.review_at',
  'person.created_at',
  'person.updated_at',
  'contact_point.id',
  'contact_point.person_id',
  'contact_point.provenance',
  'contact_point.review_at',
  'contact_point.created_at',
  'preference.seq',
  'preference.id',
  'preference.person_id',
  'preference.provenance',
  'preference.review_at',
  'preference.created_at',
  'purchase.id',
  'purchase.person_id',
  'purchase.created_at',
  'interaction.seq',
  'interaction.id',
  'interaction.person_id',
  'interaction.created_at',
  'appointment.id',
  'appointment.person_id',
  'appointment.created_at',
  'after_sales_case.id',
  'after_sales_case.person_id',
  'after_sales_case.created_at',
  'moment.id',
  'moment.person_id',
  'moment.provenance',
  'moment.created_at',
  'relation.id',
  'relation.from_person_id',
  'relation.to_person_id',
  'relation.created_at',
  'gift.id',
  'gift.client_id',
  'gift.created_at',
];

/**
 * Tables that are not personal data of a client: the advisor's own profile and settings, the
 * consent ledger, restriction history, retention reviews and audit log (the privacy machinery
 * itself, erased with the person where they name one), and what outlives an erasure on purpose:
 * the tombstone and the register of subject-rights requests, which hold ids, rights, dates and
 * statuses only.
 */
export const PRIVACY_MACHINERY_TABLES: readonly TableName[] = [
  'advisor',
  'setting',
  'consent',
  'restriction',
  'retention_review',
  'tombstone',
  'privacy_request',
  'audit_log',
];

export interface SpecialCategory {
  readonly label: Text;
  /** Words that, in a field's or a kind's name, reveal the category. Lower case, ASCII. */
  readonly terms: readonly string[];
}

/** GDPR art. 9 and 10. No field holds them; the write gate refuses any that would. */
export const SPECIAL_CATEGORIES = {
  health: {
    label: { en: 'health', fr: 'santé' },
    terms: ['health', 'medical', 'medication', 'diagnosis', 'illness', 'disease', 'disability', 'pregnan', 'allerg', 'sante', 'maladie', 'handicap'],
  },
  religion: {
    label: { en: 'religious or philosophical beliefs', fr: 'convictions religieuses ou philosophiques' },
    terms: ['religio', 'faith', 'belief', 'croyance', 'confession'],
  },
  political_opinion: {
    label: { en: 'political opinions', fr: 'opinions politiques' },
    terms: ['politic', 'party_member', 'politique'],
  },
  sexual_life: {
    label: { en: 'sex life or sexual orientation', fr: 'vie sexuelle ou orientation sexuelle' },
    terms: ['sexual', 'sexuel', 'lgbt'],
  },
  ethnicity: {
    label: { en: 'racial or ethnic origin', fr: 'origine raciale ou ethnique' },
    terms: ['ethnic', 'ethniq', 'ethnie', 'race', 'racial'],
  },
  genetic: {
    label: { en: 'genetic data', fr: 'données génétiques' },
    terms: ['genetic', 'genetique', 'dna', 'genome'],
  },
  biometric: {
    label: { en: 'biometric data', fr: 'données biométriques' },
    terms: ['biometric', 'biometrique', 'fingerprint', 'face_template', 'faceprint', 'iris_scan'],
  },
  criminal: {
    label: { en: 'criminal convictions or offences', fr: 'condamnations pénales ou infractions' },
    terms: ['criminal', 'conviction', 'offence', 'offense', 'casier_judiciaire'],
  },
  trade_union: {
    label: { en: 'trade-union membership', fr: 'appartenance syndicale' },
    terms: ['trade_union', 'union_member', 'syndica'],
  },
} as const satisfies Record<string, SpecialCategory>;

export type SpecialCategoryId = keyof typeof SPECIAL_CATEGORIES;

/**
 * Which special category a field or kind name reveals, if any. Names are folded (accents, case)
 * and cut into words (at separators and camelCase humps); a term matches the start of a word ("religio" → "religious"), a term with
 * an underscore matches consecutive words ("trade_union") — so "bracelet" is not "race".
 */
export function specialCategoryOf(name: string): SpecialCategoryId | null {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  const joined = `_${words.join('_')}`;
  for (const [id, category] of Object.entries(SPECIAL_CATEGORIES) as [SpecialCategoryId, SpecialCategory][]) {
    const hit = category.terms.some((term) => (term.includes('_') ? joined.includes(`_${term}`) : words.some((w) => w.startsWith(term))));
    if (hit) return id;
  }
  return null;
}

// ——— reading the table

export const purposes: readonly Purpose[] = purposeIds;
export const outreachChannels: readonly OutreachChannel[] = outreachChannelIds;
export const categories: readonly DataCategory[] = dataCategoryIds;

/** The consent slots of a client: every purpose, and each channel of a per-channel purpose. */
export function consentSlots(): { purpose: Purpose; channel: OutreachChannel | null }[] {
  const slots: { purpose: Purpose; channel: OutreachChannel | null }[] = [];
  for (const purpose of purposes) {
    if (PURPOSES[purpose].perChannel) for (const channel of outreachChannels) slots.push({ purpose, channel });
    else slots.push({ purpose, channel: null });
  }
  return slots;
}

/** The category a field belongs to, if any. */
export function categoryOfField(field: string): DataCategory | null {
  for (const category of categories) {
    if ((CATEGORIES[category].fields as readonly string[]).includes(field)) return category;
  }
  return null;
}

export function isTechnicalField(field: string): boolean {
  return (TECHNICAL_FIELDS as readonly string[]).includes(field);
}

/** Purposes that need the client's consent, among those a category serves about a person. */
export function consentPurposesOf(category: DataCategory): Purpose[] {
  return CATEGORIES[category].purposes.filter((p) => PURPOSES[p].perPerson && PURPOSES[p].basis === 'consent');
}

/** Retention in plain words, from the rule. */
export function retentionText(rule: RetentionRule, locale: 'en' | 'fr', subject: 'client' | 'nonClient' = 'client'): string {
  const years = rule.months % 12 === 0 ? rule.months / 12 : null;
  const span =
    locale === 'en'
      ? years !== null
        ? `${years} year${years === 1 ? '' : 's'}`
        : `${rule.months} months`
      : years !== null
        ? `${years} an${years === 1 ? '' : 's'}`
        : `${rule.months} mois`;
  switch (rule.kind) {
    case 'after_last_contact':
      return subject === 'nonClient'
        ? locale === 'en'
          ? `kept until ${span} after the last contact with the client they are linked to`
          : `conservation jusqu’à ${span} après le dernier contact avec le client auquel la personne est liée`
        : locale === 'en'
          ? `kept until ${span} after the last contact with the client`
          : `conservation jusqu’à ${span} après le dernier contact avec le client`;
    case 'after_record': {
      const because = rule.because ? (locale === 'en' ? `, for ${rule.because.en}` : `, pour ${rule.because.fr}`) : '';
      return locale === 'en' ? `kept ${span} from ${rule.from.en}${because}` : `conservation ${span} à compter de ${rule.from.fr}${because}`;
    }
    case 'review':
      return locale === 'en'
        ? `confirmed with the client every ${span}; what is not confirmed is removed`
        : `vérification avec le client tous les ${span}\u202f; ce qui n’est pas confirmé est supprimé`;
  }
}
