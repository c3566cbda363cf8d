/** Types and small formatters shared by the Client 360, quick capture and the brief. */
import type { ChannelOutput } from '../../api/contract';

export type Client360 = ChannelOutput<'clients.get360'>;
export type TimelinePage = ChannelOutput<'clients.timeline'>;
export type TimelineItem = TimelinePage['items'][number];
export type Brief = ChannelOutput<'clients.brief'>;
export type CircleMember = NonNullable<Client360['circle']>[number];
export type AfterSales = NonNullable<Client360['openAfterSales']>[number];
export type UpcomingMoment = NonNullable<Client360['upcomingMoments']>[number];
export type Gift = NonNullable<Client360['gifts']>[number];
export type Preference = NonNullable<Client360['preferences']>[number]['items'][number];
export type Interaction = ChannelOutput<'interactions.add'>;
export type Finding = ChannelOutput<'scan.text'>['findings'][number];

/**
 * An amount in minor units, in the advisor's locale and the amount's own currency. The number
 * of minor digits is the currency's own (Intl knows ISO 4217: 2 for EUR, 0 for JPY, 3 for KWD).
 */
export function formatMoney(locale: string, amountMinor: number, currency: string): string {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amountMinor / 10 ** digits);
  } catch {
    return `${(amountMinor / 100).toFixed(2)} ${currency}`;
  }
}

/** A size's own name ("Ring", "Shoe", "Wrist"): the domain's usual label, or the advisor's. */
export function sizeLabel(p: Pick<Preference, 'label'>): string {
  const label = p.label.trim();
  return label.charAt(0).toLocaleUpperCase() + label.slice(1);
}

export const SIZE_DOMAINS = new Set(['rtw_size', 'shoe_size', 'ring_size', 'size']);

/** The text of a span of the note as the advisor typed it, quoted for them alone. */
export function spanOf(text: string, finding: Pick<Finding, 'start' | 'end'>): string {
  return text.slice(finding.start, finding.end);
}
