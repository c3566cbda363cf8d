/**
 * The demo maison's vocabulary beyond the catalogue: time zones, the maison's year, travels and
 * life changes, sizes, and the preferences an advisor writes down.
 */
import type { Category } from './catalogue.js';
import type { Gender } from './names.js';

/** Standard UTC offsets, enough to place a call in the client's day. */
export const UTC_OFFSET: Record<string, number> = {
  'Europe/Paris': 1,
  'Europe/Zurich': 1,
  'Europe/Rome': 1,
  'Europe/London': 0,
  'America/New_York': -5,
  'America/Chicago': -6,
  'America/Los_Angeles': -8,
  'America/Sao_Paulo': -3,
  'Asia/Dubai': 4,
  'Asia/Qatar': 3,
  'Asia/Kuwait': 3,
  'Asia/Riyadh': 3,
  'Asia/Shanghai': 8,
  'Asia/Hong_Kong': 8,
  'Asia/Tokyo': 9,
  'Asia/Seoul': 9,
};
export const SHOW_OFFSET: Record<string, number> = {
  Paris: 1,
  London: 0,
  'New York': -5,
  Milano: 1,
  Genève: 1,
  Dubai: 4,
  Shanghai: 8,
  Tokyo: 9,
  Seoul: 9,
  'São Paulo': -3,
};

/** The maison's year: busier before Christmas and in the autumn, quiet in August. */
export const SEASON = [0.8, 0.9, 1, 1, 1.05, 1.05, 0.85, 0.55, 1.1, 1.15, 1.25, 1.5];

export const TRAVEL: readonly string[] = [
  'Summer in Capri',
  'Two weeks in Tokyo',
  'New Year in Courchevel',
  'Art fair week in Miami',
  'Sailing around the Greek islands',
  'Spring in Marrakech',
  'The season in Gstaad',
  'Family holiday in the Maldives',
  'Opera festival in Salzburg',
  'Road trip through Tuscany',
];
export const TRAVEL_CITIES: readonly string[] = ['Tokyo', 'New York', 'Gstaad', 'Capri', 'Marrakech', 'Dubai', 'London', 'Milan', 'Hong Kong', 'Saint-Tropez', 'Courchevel'];
export const NEW_HOME: readonly string[] = [
  'Moved to a flat on the Left Bank',
  'New house in the Alpilles',
  'Moved to a villa near Lake Geneva',
  'New flat in Knightsbridge',
  'Moved to the Upper East Side',
  'New family house in Neuilly',
  'Moved into a penthouse overlooking the Bund',
  'New country house in Normandy',
];
export const NEW_ROLE: readonly string[] = [
  'Appointed managing partner',
  'Became chief executive of the family group',
  'Joined the board of a museum foundation',
  'Opened her own gallery',
  'Appointed ambassador',
  'Named head of the cardiology department',
  'Sold the company; new chapter',
  'Elected president of the wine estate cooperative',
];

export const SIZE_RTW: Record<'FR' | 'IT' | 'UK' | 'US', Record<Gender, readonly string[]>> = {
  FR: { F: ['FR 34', 'FR 36', 'FR 38', 'FR 40', 'FR 42', 'FR 44'], M: ['46', '48', '50', '52', '54', '56'] },
  IT: { F: ['IT 38', 'IT 40', 'IT 42', 'IT 44', 'IT 46'], M: ['IT 46', 'IT 48', 'IT 50', 'IT 52', 'IT 54'] },
  UK: { F: ['UK 6', 'UK 8', 'UK 10', 'UK 12', 'UK 14'], M: ['UK 36', 'UK 38', 'UK 40', 'UK 42', 'UK 44'] },
  US: { F: ['US 0', 'US 2', 'US 4', 'US 6', 'US 8', 'US 10'], M: ['US 36', 'US 38', 'US 40', 'US 42', 'US 44'] },
};
export const SHOE: Record<Gender, readonly string[]> = {
  F: ['EU 36', 'EU 36.5', 'EU 37', 'EU 37.5', 'EU 38', 'EU 38.5', 'EU 39', 'EU 40'],
  M: ['EU 41', 'EU 42', 'EU 42.5', 'EU 43', 'EU 44', 'EU 45'],
};
export const RING = ['49', '50', '51', '52', '53', '54', '55', '56', '57', '58', '60', '62'];

export const PREFERENCE_VALUES = {
  leather: ['box calf', 'Togo calfskin', 'Swift calfskin', 'ostrich', 'alligator, matt'],
  metal: ['rose gold', 'yellow gold', 'white gold', 'no yellow gold'],
  favourite: ['bordeaux', 'étoupe', 'bleu nuit', 'noir', 'vert sapin', 'gold', 'craie', 'camel', 'ivory'],
  avoid: ['bright yellow', 'orange', 'fuchsia', 'anything metallic', 'pastel pinks'],
  collects: {
    leather_goods: ['Aurore bags', 'small leather goods'],
    ready_to_wear: ['silk carrés', 'cashmere knitwear', 'tailoring'],
    jewellery: ['Constellation rings', 'Lien bracelets', 'high jewellery'],
    watches: ['Méridien watches', 'complications'],
    fragrance: ['the atelier fragrances', 'candles for the house'],
  } satisfies Record<Category, readonly string[]>,
  line: ['Héritage line', 'Ciel d’Aubrac', 'atelier commissions', 'the archive reissues', 'the cruise capsule'],
  fragranceFamily: ['woody', 'leather', 'white floral', 'chypre', 'iris', 'citrus', 'amber'],
  wears: ['Eau de Minuit', 'Cuir d’Aubrac', 'Jardin d’Iris'],
  dislikes: [
    'visible logos',
    'strong scents in the salon',
    'gold-tone hardware',
    'being called at the office',
    'crowded Saturdays',
    'ribbons on gift boxes — plain paper only',
    'unannounced calls',
    'fur, in any form',
  ],
  service: {
    F: [
      'prefers the private salon',
      'short visits; knows what she wants',
      'likes to see new pieces before the launch',
      'rosé champagne, no sparkling water',
      'never on Saturdays',
      'appointments after 6 pm',
      'delivery to the hotel, not home',
      'go through her assistant first',
      'prefers hand-written cards to e-mails',
      'tea, not coffee',
      'likes to be shown three pieces, no more',
    ],
    M: [
      'prefers the private salon',
      'short visits; knows what he wants',
      'likes to see new pieces before the launch',
      'espresso, no champagne',
      'never on Saturdays',
      'appointments after 6 pm',
      'delivery to the office',
      'go through his assistant first',
      'prefers hand-written cards to e-mails',
      'likes to be shown three pieces, no more',
    ],
  },
};

export const LANGUAGE_NAMES: Record<string, string> = {
  fr: 'French',
  en: 'English',
  it: 'Italian',
  de: 'German',
  ar: 'Arabic; English in writing',
  zh: 'Mandarin; English in writing',
  ja: 'Japanese; English in writing',
  ko: 'Korean; English in writing',
  pt: 'Portuguese',
};
