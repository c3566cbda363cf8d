/**
 * The purchase dialog reads an amount as the advisor types it, in their locale, into integer
 * minor units of its currency — and refuses what no receipt would show.
 */
import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../renderer/src/pages/client/PurchaseAmount';

describe('parseAmount', () => {
  it('reads French amounts: a space (any kind) groups, a comma is the decimal mark', () => {
    expect(parseAmount('4 250,00', 'fr-FR', 'EUR')).toEqual({ ok: true, minor: 425_000 });
    expect(parseAmount('4\u202f250,00', 'fr-FR', 'EUR')).toEqual({ ok: true, minor: 425_000 });
    expect(parseAmount('4\u00a0250,5 €', 'fr-FR', 'EUR')).toEqual({ ok: true, minor: 425_050 });
    expect(parseAmount('4250', 'fr-FR', 'EUR')).toEqual({ ok: true, minor: 425_000 });
    // A point with two digits after it is a decimal point; with three, it groups.
    expect(parseAmount('4250.10', 'fr-FR', 'EUR')).toEqual({ ok: true, minor: 425_010 });
    expect(parseAmount('4.250', 'fr-FR', 'EUR')).toEqual({ ok: true, minor: 425_000 });
  });

  it('reads English amounts: a comma groups, a point is the decimal mark', () => {
    expect(parseAmount('4,250.00', 'en-GB', 'EUR')).toEqual({ ok: true, minor: 425_000 });
    expect(parseAmount('€4,250.10', 'en-GB', 'EUR')).toEqual({ ok: true, minor: 425_010 });
    expect(parseAmount('¥380,000', 'en-GB', 'JPY')).toEqual({ ok: true, minor: 380_000 });
    expect(parseAmount('380000 JPY', 'en-GB', 'JPY')).toEqual({ ok: true, minor: 380_000 });
    expect(parseAmount('1.234', 'en-GB', 'KWD')).toEqual({ ok: true, minor: 1_234 });
  });

  it('is exact where floating point is not', () => {
    expect(parseAmount('0,29', 'fr-FR', 'EUR')).toEqual({ ok: true, minor: 29 });
    expect(parseAmount('1 234 567,89', 'fr-FR', 'EUR')).toEqual({ ok: true, minor: 123_456_789 });
    expect(parseAmount('4 250,00', 'fr-FR', 'JPY')).toEqual({ ok: true, minor: 4_250 });
  });

  it('refuses a fraction of the minor unit, a negative, a zero, an absurd or unreadable amount', () => {
    expect(parseAmount('4 250,005', 'fr-FR', 'EUR')).toEqual({ ok: false, problem: 'fraction' });
    expect(parseAmount('380,000.5', 'en-GB', 'JPY')).toEqual({ ok: false, problem: 'fraction' });
    expect(parseAmount('12,345', 'fr-FR', 'EUR')).toEqual({ ok: false, problem: 'fraction' });
    expect(parseAmount('-10', 'en-GB', 'EUR')).toEqual({ ok: false, problem: 'negative' });
    expect(parseAmount('−10', 'fr-FR', 'EUR')).toEqual({ ok: false, problem: 'negative' });
    expect(parseAmount('0,00', 'fr-FR', 'EUR')).toEqual({ ok: false, problem: 'zero' });
    expect(parseAmount('99 999 999 999 999', 'fr-FR', 'EUR')).toEqual({ ok: false, problem: 'tooLarge' });
    expect(parseAmount('1e9', 'en-GB', 'EUR')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseAmount('1,2,3', 'fr-FR', 'EUR')).toEqual({ ok: false, problem: 'notANumber' });
    expect(parseAmount('  ', 'fr-FR', 'EUR')).toEqual({ ok: false, problem: 'required' });
  });
});
