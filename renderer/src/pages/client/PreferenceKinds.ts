/** The domains, kinds and dates the Client 360's forms offer, checked against the contract's types. */
import type { ChannelInput } from '../../api/contract';

export type PreferenceDomain = ChannelInput<'preferences.add'>['domain'];
export type MomentKind = ChannelInput<'moments.add'>['kind'];
export type CircleRelationKind = ChannelInput<'people.add'>['relation']['kind'];
export type TasteDomain = NonNullable<ChannelInput<'people.add'>['tastes']>[number]['domain'];

export const SIZE_DOMAINS = ['rtw_size', 'shoe_size', 'ring_size', 'size'] as const satisfies readonly PreferenceDomain[];
export const TASTE_DOMAINS = ['material', 'colour', 'category', 'designer', 'fragrance', 'dislike'] as const satisfies readonly TasteDomain[];
export const MANNER_DOMAINS = ['service', 'language'] as const satisfies readonly PreferenceDomain[];
/** A client's: sizes, tastes, manners. */
export const CLIENT_DOMAINS: readonly PreferenceDomain[] = [...SIZE_DOMAINS, ...TASTE_DOMAINS, ...MANNER_DOMAINS];
/** Someone around a client keeps only sizes and tastes (the policy's short list). */
export const PERSON_DOMAINS: readonly PreferenceDomain[] = [...SIZE_DOMAINS, ...TASTE_DOMAINS];

/** The three sizes whose label is fixed by the core. */
export const FIXED_SIZES = { rtw_size: 'ready-to-wear', shoe_size: 'shoe', ring_size: 'ring' } as const;

export function isFixedSize(domain: string): domain is keyof typeof FIXED_SIZES {
  return domain in FIXED_SIZES;
}

export function isSizeDomain(domain: string): boolean {
  return (SIZE_DOMAINS as readonly string[]).includes(domain);
}

export function isTasteDomain(domain: string): domain is TasteDomain {
  return (TASTE_DOMAINS as readonly string[]).includes(domain);
}

/** The contract's domain of a preference read from `clients.get` (sizes are stored under `size`). */
export function contractDomain(domain: string, label: string): PreferenceDomain | null {
  if (domain === 'size') {
    const l = label.trim().toLowerCase();
    if (l === 'ready-to-wear' || l === 'ready to wear' || l === 'rtw') return 'rtw_size';
    if (l === 'shoe' || l === 'shoes') return 'shoe_size';
    if (l === 'ring' || l === 'signet ring') return 'ring_size';
    return 'size';
  }
  return (CLIENT_DOMAINS as readonly string[]).includes(domain) ? (domain as PreferenceDomain) : null;
}

export const MOMENT_KINDS = [
  'birthday',
  'wedding_anniversary',
  'wedding',
  'child_milestone',
  'new_home',
  'new_role',
  'travel',
  'purchase_anniversary',
  'bereavement',
  'custom',
] as const satisfies readonly MomentKind[];

/** Kinds that come round every year unless the advisor says otherwise. */
export const YEARLY_KINDS: ReadonlySet<MomentKind> = new Set(['birthday', 'wedding_anniversary', 'purchase_anniversary']);

export const CIRCLE_RELATION_KINDS = ['family', 'friend', 'work', 'assistant'] as const satisfies readonly CircleRelationKind[];

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day `YYYY-MM-DD`. */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number(m[1]) >= 1000 && d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A real day of the year `MM-DD` (29 February included). */
export function isRealMonthDay(value: string): boolean {
  return /^\d{2}-\d{2}$/.test(value) && isRealDate(`2000-${value}`);
}

/** The label the core gives a preference when the advisor gives none (electron/services/clientbook/views.ts). */
export const DEFAULT_LABELS: Readonly<Record<string, string>> = {
  colour: 'favourite',
  category: 'collects',
  designer: 'line',
  fragrance: 'family',
  service: 'service style',
  language: 'correspondence',
};
