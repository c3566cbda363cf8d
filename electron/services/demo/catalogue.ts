/**
 * Maison Aubrac's (invented) catalogue: lines, variants, prices, and the maison's gifts and
 * events. Prices are today's EUR prices; older purchases were cheaper (the maison raises prices
 * every year), and purchases abroad are invoiced in the local currency.
 */
import type { Gender } from './names.js';
import type { Rng, Weighted } from './random.js';

export type Category = 'leather_goods' | 'ready_to_wear' | 'jewellery' | 'watches' | 'fragrance';
export type VariantFamily = 'leather' | 'rtw' | 'gold' | 'watch' | 'none';

export interface Product {
  category: Category;
  /** English name, as written on the invoice. */
  en: string;
  /** French name with its definite article ("le sac Aurore PM", "l'Eau de Minuit"). */
  fr: string;
  eur: number;
  /** Who usually wears it; 'U' for anyone. */
  wearer: Gender | 'U';
  family: VariantFamily;
  popularity: number;
  /** What after-sales can do to it. */
  service: readonly ('repair' | 'resize' | 'engraving' | 'cleaning')[];
}

export interface Variant {
  /** On the invoice: "bordeaux box calf", "rose gold". */
  en: string;
  /** In a note: "bordeaux", "rose gold". */
  noteEn: string;
  noteFr: string;
  factor: number;
}

const L = 'leather_goods' as const;
const R = 'ready_to_wear' as const;
const J = 'jewellery' as const;
const W = 'watches' as const;
const P = 'fragrance' as const;

export const PRODUCTS: readonly Product[] = [
  { category: L, en: 'Aurore bag mini', fr: 'le sac Aurore mini', eur: 4900, wearer: 'F', family: 'leather', popularity: 6, service: ['repair', 'cleaning', 'engraving'] },
  { category: L, en: 'Aurore bag PM', fr: 'le sac Aurore PM', eur: 6900, wearer: 'F', family: 'leather', popularity: 7, service: ['repair', 'cleaning', 'engraving'] },
  { category: L, en: 'Aurore bag MM', fr: 'le sac Aurore MM', eur: 8600, wearer: 'F', family: 'leather', popularity: 4, service: ['repair', 'cleaning'] },
  { category: L, en: 'Sellier tote', fr: 'le cabas Sellier', eur: 5400, wearer: 'F', family: 'leather', popularity: 5, service: ['repair', 'cleaning'] },
  { category: L, en: 'Faubourg shoulder bag', fr: 'le sac Faubourg', eur: 7200, wearer: 'F', family: 'leather', popularity: 4, service: ['repair', 'cleaning'] },
  { category: L, en: 'Mistral clutch', fr: 'la pochette Mistral', eur: 2950, wearer: 'F', family: 'leather', popularity: 4, service: ['repair', 'cleaning'] },
  { category: L, en: 'Voyageur 45 travel bag', fr: 'le sac Voyageur 45', eur: 9800, wearer: 'U', family: 'leather', popularity: 2, service: ['repair', 'cleaning', 'engraving'] },
  { category: L, en: 'Diplomate briefcase', fr: 'le porte-documents Diplomate', eur: 7900, wearer: 'M', family: 'leather', popularity: 4, service: ['repair', 'cleaning', 'engraving'] },
  { category: L, en: 'Carnet wallet', fr: 'le portefeuille Carnet', eur: 1150, wearer: 'U', family: 'leather', popularity: 6, service: ['repair', 'engraving'] },
  { category: L, en: 'Étrier belt', fr: 'la ceinture Étrier', eur: 890, wearer: 'U', family: 'leather', popularity: 5, service: ['resize', 'repair'] },
  { category: L, en: 'Sellier card holder', fr: 'le porte-cartes Sellier', eur: 480, wearer: 'U', family: 'leather', popularity: 8, service: ['engraving'] },
  { category: R, en: 'cashmere coat', fr: 'le manteau en cachemire', eur: 5900, wearer: 'F', family: 'rtw', popularity: 4, service: ['repair', 'cleaning'] },
  { category: R, en: 'double-face wool coat', fr: 'le manteau double-face', eur: 4600, wearer: 'U', family: 'rtw', popularity: 3, service: ['repair', 'cleaning'] },
  { category: R, en: 'tailored jacket', fr: 'la veste tailleur', eur: 3400, wearer: 'F', family: 'rtw', popularity: 5, service: ['repair'] },
  { category: R, en: 'silk blouse', fr: 'le chemisier en soie', eur: 1650, wearer: 'F', family: 'rtw', popularity: 5, service: ['repair', 'cleaning'] },
  { category: R, en: 'cashmere jumper', fr: 'le pull en cachemire', eur: 1450, wearer: 'U', family: 'rtw', popularity: 7, service: ['repair'] },
  { category: R, en: 'evening dress', fr: 'la robe du soir', eur: 7800, wearer: 'F', family: 'rtw', popularity: 2, service: ['repair'] },
  { category: R, en: 'pleated skirt', fr: 'la jupe plissée', eur: 1900, wearer: 'F', family: 'rtw', popularity: 3, service: ['repair'] },
  { category: R, en: 'silk carré 90', fr: 'le carré de soie 90', eur: 560, wearer: 'F', family: 'rtw', popularity: 9, service: ['cleaning'] },
  { category: R, en: 'cashmere shawl', fr: 'le châle en cachemire', eur: 1350, wearer: 'F', family: 'rtw', popularity: 4, service: ['cleaning'] },
  { category: R, en: 'Étrier ankle boots', fr: 'les bottines Étrier', eur: 1490, wearer: 'F', family: 'leather', popularity: 4, service: ['repair'] },
  { category: R, en: 'Faubourg loafers', fr: 'les mocassins Faubourg', eur: 1050, wearer: 'U', family: 'leather', popularity: 5, service: ['repair'] },
  { category: R, en: 'suede blouson', fr: 'le blouson en daim', eur: 5200, wearer: 'M', family: 'rtw', popularity: 3, service: ['repair', 'cleaning'] },
  { category: R, en: 'poplin shirt', fr: 'la chemise en popeline', eur: 690, wearer: 'M', family: 'rtw', popularity: 5, service: ['repair'] },
  { category: R, en: 'silk tie', fr: 'la cravate en soie', eur: 240, wearer: 'M', family: 'rtw', popularity: 6, service: [] },
  { category: J, en: 'Constellation ring', fr: 'la bague Constellation', eur: 3600, wearer: 'F', family: 'gold', popularity: 6, service: ['resize', 'cleaning', 'engraving'] },
  { category: J, en: 'Constellation ring, diamond pavé', fr: 'la bague Constellation pavée', eur: 13800, wearer: 'F', family: 'gold', popularity: 2, service: ['resize', 'cleaning'] },
  { category: J, en: 'Lien bracelet', fr: 'le bracelet Lien', eur: 6900, wearer: 'U', family: 'gold', popularity: 5, service: ['resize', 'cleaning', 'engraving'] },
  { category: J, en: 'Goutte earrings', fr: "les boucles d'oreilles Goutte", eur: 5400, wearer: 'F', family: 'gold', popularity: 4, service: ['cleaning', 'repair'] },
  { category: J, en: 'Semainier bangle', fr: 'le jonc Semainier', eur: 8800, wearer: 'F', family: 'gold', popularity: 3, service: ['cleaning', 'engraving'] },
  { category: J, en: 'Étoile pendant', fr: "le pendentif Étoile", eur: 2750, wearer: 'F', family: 'gold', popularity: 6, service: ['cleaning', 'repair', 'engraving'] },
  { category: J, en: 'Rivière necklace (high jewellery)', fr: 'le collier Rivière', eur: 148000, wearer: 'F', family: 'gold', popularity: 0.3, service: ['cleaning'] },
  { category: J, en: 'solitaire ring, 1.5 ct', fr: 'le solitaire 1,5 carat', eur: 46000, wearer: 'F', family: 'gold', popularity: 0.6, service: ['resize', 'cleaning', 'engraving'] },
  { category: J, en: 'Étrier cufflinks', fr: 'les boutons de manchette Étrier', eur: 1950, wearer: 'M', family: 'gold', popularity: 4, service: ['engraving', 'cleaning'] },
  { category: J, en: 'signet ring', fr: 'la chevalière', eur: 2900, wearer: 'M', family: 'gold', popularity: 3, service: ['resize', 'engraving'] },
  { category: W, en: 'Méridien 36 mm', fr: 'la montre Méridien 36 mm', eur: 9400, wearer: 'U', family: 'watch', popularity: 4, service: ['repair', 'resize', 'engraving', 'cleaning'] },
  { category: W, en: 'Méridien chronograph 41 mm', fr: 'le chronographe Méridien 41 mm', eur: 15800, wearer: 'M', family: 'watch', popularity: 3, service: ['repair', 'resize', 'cleaning'] },
  { category: W, en: 'Heure Bleue 28 mm', fr: 'la montre Heure Bleue 28 mm', eur: 12900, wearer: 'F', family: 'watch', popularity: 3, service: ['repair', 'resize', 'engraving'] },
  { category: W, en: 'Promenade 32 mm', fr: 'la montre Promenade 32 mm', eur: 6300, wearer: 'U', family: 'watch', popularity: 3, service: ['repair', 'resize'] },
  { category: W, en: 'Faubourg tourbillon', fr: 'le tourbillon Faubourg', eur: 192000, wearer: 'M', family: 'watch', popularity: 0.2, service: ['repair'] },
  { category: P, en: 'Eau de Minuit, 100 ml', fr: "l'Eau de Minuit", eur: 245, wearer: 'U', family: 'none', popularity: 8, service: ['engraving'] },
  { category: P, en: "Cuir d'Aubrac eau de parfum, 100 ml", fr: "le Cuir d'Aubrac", eur: 290, wearer: 'U', family: 'none', popularity: 7, service: ['engraving'] },
  { category: P, en: "Jardin d'Iris, 75 ml", fr: "le Jardin d'Iris", eur: 265, wearer: 'F', family: 'none', popularity: 7, service: ['engraving'] },
  { category: P, en: 'Bois Sacré candle', fr: 'la bougie Bois Sacré', eur: 115, wearer: 'U', family: 'none', popularity: 6, service: [] },
  { category: P, en: 'discovery set, five fragrances', fr: 'le coffret découverte', eur: 185, wearer: 'U', family: 'none', popularity: 4, service: [] },
  { category: P, en: 'bespoke fragrance (atelier commission)', fr: 'le parfum sur mesure', eur: 18500, wearer: 'U', family: 'none', popularity: 0.15, service: [] },
];

const LEATHER_COLOURS: readonly [string, number][] = [
  ['noir', 6], ['bordeaux', 4], ['étoupe', 5], ['gold', 5], ['bleu nuit', 3], ['vert sapin', 2], ['craie', 3], ['rouge grenat', 2], ['cognac', 3], ['rose poudré', 2],
];
const LEATHERS: readonly (readonly [string, number, number])[] = [
  ['box calf', 1, 5],
  ['Togo calfskin', 1, 6],
  ['Swift calfskin', 0.95, 3],
  ['ostrich', 2.4, 0.5],
  ['alligator', 4.6, 0.25],
];
const RTW_COLOURS: readonly (readonly [string, string, number])[] = [
  ['black', 'noir', 5], ['navy', 'marine', 4], ['camel', 'camel', 4], ['ivory', 'ivoire', 3], ['bordeaux', 'bordeaux', 2],
  ['forest green', 'vert forêt', 1.5], ['grey flannel', 'gris flanelle', 2.5], ['midnight blue', 'bleu minuit', 2],
];
const GOLDS: readonly (readonly [string, string, number, number])[] = [
  ['yellow gold', 'or jaune', 1, 4], ['rose gold', 'or rose', 1, 4], ['white gold', 'or blanc', 1.05, 3],
  ['white gold and sapphires', 'or blanc et saphirs', 1.9, 0.6], ['yellow gold and emerald', 'or jaune et émeraude', 2.1, 0.4],
];
/** Invoice wording, then how a note says it in English and French. */
const WATCHES: readonly (readonly [string, string, string, number, number])[] = [
  ['steel on alligator strap', 'steel', 'acier', 1, 4],
  ['steel bracelet', 'steel', 'acier', 1.05, 4],
  ['rose gold on alligator strap', 'rose gold', 'or rose', 2.6, 1.5],
  ['white gold, diamond bezel', 'white gold', 'or gris serti', 3.4, 0.6],
];

/** A variant of the product, chosen with weights; exotic leathers and stones are rarer. */
export function pickVariant(rng: Rng, product: Product, allowExotic: boolean): Variant {
  switch (product.family) {
    case 'leather': {
      const colour = rng.weighted(LEATHER_COLOURS.map(([c, w]) => [c, w] as const));
      const leathers = allowExotic ? LEATHERS : LEATHERS.filter(([, f]) => f < 2);
      const [leather, factor] = rng.weighted(leathers.map((l) => [l, l[2]] as const));
      return { en: `${colour} ${leather}`, noteEn: colour, noteFr: colour, factor };
    }
    case 'rtw': {
      const [en, fr] = rng.weighted(RTW_COLOURS.map((c) => [c, c[2]] as const));
      return { en, noteEn: en, noteFr: fr, factor: 1 };
    }
    case 'gold': {
      const golds = allowExotic ? GOLDS : GOLDS.filter(([, , f]) => f < 1.5);
      const [en, fr, factor] = rng.weighted(golds.map((g) => [g, g[3]] as const));
      return { en, noteEn: en, noteFr: fr, factor };
    }
    case 'watch': {
      const watches = allowExotic ? WATCHES : WATCHES.filter(([, , , f]) => f < 2);
      const [en, noteEn, noteFr, factor] = rng.weighted(watches.map((w) => [w, w[4]] as const));
      return { en, noteEn, noteFr, factor };
    }
    case 'none':
      return { en: '', noteEn: '', noteFr: '', factor: 1 };
  }
}

/** As on the invoice: "Aurore bag PM, bordeaux box calf", "Cashmere coat, camel". */
export function invoiceItem(product: Product, variant: Variant): string {
  const name = product.en.charAt(0).toUpperCase() + product.en.slice(1);
  return variant.en ? `${name}, ${variant.en}` : name;
}

/** "du sac Aurore", "de la veste", "de l'Eau de Minuit", "des bottines". */
export function frOf(withArticle: string): string {
  if (withArticle.startsWith('le ')) return `du ${withArticle.slice(3)}`;
  if (withArticle.startsWith('la ')) return `de la ${withArticle.slice(3)}`;
  if (withArticle.startsWith('les ')) return `des ${withArticle.slice(4)}`;
  if (withArticle.startsWith("l'")) return `de ${withArticle}`;
  return `de ${withArticle}`;
}

/** "au sac Aurore", "à la veste", "à l'Eau de Minuit", "aux bottines". */
export function frTo(withArticle: string): string {
  if (withArticle.startsWith('le ')) return `au ${withArticle.slice(3)}`;
  if (withArticle.startsWith('les ')) return `aux ${withArticle.slice(4)}`;
  return `à ${withArticle}`;
}

export type Currency = 'EUR' | 'CHF' | 'GBP' | 'USD' | 'AED' | 'JPY';

/** Rough rates (per EUR), the rounding step of local price lists, and minor units. */
const CURRENCIES: Record<Currency, { rate: number; step: number; minor: number }> = {
  EUR: { rate: 1, step: 10, minor: 100 },
  CHF: { rate: 0.96, step: 10, minor: 100 },
  GBP: { rate: 0.86, step: 10, minor: 100 },
  USD: { rate: 1.09, step: 25, minor: 100 },
  AED: { rate: 4, step: 50, minor: 100 },
  JPY: { rate: 162, step: 1000, minor: 1 },
};

/** Where the maison invoices a trunk show held in a city. */
export const TRUNK_SHOW_CURRENCY: Record<string, Currency> = {
  Paris: 'EUR',
  London: 'GBP',
  'New York': 'USD',
  Milano: 'EUR',
  Genève: 'CHF',
  Dubai: 'AED',
  Shanghai: 'EUR',
  Tokyo: 'JPY',
  Seoul: 'USD',
  'São Paulo': 'USD',
};

/** A home currency a client may be invoiced in remotely. */
export const HOME_CURRENCY: Record<string, Currency> = { CH: 'CHF', GB: 'GBP', US: 'USD', AE: 'AED', JP: 'JPY' };

/**
 * The price in integer minor units, `yearsAgo` years before today: the maison's prices rise
 * about 4.5% a year, and local price lists round to their own steps.
 */
export function priceMinor(eur: number, yearsAgo: number, currency: Currency): number {
  const { rate, step, minor } = CURRENCIES[currency];
  const then = (eur * rate) / Math.pow(1.045, Math.max(0, yearsAgo));
  const rounded = Math.max(step, Math.round(then / step) * step);
  return rounded * minor;
}

export interface GiftItem {
  en: string;
  fr: string;
  occasions: readonly Occasion[];
}

export type Occasion =
  | 'birthday'
  | 'wedding anniversary'
  | 'birth'
  | 'new home'
  | 'thank you'
  | 'Christmas'
  | 'graduation'
  | 'condolences'
  | 'new role'
  | 'wedding';

export const GIFTS: readonly GiftItem[] = [
  { en: 'a bouquet of peonies', fr: 'un bouquet de pivoines', occasions: ['birthday', 'thank you', 'wedding anniversary', 'new home'] },
  { en: 'white roses', fr: 'des roses blanches', occasions: ['condolences'] },
  { en: 'white orchids', fr: 'des orchidées blanches', occasions: ['condolences', 'new home'] },
  { en: 'a Bois Sacré candle', fr: 'une bougie Bois Sacré', occasions: ['birthday', 'Christmas', 'new home', 'thank you'] },
  { en: 'a silk twilly', fr: 'un twilly en soie', occasions: ['birthday', 'Christmas', 'graduation', 'thank you'] },
  { en: 'the book on the Aubrac atelier', fr: "le livre sur l'atelier d'Aubrac", occasions: ['Christmas', 'new role', 'thank you'] },
  { en: 'a leather-bound notebook with hot-stamped initials', fr: 'un carnet en cuir marqué à ses initiales', occasions: ['new role', 'graduation', 'birthday'] },
  { en: 'a box of calissons', fr: 'une boîte de calissons', occasions: ['Christmas', 'thank you'] },
  { en: 'a bottle of vintage champagne', fr: 'une bouteille de champagne millésimé', occasions: ['new home', 'new role', 'wedding anniversary', 'wedding'] },
  { en: 'a small silver rattle', fr: 'un hochet en argent', occasions: ['birth'] },
  { en: 'a leather teddy bear', fr: 'un ourson en cuir', occasions: ['birth'] },
  { en: 'a card holder, hot-stamped', fr: 'un porte-cartes marqué à chaud', occasions: ['graduation', 'new role'] },
  { en: 'a discovery set of the fragrances', fr: 'un coffret découverte des parfums', occasions: ['birthday', 'Christmas'] },
  { en: 'a hand-painted porcelain dish', fr: 'un vide-poche en porcelaine peint à la main', occasions: ['wedding', 'new home', 'wedding anniversary'] },
  { en: 'a silk carré, limited edition', fr: 'un carré de soie en édition limitée', occasions: ['birthday', 'wedding', 'Christmas'] },
];

export interface MaisonEvent {
  en: string;
  fr: string;
  /** A trunk show sells; other events mostly do not. */
  trunkShow: boolean;
  /** Months (0 = January) when the maison holds it; any month when absent. */
  months?: readonly number[];
}

export const EVENTS: readonly MaisonEvent[] = [
  { en: 'the high jewellery dinner', fr: 'le dîner haute joaillerie', trunkShow: false },
  { en: 'the private view of the winter collection', fr: "la présentation privée de la collection d'hiver", trunkShow: false, months: [8, 9, 10] },
  { en: 'the atelier visit in Aubrac', fr: "la visite de l'atelier en Aubrac", trunkShow: false, months: [4, 5, 6, 8] },
  { en: 'the perfume workshop', fr: "l'atelier parfum", trunkShow: false },
  { en: 'the Christmas evening at the boutique', fr: 'la soirée de Noël à la boutique', trunkShow: false, months: [11] },
  { en: 'the watchmaking masterclass', fr: "la masterclass d'horlogerie", trunkShow: false },
  { en: 'the spring lunch in the garden', fr: 'le déjeuner de printemps au jardin', trunkShow: false, months: [3, 4, 5] },
  { en: 'the leather craft afternoon', fr: "l'après-midi savoir-faire cuir", trunkShow: false },
];

/** The events the maison holds in a given month (0 = January). */
export function eventsIn(month: number): readonly MaisonEvent[] {
  return EVENTS.filter((e) => !e.months || e.months.includes(month));
}

/** A garment one is fitted for (not a scarf, a tie or shoes). */
export function isGarment(product: Product): boolean {
  return product.category === 'ready_to_wear' && product.family === 'rtw' && !/carré|shawl|tie/.test(product.en);
}

export const COLLECTIONS: readonly (readonly [string, string])[] = [
  ['the new high jewellery pieces', 'les nouvelles pièces de haute joaillerie'],
  ['the winter leather collection', 'la collection cuir de l’hiver'],
  ['the Ciel d’Aubrac jewellery line', 'la ligne de joaillerie Ciel d’Aubrac'],
  ['the spring–summer ready-to-wear', 'le prêt-à-porter printemps-été'],
  ['the new Méridien references', 'les nouvelles références Méridien'],
  ['the cruise collection', 'la collection croisière'],
];

/** After-sales details by kind: what the advisor writes on the ticket. */
export const SERVICE_DETAILS: Record<'repair' | 'resize' | 'engraving' | 'cleaning', Record<Category, readonly (readonly [string, string])[]>> = {
  repair: {
    leather_goods: [
      ['handle stitching to redo', 'couture de la poignée à reprendre'],
      ['worn corners, re-dyeing', 'coins usés, reteinte'],
      ['clasp working loose', 'fermoir qui se desserre'],
      ['zip to replace', 'fermeture éclair à remplacer'],
    ],
    ready_to_wear: [
      ['sleeves to shorten', 'manches à raccourcir'],
      ['hem to let down', 'ourlet à rallonger'],
      ['lining torn at the pocket', 'doublure déchirée à la poche'],
      ['heels to re-tip', 'talons à refaire'],
    ],
    jewellery: [
      ['clasp to tighten', 'fermoir à resserrer'],
      ['a stone to re-set', 'une pierre à ressertir'],
    ],
    watches: [
      ['full service', 'révision complète'],
      ['loses a few minutes a day', 'retarde de quelques minutes par jour'],
      ['crown to replace', 'couronne à remplacer'],
      ['new alligator strap', 'nouveau bracelet alligator'],
    ],
    fragrance: [['atomiser to replace', 'vaporisateur à remplacer']],
  },
  resize: {
    leather_goods: [['two holes to add to the belt', 'deux trous à ajouter à la ceinture']],
    ready_to_wear: [['waist to take in', 'taille à reprendre']],
    jewellery: [
      ['ring from 52 to 54', 'bague de 52 à 54'],
      ['ring from 55 to 53', 'bague de 55 à 53'],
      ['bracelet one size down', 'bracelet à reprendre d’une taille'],
    ],
    watches: [
      ['two links to remove', 'deux maillons à retirer'],
      ['one link to add', 'un maillon à ajouter'],
    ],
    fragrance: [['', '']],
  },
  engraving: {
    leather_goods: [['initials, hot-stamped in gold', 'initiales marquées à chaud, or']],
    ready_to_wear: [['initials embroidered on the lining', 'initiales brodées sur la doublure']],
    jewellery: [
      ['initials inside the band', 'initiales à l’intérieur de l’anneau'],
      ['a date inside the band', 'une date à l’intérieur de l’anneau'],
    ],
    watches: [
      ['a date on the caseback', 'une date sur le fond de boîte'],
      ['initials on the caseback', 'initiales sur le fond de boîte'],
    ],
    fragrance: [['initials engraved on the bottle', 'initiales gravées sur le flacon']],
  },
  cleaning: {
    leather_goods: [['leather care and conditioning', 'soin et nourriture du cuir']],
    ready_to_wear: [['dry cleaning at the atelier', 'nettoyage à l’atelier']],
    jewellery: [
      ['polishing and rhodium plating', 'polissage et rhodiage'],
      ['ultrasonic cleaning and check of the settings', 'nettoyage et contrôle des sertis'],
    ],
    watches: [['case and bracelet polishing', 'polissage boîte et bracelet']],
    fragrance: [['', '']],
  },
};

export const SERVICE_FR: Record<'repair' | 'resize' | 'engraving' | 'cleaning', { bare: string; def: string }> = {
  repair: { bare: 'réparation', def: 'la réparation' },
  resize: { bare: 'mise à taille', def: 'la mise à taille' },
  engraving: { bare: 'gravure', def: 'la gravure' },
  cleaning: { bare: 'nettoyage', def: 'le nettoyage' },
};

export const CATEGORY_WORDS: Record<Category, readonly [string, string]> = {
  leather_goods: ['leather goods', 'maroquinerie'],
  ready_to_wear: ['ready-to-wear', 'prêt-à-porter'],
  jewellery: ['jewellery', 'joaillerie'],
  watches: ['watches', 'horlogerie'],
  fragrance: ['fragrance', 'parfums'],
};

/** How much each tier buys into each price band. */
export function tierPriceFactor(tier: 'Prestige' | 'Signature' | 'Essentiel', eur: number): number {
  if (tier === 'Prestige') return eur > 100000 ? 0.8 : eur > 10000 ? 1.6 : eur < 300 ? 0.5 : 1;
  if (tier === 'Signature') return eur > 40000 ? 0.05 : eur > 10000 ? 0.45 : 1;
  return eur > 40000 ? 0 : eur > 10000 ? 0.06 : eur > 5000 ? 0.35 : 1;
}

export const CATEGORIES: readonly Category[] = [L, R, J, W, P];

/** A product table for one client: weights by who wears it, the client's tier and tastes. */
export function productTable(
  gender: Gender,
  tier: 'Prestige' | 'Signature' | 'Essentiel',
  favourites: readonly Category[],
): Weighted<Product> {
  return PRODUCTS.map((p) => {
    let w = p.popularity * tierPriceFactor(tier, p.eur);
    if (p.wearer !== 'U' && p.wearer !== gender) w = 0; // bought for someone else: see giftProductTable
    if (favourites.includes(p.category)) w *= 3;
    return [p, w] as const;
  });
}

/** Products bought for someone else (a spouse, a child): what that person would wear. */
export function giftProductTable(recipient: Gender, child: boolean): Weighted<Product> {
  return PRODUCTS.map((p) => {
    let w = p.popularity * (p.eur > 20000 ? 0.02 : p.eur > 9000 ? 0.3 : 1);
    if (p.wearer !== 'U' && p.wearer !== recipient) w = 0;
    if (child && p.category === 'watches') w *= 0.3;
    return [p, w] as const;
  });
}
