/**
 * The clientele's cultures: names in their proper written form, honorifics, cities, languages
 * and the habits that go with them. Every name here is an ordinary given or family name; the
 * people made from them are invented, and the family names of well-known houses and dynasties
 * are deliberately absent.
 */
import type { Weighted } from './random.js';

export type CultureCode = 'fr' | 'gb' | 'us' | 'it' | 'ch' | 'gulf' | 'cn' | 'jp' | 'kr' | 'br';
export type Gender = 'F' | 'M';
/** Which fictional telephone range the culture's numbers are drawn from. */
export type PhonePlan = 'fr' | 'gb' | 'us';
export type SizeSystem = 'FR' | 'IT' | 'UK' | 'US';
export type MessagingChannel = 'email' | 'phone' | 'whatsapp' | 'wechat' | 'sms' | 'post';

export interface City {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  timeZone: string;
  /** Where the maison holds its trunk shows for this city's clients (the advisor travels). */
  trunkShow: string;
  /** Postal code written in the city's format, for synthetic postal addresses. */
  postcode: string;
}

export interface Culture {
  code: CultureCode;
  weight: number;
  languages: Weighted<string>;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
  honorific: Record<Gender, Weighted<string>>;
  /** Doctor's title in the culture's form. */
  doctor: Record<Gender, string>;
  cities: Weighted<City>;
  /** Probability that spouses share the family name. */
  sharedName: number;
  phone: PhonePlan;
  emailDomain: 'example.com' | 'example.fr';
  preferred: Weighted<MessagingChannel>;
  /** Probability of a WhatsApp contact point. */
  whatsapp: number;
  sizes: SizeSystem;
  /** Share of this client's notes the advisor writes in French (the rest in English). */
  frenchNotes: number;
  /** Invented street names for synthetic postal addresses, in the city's language. */
  streets: readonly string[];
  /** Probability that a client keeps an assistant (multiplied by the tier's own). */
  assistant: number;
}

const paris = (name: string, postcode: string): City => ({ name, country: 'FR', timeZone: 'Europe/Paris', trunkShow: 'Paris', postcode });

export const CULTURES: readonly Culture[] = [
  {
    code: 'fr',
    weight: 28,
    languages: [['fr', 1]],
    female: [
      'Éléonore', 'Hélène', 'Thérèse', 'Bérénice', 'Clémence', 'Joséphine', 'Inès', 'Anaïs', 'Solène', 'Mathilde',
      'Camille', 'Séverine', 'Agnès', 'Béatrice', 'Cécile', 'Noémie', 'Héloïse', 'Marguerite', 'Chloé', 'Isaure',
      'Apolline', 'Valérie', 'Capucine', 'Geneviève', 'Laëtitia', 'Armelle', 'Zoë', 'Aurélie', 'Delphine', 'Émilie',
    ],
    male: [
      'Édouard', 'Étienne', 'Benoît', 'Jérôme', 'François', 'Hugues', 'Aurélien', 'Grégoire', 'Thibault', 'Loïc',
      'Amaury', 'Henri', 'Côme', 'Raphaël', 'Mathieu', 'Frédéric', 'Gaëtan', 'Arnaud', 'Bertrand', 'Stéphane',
    ],
    family: [
      'Delaunay', 'Lefèvre', 'Bérard', 'Desrosiers', 'Roussel', 'Chevalier', 'Duval', 'Garnier', 'Lacroix', 'Aubert',
      'Mercier', 'Vasseur', 'Perrin', 'Morel', 'Rivière', 'Lemaître', 'Beaumont', 'Fontaine', 'Carpentier', 'Delorme',
      'Marchal', 'Tessier', 'Bouvier', 'Lagarde', 'Besnard', 'Régnier', 'Valette', 'Châtelain', 'Hébert', 'Jourdan',
      'de Villeneuve', 'de Montclar', 'Fabre-Lisle', 'Pélissier', 'Després', 'Laurençon', 'Maréchal', 'Guérin',
    ],
    honorific: { F: [['Mme', 1]], M: [['M.', 1]] },
    doctor: { F: 'Dr', M: 'Dr' },
    cities: [
      [paris('Paris', '75016'), 14],
      [paris('Paris', '75007'), 8],
      [paris('Neuilly-sur-Seine', '92200'), 4],
      [paris('Lyon', '69006'), 3],
      [paris('Bordeaux', '33000'), 2],
      [paris('Aix-en-Provence', '13100'), 2],
      [paris('Cannes', '06400'), 1],
      [paris('Lille', '59000'), 1],
    ],
    sharedName: 0.75,
    phone: 'fr',
    emailDomain: 'example.fr',
    preferred: [['phone', 4], ['email', 3], ['whatsapp', 3], ['sms', 1], ['post', 0.3]],
    whatsapp: 0.55,
    sizes: 'FR',
    frenchNotes: 0.92,
    streets: ['rue du Velours', 'avenue des Soieries', 'villa des Ateliers', 'rue de la Sellerie-Neuve', 'quai des Brodeuses'],
    assistant: 0.8,
  },
  {
    code: 'gb',
    weight: 10,
    languages: [['en', 1]],
    female: ['Charlotte', 'Imogen', 'Harriet', 'Beatrice', 'Zoë', 'Olivia', 'Arabella', 'Georgina', 'Phoebe', 'Eleanor', 'Rosalind', 'Clementine', 'Naomi', 'Philippa'],
    male: ['Henry', 'Rupert', 'Alistair', 'Hugo', 'Edward', 'Oliver', 'Jasper', 'Benedict', 'Crispin', 'Laurence', 'Piers', 'Magnus'],
    family: ['Ashworth', 'Pemberton', 'Fairfax', 'Whitmore', 'Hartley', 'Langley', 'Carrington', 'Sinclair', 'Wetherby', 'Ellison', 'Hollingsworth', 'Beaumont-Clarke', 'Thorne', 'Aldridge', 'Kingsley', 'Marlow'],
    honorific: { F: [['Mrs', 3], ['Ms', 2]], M: [['Mr', 1]] },
    doctor: { F: 'Dr', M: 'Dr' },
    cities: [
      [{ name: 'London', country: 'GB', timeZone: 'Europe/London', trunkShow: 'London', postcode: 'SW3 2AA' }, 8],
      [{ name: 'Edinburgh', country: 'GB', timeZone: 'Europe/London', trunkShow: 'London', postcode: 'EH3 6AA' }, 1],
      [{ name: 'Oxford', country: 'GB', timeZone: 'Europe/London', trunkShow: 'London', postcode: 'OX2 6AA' }, 1],
    ],
    sharedName: 0.85,
    phone: 'gb',
    emailDomain: 'example.com',
    preferred: [['email', 5], ['phone', 2], ['whatsapp', 2], ['post', 0.3]],
    whatsapp: 0.45,
    sizes: 'UK',
    frenchNotes: 0.25,
    streets: ['Velvet Mews', 'Silkmill Gardens', 'Saddler’s Row', 'Atelier Square'],
    assistant: 1,
  },
  {
    code: 'us',
    weight: 11,
    languages: [['en', 1]],
    female: ['Madison', 'Caroline', 'Whitney', 'Lauren', 'Renée', 'Zoë', 'Eleanor', 'Savannah', 'Margaret', 'Hadley', 'Blair', 'Genevieve', 'Sloane', 'Dominique'],
    male: ['Bradley', 'Carter', 'Spencer', 'Nathaniel', 'William', 'Preston', 'Grant', 'Theodore', 'Reid', 'Jonathan', 'Wyatt'],
    family: ['Whitaker', 'Castellano', 'Harrington', 'Bennett', 'Sullivan', 'Caldwell', 'Montgomery', 'Prescott', 'Reynolds', 'Holloway', 'Vance', 'Lindqvist', 'Okafor', 'Delgado', 'Abernathy', 'Kessler'],
    honorific: { F: [['Mrs', 3], ['Ms', 2]], M: [['Mr', 1]] },
    doctor: { F: 'Dr', M: 'Dr' },
    cities: [
      [{ name: 'New York', country: 'US', timeZone: 'America/New_York', trunkShow: 'New York', postcode: 'NY 10021' }, 6],
      [{ name: 'Los Angeles', country: 'US', timeZone: 'America/Los_Angeles', trunkShow: 'New York', postcode: 'CA 90210' }, 2],
      [{ name: 'Miami', country: 'US', timeZone: 'America/New_York', trunkShow: 'New York', postcode: 'FL 33139' }, 2],
      [{ name: 'Chicago', country: 'US', timeZone: 'America/Chicago', trunkShow: 'New York', postcode: 'IL 60611' }, 1],
      [{ name: 'San Francisco', country: 'US', timeZone: 'America/Los_Angeles', trunkShow: 'New York', postcode: 'CA 94115' }, 1],
      [{ name: 'Palm Beach', country: 'US', timeZone: 'America/New_York', trunkShow: 'New York', postcode: 'FL 33480' }, 1],
    ],
    sharedName: 0.85,
    phone: 'us',
    emailDomain: 'example.com',
    preferred: [['email', 4], ['phone', 3], ['sms', 2], ['whatsapp', 1]],
    whatsapp: 0.3,
    sizes: 'US',
    frenchNotes: 0.2,
    streets: ['Velour Lane', 'Atelier Avenue', 'Saddlery Court', 'Silk Row'],
    assistant: 1.6,
  },
  {
    code: 'it',
    weight: 8,
    languages: [['it', 1]],
    female: ['Ludovica', 'Benedetta', 'Ginevra', 'Carlotta', 'Vittoria', 'Beatrice', 'Allegra', 'Costanza', 'Margherita', 'Bianca', 'Ilaria', 'Noemi'],
    male: ['Niccolò', 'Tommaso', 'Lorenzo', 'Edoardo', 'Filippo', 'Ludovico', 'Alessandro', 'Jacopo', 'Gianluca', 'Federico'],
    family: ['Bellandi', 'Ferraresi', 'Castiglioni', 'Moretti', 'Galli', 'Rinaldi', 'Sforzini', 'Pellegrini', 'Bonfanti', 'Cattaneo', 'Marchesini', 'De Santis', 'Lombardini', 'Orsolini'],
    honorific: { F: [['Sig.ra', 1]], M: [['Sig.', 1]] },
    doctor: { F: 'Dott.ssa', M: 'Dott.' },
    cities: [
      [{ name: 'Milano', country: 'IT', timeZone: 'Europe/Rome', trunkShow: 'Milano', postcode: '20121' }, 5],
      [{ name: 'Roma', country: 'IT', timeZone: 'Europe/Rome', trunkShow: 'Milano', postcode: '00197' }, 3],
      [{ name: 'Firenze', country: 'IT', timeZone: 'Europe/Rome', trunkShow: 'Milano', postcode: '50125' }, 1],
      [{ name: 'Torino', country: 'IT', timeZone: 'Europe/Rome', trunkShow: 'Milano', postcode: '10123' }, 1],
    ],
    sharedName: 0.1,
    phone: 'fr',
    emailDomain: 'example.com',
    preferred: [['whatsapp', 5], ['phone', 3], ['email', 2]],
    whatsapp: 0.85,
    sizes: 'IT',
    frenchNotes: 0.45,
    streets: ['Via della Seta Antica', 'Corso dei Sellai', 'Via del Velluto'],
    assistant: 0.9,
  },
  {
    code: 'ch',
    weight: 8,
    languages: [['fr', 3], ['de', 2]],
    female: ['Séverine', 'Anne-Laure', 'Noémie', 'Mélanie', 'Thérèse', 'Annick', 'Françoise', 'Myriam', 'Regula', 'Anouk', 'Léa', 'Dörte'],
    male: ['Matthias', 'Régis', 'Lukas', 'Jean-Noël', 'Urs', 'Pascal', 'Cédric', 'Reto', 'Joël', 'Bastien'],
    family: ['Favre', 'Rochat', 'Bonvin', 'Keller', 'Brunner', 'Vuilleumier', 'Zürcher', 'Monnier', 'Gerber', 'Perrenoud', 'Jaccard', 'Studer', 'Hänni', 'Dubois-Ferrière'],
    honorific: { F: [['Mme', 3], ['Frau', 2]], M: [['M.', 3], ['Herr', 2]] },
    doctor: { F: 'Dr', M: 'Dr' },
    cities: [
      [{ name: 'Genève', country: 'CH', timeZone: 'Europe/Zurich', trunkShow: 'Genève', postcode: '1204' }, 4],
      [{ name: 'Lausanne', country: 'CH', timeZone: 'Europe/Zurich', trunkShow: 'Genève', postcode: '1003' }, 2],
      [{ name: 'Zürich', country: 'CH', timeZone: 'Europe/Zurich', trunkShow: 'Genève', postcode: '8001' }, 3],
      [{ name: 'Gstaad', country: 'CH', timeZone: 'Europe/Zurich', trunkShow: 'Genève', postcode: '3780' }, 1],
    ],
    sharedName: 0.7,
    phone: 'fr',
    emailDomain: 'example.com',
    preferred: [['email', 4], ['phone', 3], ['whatsapp', 2], ['post', 0.5]],
    whatsapp: 0.5,
    sizes: 'FR',
    frenchNotes: 0.75,
    streets: ['chemin des Soyeux', 'rue du Cuir-Fin', 'Seidenweg', 'avenue des Horlogers-Lointains'],
    assistant: 1,
  },
  {
    code: 'gulf',
    weight: 10,
    languages: [['ar', 3], ['en', 2]],
    female: ['Noura', 'Mariam', 'Hessa', 'Latifa', 'Reem', 'Shamma', 'Alia', 'Moza', 'Dana', 'Lulwa', 'Maitha', 'Amna'],
    male: ['Khalid', 'Hamad', 'Saeed', 'Faisal', 'Omar', 'Rashid', 'Sultan', 'Majid', 'Nasser', 'Youssef'],
    family: ['Al Mansouri', 'Al Suwaidi', 'Al Marri', 'Al Kuwari', 'Al Hashimi', 'Al Falasi', 'Al Zaabi', 'Al Shamsi', 'Al Muhairi', 'Al Sayegh', 'Al Ketbi', 'Al Rumaithi'],
    honorific: { F: [['Mrs', 5], ['Ms', 2], ['Sheikha', 1]], M: [['Mr', 5], ['Sheikh', 1]] },
    doctor: { F: 'Dr', M: 'Dr' },
    cities: [
      [{ name: 'Dubai', country: 'AE', timeZone: 'Asia/Dubai', trunkShow: 'Dubai', postcode: '' }, 5],
      [{ name: 'Abu Dhabi', country: 'AE', timeZone: 'Asia/Dubai', trunkShow: 'Dubai', postcode: '' }, 3],
      [{ name: 'Doha', country: 'QA', timeZone: 'Asia/Qatar', trunkShow: 'Dubai', postcode: '' }, 2],
      [{ name: 'Kuwait City', country: 'KW', timeZone: 'Asia/Kuwait', trunkShow: 'Dubai', postcode: '' }, 1],
      [{ name: 'Riyadh', country: 'SA', timeZone: 'Asia/Riyadh', trunkShow: 'Dubai', postcode: '' }, 1],
    ],
    sharedName: 0,
    phone: 'gb',
    emailDomain: 'example.com',
    preferred: [['whatsapp', 8], ['phone', 1], ['email', 1]],
    whatsapp: 0.95,
    sizes: 'FR',
    frenchNotes: 0.2,
    streets: ['Velvet Tower', 'Atelier Residences', 'Silk Villas'],
    assistant: 2,
  },
  {
    code: 'cn',
    weight: 10,
    languages: [['zh', 4], ['en', 1]],
    female: ['Xinyi', 'Meilin', 'Yuqing', 'Jiayi', 'Wenjing', 'Ruoxi', 'Shuhan', 'Yutong', 'Mengyao', 'Xiaowen', 'Lijuan', 'Siyu'],
    male: ['Haoran', 'Zhiwei', 'Junjie', 'Wei', 'Yifan', 'Zihao', 'Mingxuan', 'Tianyu', 'Jiahao', 'Boyang'],
    family: ['Zhang', 'Wang', 'Chen', 'Liu', 'Lin', 'Huang', 'Zhou', 'Xu', 'Sun', 'Guo', 'Tang', 'Shen', 'Yao', 'Qian'],
    honorific: { F: [['Mrs', 3], ['Ms', 3]], M: [['Mr', 1]] },
    doctor: { F: 'Dr', M: 'Dr' },
    cities: [
      [{ name: 'Shanghai', country: 'CN', timeZone: 'Asia/Shanghai', trunkShow: 'Shanghai', postcode: '200031' }, 5],
      [{ name: 'Beijing', country: 'CN', timeZone: 'Asia/Shanghai', trunkShow: 'Shanghai', postcode: '100020' }, 3],
      [{ name: 'Hong Kong', country: 'HK', timeZone: 'Asia/Hong_Kong', trunkShow: 'Shanghai', postcode: 'Mid-Levels' }, 3],
      [{ name: 'Shenzhen', country: 'CN', timeZone: 'Asia/Shanghai', trunkShow: 'Shanghai', postcode: '518048' }, 1],
      [{ name: 'Hangzhou', country: 'CN', timeZone: 'Asia/Shanghai', trunkShow: 'Shanghai', postcode: '310007' }, 1],
    ],
    sharedName: 0,
    phone: 'gb',
    emailDomain: 'example.com',
    preferred: [['wechat', 12], ['email', 1]],
    whatsapp: 0.15,
    sizes: 'FR',
    frenchNotes: 0.15,
    streets: ['Velvet Garden Road', 'Silk Terrace', 'Atelier Lane'],
    assistant: 1,
  },
  {
    code: 'jp',
    weight: 6,
    languages: [['ja', 1]],
    female: ['Yuko', 'Haruka', 'Aiko', 'Emi', 'Natsuki', 'Sayaka', 'Mariko', 'Chihiro', 'Ayumi', 'Kaori'],
    male: ['Kenji', 'Takashi', 'Hiroshi', 'Ryo', 'Daisuke', 'Kazuki', 'Shota', 'Masato'],
    family: ['Tanaka', 'Sato', 'Takahashi', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Matsumoto', 'Fujiwara', 'Ishikawa', 'Morikawa', 'Hasegawa'],
    honorific: { F: [['Mrs', 3], ['Ms', 1]], M: [['Mr', 1]] },
    doctor: { F: 'Dr', M: 'Dr' },
    cities: [
      [{ name: 'Tokyo', country: 'JP', timeZone: 'Asia/Tokyo', trunkShow: 'Tokyo', postcode: '106-0047' }, 6],
      [{ name: 'Osaka', country: 'JP', timeZone: 'Asia/Tokyo', trunkShow: 'Tokyo', postcode: '530-0001' }, 2],
      [{ name: 'Kyoto', country: 'JP', timeZone: 'Asia/Tokyo', trunkShow: 'Tokyo', postcode: '604-8005' }, 1],
    ],
    sharedName: 1,
    phone: 'gb',
    emailDomain: 'example.com',
    preferred: [['email', 6], ['phone', 1]],
    whatsapp: 0.1,
    sizes: 'FR',
    frenchNotes: 0.2,
    streets: ['Velvet Heights', 'Atelier Court', 'Silk Garden'],
    assistant: 0.6,
  },
  {
    code: 'kr',
    weight: 4,
    languages: [['ko', 1]],
    female: ['Seo-yeon', 'Ji-woo', 'Min-seo', 'Ha-eun', 'Soo-ah', 'Yoon-ah', 'Da-eun', 'Ye-jin'],
    male: ['Joon-ho', 'Min-jun', 'Seung-woo', 'Ji-hoon', 'Dong-hyun', 'Tae-yang'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Yoon', 'Han', 'Seo', 'Shin'],
    honorific: { F: [['Mrs', 3], ['Ms', 2]], M: [['Mr', 1]] },
    doctor: { F: 'Dr', M: 'Dr' },
    cities: [
      [{ name: 'Seoul', country: 'KR', timeZone: 'Asia/Seoul', trunkShow: 'Seoul', postcode: '06009' }, 6],
      [{ name: 'Busan', country: 'KR', timeZone: 'Asia/Seoul', trunkShow: 'Seoul', postcode: '48094' }, 1],
    ],
    sharedName: 0,
    phone: 'gb',
    emailDomain: 'example.com',
    preferred: [['email', 3], ['phone', 2], ['whatsapp', 1]],
    whatsapp: 0.25,
    sizes: 'FR',
    frenchNotes: 0.15,
    streets: ['Velvet Hill-ro', 'Atelier-gil', 'Silk Park-ro'],
    assistant: 0.8,
  },
  {
    code: 'br',
    weight: 5,
    languages: [['pt', 1]],
    female: ['Luíza', 'Beatriz', 'Lívia', 'Letícia', 'Mônica', 'Fernanda', 'Helena', 'Cecília', 'Júlia', 'Antônia'],
    male: ['João', 'Luís', 'Antônio', 'Vinícius', 'Otávio', 'Sérgio', 'Caio', 'Rodrigo'],
    family: ['Albuquerque', 'Carvalho', 'Magalhães', 'Guimarães', 'Azevedo', 'Monteiro', 'Brandão', 'Araújo', 'Siqueira', 'Valadares', 'Figueiredo', 'Teixeira'],
    honorific: { F: [['Sra.', 1]], M: [['Sr.', 1]] },
    doctor: { F: 'Dra.', M: 'Dr.' },
    cities: [
      [{ name: 'São Paulo', country: 'BR', timeZone: 'America/Sao_Paulo', trunkShow: 'São Paulo', postcode: '01426-000' }, 5],
      [{ name: 'Rio de Janeiro', country: 'BR', timeZone: 'America/Sao_Paulo', trunkShow: 'São Paulo', postcode: '22441-000' }, 3],
    ],
    sharedName: 0.6,
    phone: 'gb',
    emailDomain: 'example.com',
    preferred: [['whatsapp', 8], ['email', 1], ['phone', 1]],
    whatsapp: 0.95,
    sizes: 'FR',
    frenchNotes: 0.3,
    streets: ['Rua do Veludo', 'Alameda dos Seleiros', 'Rua da Seda'],
    assistant: 1,
  },
];

export const CULTURE_WEIGHTS: Weighted<Culture> = CULTURES.map((c) => [c, c.weight] as const);

export function cultureByCode(code: CultureCode): Culture {
  const culture = CULTURES.find((c) => c.code === code);
  if (!culture) throw new RangeError(`unknown culture ${code}`);
  return culture;
}

/**
 * The first clients of every demo book carry these first names, so that an advisor trying the
 * search (and the tests) always finds an accented name by typing it without accents.
 */
export const SHOWCASE: readonly { culture: CultureCode; gender: Gender; first: string }[] = [
  { culture: 'fr', gender: 'F', first: 'Éléonore' },
  { culture: 'gb', gender: 'F', first: 'Zoë' },
  { culture: 'fr', gender: 'F', first: 'Hélène' },
  { culture: 'gulf', gender: 'F', first: 'Noura' },
  { culture: 'ch', gender: 'F', first: 'Thérèse' },
  { culture: 'fr', gender: 'M', first: 'Édouard' },
  { culture: 'cn', gender: 'F', first: 'Meilin' },
  { culture: 'fr', gender: 'F', first: 'Bérénice' },
  { culture: 'br', gender: 'F', first: 'Luíza' },
  { culture: 'it', gender: 'M', first: 'Niccolò' },
];

/** Assistants' names, kept apart from the clients' families: any first name with any family name. */
export const ASSISTANT_FIRST: readonly { first: string; gender: Gender }[] = [
  { first: 'Sophie', gender: 'F' },
  { first: 'Aurélie', gender: 'F' },
  { first: 'Julien', gender: 'M' },
  { first: 'Emma', gender: 'F' },
  { first: 'Priya', gender: 'F' },
  { first: 'Lucas', gender: 'M' },
  { first: 'Amira', gender: 'F' },
  { first: 'Grace', gender: 'F' },
  { first: 'Tomás', gender: 'M' },
  { first: 'Hannah', gender: 'F' },
  { first: 'Maëlle', gender: 'F' },
  { first: 'Daniel', gender: 'M' },
  { first: 'Chloé', gender: 'F' },
  { first: 'Fatima', gender: 'F' },
  { first: 'Kevin', gender: 'M' },
  { first: 'Léonie', gender: 'F' },
  { first: 'Rania', gender: 'F' },
  { first: 'Mateo', gender: 'M' },
];
export const ASSISTANT_LAST: readonly string[] = [
  'Marchand', 'Tardieu', 'Ferrand', 'Whitcombe', 'Raman', 'Oliveira', 'Haddad', 'Nakamura-Reid', 'Ibáñez',
  'Lindgren', 'Quéré', 'Osei', 'Vermeulen', 'Benali', 'Tran', 'Kowalczyk', 'Moreau', 'Da Costa', 'Brennan', 'Salvi',
];

/** Lower-cased and accent-free, for `sort_key`, e-mail local parts and duplicate detection. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
