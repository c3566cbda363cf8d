/**
 * The client book's pure rules: cleaning free text with a map back to what was typed, contact
 * values, calendar dates, the gift ledger's "very similar", and when a moment next comes round.
 */
import { describe, expect, it } from 'vitest';
import { birthdaySchema, calendarDateSchema, currencySchema, CURRENCY_MINOR_DIGITS, isCalendarDate, isMonthDay, momentDateSchema } from '../../../../electron/contract/index.js';
import { nextOn, upcoming } from '../../../../electron/services/clientbook/client360.js';
import { itemWords, similarItems } from '../../../../electron/services/clientbook/gifts.js';
import { scanAsSent } from '../../../../electron/services/clientbook/screen.js';
import { cleanLine, cleanMapped, cleanNote, contactValue, phoneKey, sortKey } from '../../../../electron/services/clientbook/text.js';
import { addMonths, domainOf, storedPreference } from '../../../../electron/services/clientbook/views.js';

describe('cleaning free text', () => {
  it('drops controls, bidi overrides and isolates, the BOM and the snippet markers; trims; keeps RTL marks and HTML', () => {
    expect(cleanLine('  \u202Eabc\u202C \u2066d\u2069\uFEFF\uE000e\uE001 ')).toBe('abc de');
    expect(cleanLine('a\u0000b\u0007c\u001Bd\u007Fe\u0085f')).toBe('abcde f');
    expect(cleanLine('one\ttwo\nthree\r\nfour   five')).toBe('one two three four five');
    expect(cleanLine('<b>x</b> & <script>')).toBe('<b>x</b> & <script>');
    expect(cleanLine('\u05E9\u05DC\u05D5\u05DD \u200F!')).toBe('\u05E9\u05DC\u05D5\u05DD \u200F!');
    expect(cleanNote('  line one\r\nline two\rline three\u2028four\tend\u000B.  ')).toBe('line one\nline two\nline three\nfour\tend .');
    expect(cleanLine('e\u0301le\u0301onore')).toBe('éléonore'); // NFC
  });

  it('maps every kept unit back to the text as sent', () => {
    const sent = '\u202E  Card\u0000 4111\r\nend\u2069';
    const c = cleanMapped(sent, true);
    expect(c.text).toBe('Card 4111\nend');
    for (let i = 0; i < c.text.length; i++) {
      const source = sent.slice(c.from[i], c.to[i]);
      if (c.text[i] === '\n') expect(source).toMatch(/\n/);
      else expect(source.normalize('NFC')).toContain(c.text[i]);
    }
    const f = scanAsSent('note', 'e\u0301\u202E Paid 4111 1111 1111 1111.', true, []);
    expect(f).toEqual([{ field: 'note', kind: 'payment_card', start: 9, end: 28, severity: 'sensitive' }]);
  });

  it('checks contact values per channel and compares phones by their last nine digits', () => {
    expect(contactValue('email', ' Eleonore@Example.fr ')).toBe('Eleonore@Example.fr');
    expect(() => contactValue('email', 'eleonore@')).toThrow(/value/);
    expect(contactValue('phone', '+33 (0)6 39-98.12.34')).toBe('+33 (0)6 39-98.12.34');
    expect(() => contactValue('whatsapp', '12')).toThrow();
    expect(() => contactValue('wechat', '微信')).toThrow();
    expect(phoneKey('+33 6 39 98 12 34')).toBe(phoneKey('06 39 98 12 34'));
    expect(phoneKey('0033639981234')).toBe('639981234');
    expect(phoneKey('123')).toBeNull();
    expect(sortKey('Éléonore', 'Dubois')).toBe('dubois eleonore');
  });
});

describe('dates, money', () => {
  it('knows the calendar', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('0999-01-01')).toBe(false);
    expect(isMonthDay('02-29')).toBe(true);
    expect(isMonthDay('02-30')).toBe(false);
    expect(calendarDateSchema.safeParse('2026-13-01').success).toBe(false);
    expect(momentDateSchema.safeParse('12-31').success).toBe(true);
    expect(birthdaySchema.safeParse('1990-06-01').success).toBe(true);
    expect(birthdaySchema.safeParse(`${new Date().getUTCFullYear() + 2}-06-01`).success).toBe(false);
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
  });

  it('lists ISO 4217 currencies with their minor-unit digits', () => {
    expect(CURRENCY_MINOR_DIGITS).toMatchObject({ EUR: 2, JPY: 0, KWD: 3, CHF: 2 });
    expect(currencySchema.safeParse('XXX').success).toBe(false);
  });
});

describe('preferences: stored domains', () => {
  it('keeps sizes under `size`, their label saying which', () => {
    expect(storedPreference('ring_size', 'anything')).toEqual({ domain: 'size', label: 'ring' });
    expect(storedPreference('colour', undefined)).toEqual({ domain: 'colour', label: 'favourite' });
    expect(domainOf('size', 'ready-to-wear')).toBe('rtw_size');
    expect(domainOf('size', 'Signet ring')).toBe('ring_size');
    expect(domainOf('size', 'wrist')).toBe('size');
    expect(domainOf('horoscope', 'sign')).toBe('other');
  });
});

describe('the gift ledger: very similar items', () => {
  it('sets colours, small words, containers, plurals, accents and one typo aside', () => {
    expect(itemWords('A box of calissons')).toEqual(['calisson']);
    for (const [a, b] of [
      ['Silk twilly, navy', 'silk twilly in bordeaux'],
      ['Silk twilly', 'Silk twillies'],
      ['Carré de soie bleu marine', 'carre de soie rouge'],
      ['A small silver rattle', 'Silver rattle'],
      ['Bougie Bois Sacré', 'bougie bois sacre'],
      ['Card holder, hot-stamped', 'Card holder'],
      ['Box of calissons', 'calisons'],
      ['Silk carré, limited edition', 'Silk carré'],
    ]) {
      expect(similarItems(a as string, b as string), `${a} ~ ${b}`).toBe(true);
    }
    for (const [a, b] of [
      ['A bouquet of peonies', 'A bouquet of roses'],
      ['Silk twilly', 'Silk carré'],
      ['White roses', 'White orchids'],
      ['Bois Sacré candle', 'Candle'],
      ['Leather teddy bear', 'Leather-bound notebook'],
    ]) {
      expect(similarItems(a as string, b as string), `${a} ≁ ${b}`).toBe(false);
    }
  });
});

describe('moments in the calendar', () => {
  it('finds the next occurrence, 29 February on the 28th in other years', () => {
    expect(nextOn('05-14', true, '2026-05-14')).toBe('2026-05-14');
    expect(nextOn('05-13', true, '2026-05-14')).toBe('2027-05-13');
    expect(nextOn('1980-02-29', true, '2026-01-10')).toBe('2026-02-28');
    expect(nextOn('02-29', true, '2028-01-10')).toBe('2028-02-29');
    expect(nextOn('2026-06-01', false, '2026-05-14')).toBe('2026-06-01');
    expect(nextOn('2026-05-01', false, '2026-05-14')).toBeNull();
    expect(nextOn('05-01', false, '2026-05-14')).toBeNull();
  });

  it('lists what comes within the horizon, soonest first, with the years since', () => {
    const sources = [
      { momentId: 'B', personId: 'p', person: null, kind: 'wedding_anniversary', date: '2001-06-16', recurring: true, label: null, note: null },
      { momentId: 'A', personId: 'p', person: null, kind: 'birthday', date: '06-01', recurring: true, label: null, note: null },
      { momentId: 'C', personId: 'p', person: null, kind: 'travel', date: '2026-09-01', recurring: false, label: null, note: null },
    ];
    expect(upcoming(sources, '2026-05-30', 30).map((m) => [m.momentId, m.on, m.inDays, m.years])).toEqual([
      ['A', '2026-06-01', 2, null],
      ['B', '2026-06-16', 17, 25],
    ]);
  });
});
