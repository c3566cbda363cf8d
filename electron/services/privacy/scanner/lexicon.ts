/**
 * Special-category vocabulary (GDPR art. 9, plus criminal data under art. 10), English and
 * French, as rules for the phrase engine in special.ts. Words are folded: lower-case, no
 * accents, œ → oe, split on apostrophes and hyphens ("d'origine" → "d origine").
 *
 * Ambiguous words never fire alone; the rule says which neighbours make them personal:
 *   - "operation"/"opération", "treatment"/"traitement" need a person-health context (a body part,
 *     "recovering", "hospital", "his/her operation") and no object context (a watch's "operation",
 *     an "opération commerciale" or a "traitement anti-reflet" is not health);
 *   - "party"/"parti" needs a party name or a membership word ("a party for her 40th", "il est
 *     parti à Genève", "un parti pris" are not politics);
 *   - "cancer" is silenced next to zodiac words, "DNA"/"ADN" before "of"/"de" ("the DNA of the
 *     house"), "hospital"/"hôpital" when someone works there, "surgical" before "steel";
 *   - festival words are religion only when faith-specific (Ramadan, bar mitzvah, communion,
 *     baptism); Christmas, Easter, Noël, Pâques and Saint-Valentin are gift occasions.
 * The decisions a privacy officer could argue with are recorded in the corpus notes
 * (test/fixtures/scanner/corpus.json) and in the scanner test.
 */
import type { Rule, Words } from './special.js';

// ───────────── shared word lists ─────────────

/** Body parts and organs that can be operated on or broken (English). */
const BODY_EN =
  'wrist|wrists|arm|arms|leg|legs|ankle|ankles|hip|hips|knee|knees|shoulder|shoulders|neck|foot|feet|finger|fingers|elbow|elbows|collarbone|rib|ribs|nose|jaw|pelvis|spine|spinal|heart|eye|eyes|cataract|hernia|bypass|brain|keyhole|lung|lungs|kidney|liver|breast|prostate|thyroid|gallbladder|appendix|tonsils|cardiac|heel|toe|cruciate|ligament|ligaments|tendon|achilles|back';
/** What breaks in an accident (no "heart": "broke her heart" is an idiom). */
const BREAKABLE_EN =
  'wrist|wrists|arm|arms|leg|legs|ankle|ankles|hip|hips|knee|knees|shoulder|shoulders|neck|foot|feet|finger|fingers|elbow|elbows|collarbone|rib|ribs|nose|jaw|pelvis|back|toe|toes|hand|thumb|kneecap|leg';
/** Body parts and organs (French). */
const BODY_FR =
  'genou|genoux|hanche|hanches|coeur|dos|epaule|epaules|poignet|poignets|main|pied|pieds|cheville|chevilles|yeux|oeil|cataracte|prostate|sein|seins|poumon|poumons|rein|reins|foie|colon|estomac|appendicite|vesicule|thyroide|menisque|ligament|ligaments|colonne|cerveau|jambe|jambes|bras|nez|hernie|vertebre|vertebres|bassin|coude|cou|dents|uterus|ovaire|ovaires|tumeur|cancer|tendon|talon|clavicule|crane|machoire|pontage|varices';
const BREAKABLE_FR = 'poignet|bras|jambe|cheville|hanche|genou|epaule|pied|main|doigt|nez|clavicule|cote|cotes|coude|dos|bassin|col|femur|tibia|pouce|orteil';
/** Words that say a person's body is concerned ("back", "heart", "eye", "hand" left out: "came back", "by hand"). */
const HEALTH_CONTEXT = `recover*|recovery|convalesc*|underwent|undergo*|surgeon|surgeons|surgery|surgeries|hospital|hospitals|hospitalis*|hospitaliz*|anaesthe*|anesthe*|clinic|remet|remettre|remis|subi|subir|subit|chirurg*|hopital|hopitaux|reanimation|postoperatoire|doctor|doctors|medecin|medecins|sick|malade|ill|illness|pain|douleur|douleurs|${BODY_EN.split('|').filter((x) => !['back', 'heart', 'eye', 'eyes', 'foot', 'feet'].includes(x)).join('|')}|${BODY_FR.split('|').filter((x) => !['main', 'coeur', 'dos', 'cancer', 'or'].includes(x)).join('|')}`;
/** Words that say the object is a thing, a shop or a business, not a person. */
const OBJECT_CONTEXT =
  'watch|watches|timepiece*|movement|movements|atelier|workshop|strap|straps|clasp|clasps|bezel|crystal|sapphire|leather|bag|bags|boutique|boutiques|store|stores|shop|shops|service|servicing|polish*|business|company|logistics|marketing|promotion*|commercial*|montre|montres|mouvement|cadran|boitier|verre|saphir|cuir|sac|sacs|polissage|revision|entretien|vitrine|magasin|promo|soldes|restauration|reparation|repair*|engraving|gravure|stone|stones|pierre|pierres|metal|gold|silver|platinum|or|argent|platine|lacquer|laque|fabric|tissu|case|dial|bijou|bijoux|bague|collier|necklace|ring|bracelet|bracelets|sale|sales|vente|ventes|inventory|inventaire|stock|team|equipe|staff|window|windows';
const RELIGION_NOUN =
  'islam|judaism|judaisme|catholicism|catholicisme|christianity|christianisme|protestantism|protestantisme|buddhism|bouddhisme|hinduism|hindouisme|orthodoxy|orthodoxie|evangelism|evangelisme|catholic|catholics|catholique|catholiques|muslim|muslims|moslem|musulman|musulmane|musulmans|musulmanes|jewish|jew|jews|juif|juive|juifs|juives|israelite|buddhist|buddhists|bouddhiste|bouddhistes|hindu|hindus|hindou|hindoue|hindous|sikh|sikhs|mormon|mormons|anglican|anglicans|anglicane|evangelical|evangelique|evangeliques|protestant|protestants|protestante|protestantes|christian|christians|chretien|chretienne|chretiens|chretiennes|orthodox|orthodoxe|orthodoxes|quaker|quakers|bahai|jain|jains|scientologist|scientology|scientologue|scientologie|zoroastrian|shia|shiite|chiite|sunni|sunnite|salafist|salafiste|hasidic|hassidique|loubavitch|lubavitch|adventist|adventiste|pentecostal|pentecotiste|jehovah|jehovah|methodist|methodiste|baptist|presbyterian|copt|copte|coptes|maronite|maronites|alevi|alevie|druze|druzes|rastafarian|wiccan|pagan|atheist|atheists|athee|athees|agnostic|agnostics|agnostique|agnostiques';
const PARTY_EN =
  'labour|tory|tories|conservative|conservatives|libdem|libdems|liberal|democrat|democrats|democratic|republican|republicans|green|greens|reform|snp|ukip|plaid|sinn|dup|communist|socialist|gop|brexit|national|workers|pirate';
const PARTY_NAMES_EN =
  'labour|tory|tories|conservative|conservatives|conservatism|libdem|libdems|democrat|democrats|democratic|republican|republicans|greens|green|reform|snp|ukip|gop|maga|trump|biden|harris|brexit|left|right|communist|communists|socialist|socialists';
const PARTY_FR =
  'rn|fn|lfi|lr|ps|pcf|eelv|ecolo|ecolos|ecologiste|ecologistes|insoumis|insoumise|reconquete|renaissance|modem|horizons|nupes|verts|socialiste|socialistes|communiste|communistes|republicains|macron|melenchon|pen|zemmour|gauche|droite|extreme|rassemblement|npa|centristes';

const s = (list: string): string[] => list.split('|');
const inList = (list: string): ((x: string | undefined) => boolean) => {
  const set = new Set(s(list));
  return (x) => x !== undefined && set.has(x);
};

const RELIGION_WORDS = inList(RELIGION_NOUN);
const BODY_FR_SET = inList(`${BODY_FR}|alzheimer|parkinson|sida|covid|grippe|nerfs|leucemie|diabete|tuberculose|sclerose|charcot|crohn`);

/** The words at offsets after `last` (same sentence). */
function after(w: Words, last: number, n: number): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  for (let k = 1; k <= n; k++) out.push(w.at(last + k, last));
  return out;
}
function prevOf(w: Words, first: number, k = 1): string | undefined {
  return w.at(first - k, first);
}
function nextOf(w: Words, last: number, k = 1): string | undefined {
  return w.at(last + k, last);
}
function anyWithin(w: Words, first: number, last: number, before: number, afterN: number, test: (x: string | undefined) => boolean): boolean {
  for (let k = first - before; k < first; k++) if (test(w.at(k, first))) return true;
  for (let k = last + 1; k <= last + afterN; k++) if (test(w.at(k, first))) return true;
  return false;
}

export const SPECIAL_RULES: readonly Rule[] = [
  // ═════════════ health ═════════════
  // Illnesses and conditions that are health data whatever the sentence.
  { cat: 'health', seq: 'cancer|cancers|cancereux|cancereuse', notNear: 'zodiac*|zodiaque|sign|signe|signes|astrolog*|horoscope*|constellation*|ascendant|tropic|tropique|crabe|birthstone', win: 3 },
  { cat: 'health', seq: 'tumour*|tumor*|tumeur*|oncolog*|chemo|chemotherapy|chimio|chimiotherapie*|radiotherap*|leukaemia|leukemia|leucemie|lymphoma*|lymphome*|melanoma*|melanome*|metasta*|diabet*|insulin|insuline' },
  { cat: 'health', seq: 'depression|depressions|depressed|depressive|depressif|depressifs|antidepress*', notNear: 'atlantique|meteo|weather|tropical|barometr*|great|market|economic|economique', win: 3 },
  {
    cat: 'health',
    seq: 'bipolar|bipolaire*|schizophren*|autism|autistic|autiste*|autisme|adhd|tdah|dementia|demence|alzheimer*|parkinson*|epilep*|asthma*|asthme*|asthmatique*|sclerosis|sclerose|arthritis|arthrite|arthrose|osteopor*|cataract|cataracts|cataracte*|glaucom*|migraine*|fibromyalg*|endometrio*|lupus|crohn|coeliac|celiac|coeliaque*|anorexi*|bulimi*|boulimi*|obesity|obesite|obese|dialysis|dialyse|transplant|palliative|palliatif*|coma|hiv|vih|sida|seropositi*|hepatitis|hepatite|covid*|burnout|hypertension|hypertendu*|cholesterol|stroke victim|heart attack*|heart condition|heart disease|heart problem*|heart surgery|kidney failure|liver failure|panic attack*|mental health|mental illness|mental breakdown|nervous breakdown|eating disorder*|learning disabilit*|hearing aid*|hearing impaired|visually impaired|partially sighted|hard of hearing|sick leave|sick note|off sick|intensive care|emergency room|psychiatric|psychiatrist|psychiatry|therapist|psychotherap*|rehab|physiotherap*|physio|medication|medications|medicated|antibiotic*|painkiller*|opioid*|morphine|miscarriage*|stillbirth*|ivf|infertil*|pregnan*',
    notNext: 'pause|goddess|symbol|charm|motif|silhouette|rates',
  },
  { cat: 'health', seq: 'burn out', prev: 'a|un|en|son|sa|d|her|his|from|of' },
  { cat: 'health', seq: 'fertility', notNext: 'symbol|goddess|charm|motif|amulet' },
  { cat: 'health', seq: 'prescription', notNext: 'sunglasses|glasses' },
  { cat: 'health', seq: 'anxiety|anxious', next: 'disorder|attack|attacks|disorders|medication|issues' },
  { cat: 'health', seq: 'ill|unwell', prev: 'is|was|been|fell|falls|seriously|terminally|critically|gravely|chronically|very|mentally|quite|being|are|were' },
  { cat: 'health', seq: 'illness|illnesses|disease|diseases|disorder|disorders', notPrev: 'civil|public|social|in|no' },
  { cat: 'health', seq: 'sick', notNext: 'of|and|beat|joke|burn|day', notPrev: 'so|love|really|absolutely' },
  { cat: 'health', seq: 'health', next: 'problem|problems|issue|issues|condition|conditions|scare|reasons|reason|worries|concerns|troubles|crisis' },
  { cat: 'health', seq: 'ill/poor/failing/fragile/declining/mental health' },
  {
    cat: 'health',
    seq: 'expecting',
    when: (w, _f, last) => {
      const [n1, n2] = after(w, last, 2);
      return ['twins', 'triplets', 'baby', 'child'].includes(n1 ?? '') || (['a', 'her', 'their'].includes(n1 ?? '') && ['baby', 'child', 'first', 'second', 'third'].includes(n2 ?? ''));
    },
  },
  { cat: 'health', seq: 'surgery|surgeries', notNear: 'watch|watches|movement|atelier|workshop|bag|strap|bracelet|case', win: 4 },
  { cat: 'health', seq: 'surgical', notNext: 'steel|grade|precision|instrument|instruments|stainless|mask|masks|gloves|style' },
  { cat: 'health', seq: 'operation|operations|op', prev: BODY_EN },
  { cat: 'health', seq: 'operation|operations', prev: 'major|minor|emergency|serious|risky|successful', notNear: OBJECT_CONTEXT, win: 8 },
  { cat: 'health', seq: 'operation|operations', prev: 'his|her|their|my|your|an|a|the', near: HEALTH_CONTEXT, notNear: OBJECT_CONTEXT, win: 8 },
  { cat: 'health', seq: 'operation|operations', prev: 'his|her|their|my', notNear: OBJECT_CONTEXT, win: 8 },
  { cat: 'health', seq: 'operated', next: 'on', near: `${BODY_EN}|hospital|surgeon|doctor|doctors`, notNear: OBJECT_CONTEXT, win: 5 },
  { cat: 'health', seq: 'treatment|treatments', prev: 'undergoing|under|receiving|medical|cancer|fertility|ivf|hormone|hormonal|psychiatric|dental|ongoing|experimental|in', notNear: OBJECT_CONTEXT, win: 6 },
  { cat: 'health', seq: 'treated for', notNear: OBJECT_CONTEXT, win: 6 },
  { cat: 'health', seq: 'hospital|hospitals', notNear: 'works|work|working|worked|doctor|doctors|surgeon|surgeons|nurse|nurses|physician|consultant|director|board|trustee|trustees|foundation|gala|charity|donation|donor|donated|fundrais*|sponsor*|wing|opening|field|volunteer*', win: 8 },
  { cat: 'health', seq: 'hospitalised|hospitalized|hospitalisation|hospitalization|icu' },
  { cat: 'health', seq: 'therapy', notPrev: 'retail|shopping|colour|color|aroma|spa|light|art' },
  { cat: 'health', seq: 'addiction|addicted|addict|alcoholism|overdose|sobriety', notNear: 'jewel*|jewellery|jewelry|shopping|watch*|handbag*|bag|bags|chocolate|shoes|fashion|diamond*|pearls|coffee|tv|series', win: 4 },
  { cat: 'health', seq: 'alcoholic', prev: 'a|an|is|recovering|former|functioning|was' },
  { cat: 'health', seq: 'wheelchair*|crutches|walking frame|zimmer|prosthe*|amputee|amputat*|paralys*|paraplegi*|tetraplegi*|quadriplegi*|disabilit*|handicapped|dyslexi*|dyspraxi*|stammer|stutter', notNext: 'access|parking|toilet|toilets|entrance|bay|accessible|ramp' },
  { cat: 'health', seq: 'disabled', prev: 'is|was|severely|physically|mentally|registered|a|her|his|their|profoundly|partially|disabled' },
  { cat: 'health', seq: 'blind', prev: 'is|was|partially|legally|went|going|born|completely|almost|nearly' },
  { cat: 'health', seq: 'deaf', notNext: 'ears|ear' },
  { cat: 'health', seq: 'allerg*|intolerance|intolerant|lactose|gluten', notNext: 'free|sans|of|friendly' },
  { cat: 'health', seq: 'injury|injuries|injured|concussion|fracture|fractured|fractures|sprained|sprain', notNear: 'watch|case|crystal|dial|glass|verre|box|ecrin|strap', win: 4 },
  { cat: 'health', seq: 'broke/broken/breaks/twisted/dislocated/shattered/fractured his/her/their/my/a', after: BREAKABLE_EN, win: 1 },
  { cat: 'health', seq: 'broken|fractured|dislocated', next: BREAKABLE_EN },
  { cat: 'health', seq: 'stroke', prev: 'a|had|suffered|minor|major|mild|her|his', notPrev: 'brush|master', notNext: 'of' },
  {
    cat: 'health',
    seq: 'recovering/convalescing/recuperating from/after',
    when: (w, _f, last) => {
      const notHealth = /^(divorce|loss|break|breakup|separation|sale|move|trip|jet|lag|holiday|holidays|shock|disappointment|crisis|party|wedding|christmas|flight|launch|season|week|weekend|event|gala|rush|fashion|heartbreak|bereavement|death)$/;
      return !after(w, last, 3).some((x) => x !== undefined && notHealth.test(x));
    },
  },
  { cat: 'health', seq: 'convalescence|convalescent|convalescente' },
  { cat: 'health', seq: 'medical', next: 'condition|conditions|reasons|history|records|record|file|treatment|leave|appointment|procedure|emergency|tests|test|results|issue|issues|problem|problems' },
  { cat: 'health', seq: 'cardiac', notNear: 'works|work|surgeon|nurse|unit|ward', win: 3 },

  // French.
  {
    cat: 'health',
    seq: 'malade|malades',
    notPrev: 'vrai|grand|un|une|des|les|le|la|imaginaire|tes|mes|ce',
    when: (w, _f, last) => {
      // "malade de la Royal Oak" (a fanatic) vs "malade du cœur" (heart disease).
      const n = nextOf(w, last);
      if (n !== 'de' && n !== 'du' && n !== 'des' && n !== 'd') return true;
      return after(w, last, 4).slice(1).some(BODY_FR_SET);
    },
  },
  { cat: 'health', seq: 'maladie|maladies' },
  { cat: 'health', seq: 'enceinte|enceintes', notPrev: 'l|la|une|cette|les|des|du|en|son|sa|ses|grande|belle|petite|nouvelle|haute|dans|d|de|premiere|seconde|double|triple' },
  { cat: 'health', seq: 'grossesse*|accouchement|fausse couche*|fiv|pma|sterilite|fertilite|insemination' },
  { cat: 'health', seq: 'attend un/une/des bebe/enfant/jumeaux/jumelles/heureux' },
  {
    cat: 'health',
    seq: 'operation|operations|operer|opere|operee|operes|operees',
    when: (w, f, last) => {
      // "opération du genou", "opéré de la hanche"; not "opération coup de cœur".
      const next3 = after(w, last, 3);
      const organ = next3.findIndex((x) => BODY_FR_SET(x));
      if (organ < 0) return false;
      if (next3[organ] === 'coeur' && next3.slice(0, organ).includes('coup')) return false;
      const ok = w.text[f]!.startsWith('operation') || ['du', 'de', 'des', 'd'].includes(next3[0] ?? '');
      return ok ? last + 1 + organ : false;
    },
  },
  { cat: 'health', seq: 'operation|operations', near: HEALTH_CONTEXT, notNear: OBJECT_CONTEXT, win: 8 },
  { cat: 'health', seq: 'operer|opere|operee|operes|operees', prev: 'fait|faire|ete|etre|doit|va|vient|fais|faite|etait|sera' },
  { cat: 'health', seq: 'traitement|traitements', before: 'sous|suit|suivre|suivi|suivait|commence|commencer|termine|terminer|nouveau|lourd', win: 2, notNext: 'de|des|du|d|anti|antireflet|special|particulier|vip|spa|faveur', notNear: OBJECT_CONTEXT },
  { cat: 'health', seq: 'traitement|traitements', next: 'medical|medicamenteux|lourd|hormonal|psychiatrique|antidepresseur|anticancereux|contre', notNear: `${OBJECT_CONTEXT}|rayures|taches|reflets|humidite|oxydation|tartre`, win: 4 },
  { cat: 'health', seq: 'soigne|soignee|soignes|soignees', next: 'pour|contre' },
  { cat: 'health', seq: 'chirurgie|chirurgies', notNear: 'montre|montres|atelier|mouvement|sac', win: 4 },
  { cat: 'health', seq: 'chirurgical|chirurgicale|chirurgicaux|chirurgicales', notPrev: 'acier|precision|masque|masques|gants|facon', notNext: 'inox|316l' },
  {
    cat: 'health',
    seq: 'hopital|hopitaux|hospitalier|hospitaliere|chu|chru',
    notNear: 'travaille|travaillait|travailler|medecin|medecins|chirurgien|chirurgienne|chirurgiens|infirmier|infirmiere|infirmiers|infirmieres|directeur|directrice|fondation|gala|don|dons|mecenat|mecene|administration|administrateur|administratrice|interne|cardiologue|pediatre|urgentiste|anesthesiste|praticien|praticienne|poste|fondatrice|fondateur|benevole',
    win: 8,
  },
  { cat: 'health', seq: 'hospitalise|hospitalisee|hospitalises|hospitalisees|hospitalisation*|urgences|reanimation|soins intensifs|soins palliatifs|fin de vie' },
  { cat: 'health', seq: 'anxiolytique*|somnifere*|psychiatre|psychiatrique|psychotherapie|psychotherapeute|antidepresseur*' },
  { cat: 'health', seq: 'therapie|therapeute', notPrev: 'art|shopping|couleur|aroma' },
  { cat: 'health', seq: 'cure de desintoxication/sevrage/chimiotherapie/chimio' },
  { cat: 'health', seq: 'desintox*|sevrage|alcoolisme|alcoolique|alcooliques|toxicomane*|toxicomanie|addiction|addictions|addict|accro', notNear: 'bijou*|shopping|montre*|sac|sacs|chocolat|mode|diamant*|perles|soldes|joaillerie|cafe|series|serie', win: 4, when: (w, f) => w.text[f] !== 'accro' || anyWithin(w, f, f, 0, 3, inList('alcool|drogue|drogues|cocaine|heroine|medicaments|antidouleurs|jeu|jeux')) },
  { cat: 'health', seq: 'fauteuil roulant|fauteuils roulants|bequille*|deambulateur|canne blanche|handicape|handicapee|handicapes|handicapees|invalidite|paraplegique*|tetraplegique*|amput*|prothese*|dyslexi*|malvoyant*|malentendant*|appareil auditif|appareils auditifs|autiste*|trisomi*', notNear: 'golf|golfeur|golfeuse', win: 4 },
  { cat: 'health', seq: 'handicap|handicaps', prev: 'de|son|sa|leur|lourd|moteur', notNear: 'golf|golfeur|golfeuse|index', win: 4 },
  { cat: 'health', seq: 'aveugle|aveugles', notPrev: 'l|a|d|en|test|degustation|confiance|achat' },
  { cat: 'health', seq: 'sourd|sourde|sourds|sourdes', notNext: 'oreille|oreilles' },
  { cat: 'health', seq: 'allergie*|allergique*|intolerance*|intolerant*|eczema|psoriasis' },
  { cat: 'health', seq: 'fracture*|entorse*|blessure|blessures', notNear: 'montre|verre|boitier|ecrin|sociale|numerique|territoriale', win: 4 },
  { cat: 'health', seq: 'blesse|blessee|blesses|blessees', notNext: 'dans' },
  { cat: 'health', seq: 'casse/cassee/casses/fracture/fracturee le/la/les/l', after: BREAKABLE_FR, win: 1 },
  { cat: 'health', seq: 'probleme/problemes/soucis/souci/ennuis/raisons/raison/etat/bilan/pepin/pepins de sante' },
  { cat: 'health', seq: 'sante', next: 'fragile|mentale|precaire|defaillante|chancelante|declinante' },
  { cat: 'health', seq: 'crise cardiaque|infarctus|avc|accident vasculaire|arret maladie|conge maladie|reeducation|kinesitherapie|grippe|angine|bronchite|pneumonie' },
  { cat: 'health', seq: 'remet d/de', after: 'operation|maladie|accident|chute|chimiotherapie|chimio|fracture|avc|infarctus|cancer|intervention|hospitalisation|accouchement|covid|grippe|blessure|entorse', win: 3 },
  { cat: 'health', seq: 'intervention chirurgicale' },

  // ═════════════ religion ═════════════
  {
    cat: 'religion',
    seq: 'ramadan|ramadhan|iftar|eid|halal|kosher|casher|kasher|shabbat|sabbath|sabbat|shabbos|mitzvah|mitzva|mitsva|mitsvah|hanukkah|chanukah|hanoucca|hanouka|kippour|kippur|passover|pessah|pesach|diwali|navratri|vaisakhi|hajj|umrah|omra|tefillin|rosary|chapelet|christening|christenings|first communion|holy communion|premiere communion|communion solennelle|profession de foi|rosh hashana/hashanah/hachana|yom kippur|bar/bat mitzvah/mitzva/mitsva|aid el/al kebir/fitr/adha',
    when: (w, f) => {
      // "un chapelet de perles" is a string of pearls; a "rosary necklace" is a jewellery style.
      if (w.text[f] === 'chapelet') return nextOf(w, f) !== 'de';
      if (w.text[f] === 'rosary') return !['necklace', 'bracelet', 'chain', 'style', 'inspired', 'collection'].includes(nextOf(w, f) ?? '');
      return true;
    },
  },
  { cat: 'religion', seq: 'aid', prev: 'l', notNext: 'to|for|of' },
  { cat: 'religion', seq: 'communion|communions', notPrev: 'in|en|with|avec|parfaite|totale|complete' },
  { cat: 'religion', seq: 'baptism|baptisms|bapteme|baptemes', when: (w, _f, last) => { const [n1, n2] = after(w, last, 2); return !(['de', 'du', 'of'].includes(n1 ?? '') && ['l', 'feu', 'air', 'plongee', 'scene', 'fire'].includes(n2 ?? '')); } },
  { cat: 'religion', seq: 'confirmation', prev: 'her|his|their|sa|son', next: 'ceremony|service|gift|mass|ceremonie|cadeau|in|at|on|en|le|this|next|day' },
  { cat: 'religion', seq: 'hijab|hijabs|niqab|burqa|burka|kippah|kippa|kipa|yarmulke|voilee', notNext: 'silk|soie|scarf|print|motif|style', notPrev: 'style|silk|soie|collection' },
  { cat: 'religion', seq: 'pilgrimage|pilgrimages|pelerinage|pelerinages', when: (w, _f, last) => { const [n1, n2] = after(w, last, 2); if (!['to', 'a', 'au', 'aux', 'of', 'de', 'du', 'des'].includes(n1 ?? '')) return true; return ['mecca', 'lourdes', 'jerusalem', 'rome', 'fatima', 'compostelle', 'compostela', 'santiago', 'mecque', 'medine', 'medina', 'varanasi', 'vatican', 'la', 'saint', 'st'].includes(n2 ?? ''); } },
  { cat: 'religion', seq: 'lent|careme', prev: 'during|for|observes|observing|observe|keeps|keeping|le|pendant|du|fait|faire', when: (w, f) => w.text[f] !== 'lent' || ['during', 'for', 'observes', 'observing', 'observe', 'keeps', 'keeping'].includes(prevOf(w, f) ?? '') },
  { cat: 'religion', seq: 'converted|converts|convert|converting|conversion|converti|convertie|convertis|converties|convertit|convertir', after: `${RELIGION_NOUN}|faith|foi|religion`, win: 4 },
  { cat: 'religion', seq: RELIGION_NOUN, when: religionAffiliationOk },
  { cat: 'religion', seq: 'devout|pious|devote|devot|devots|devotes|croyant|croyante|croyants|croyantes|believer|believers|religious|religieux|religieuse|religieuses|religion|religions|faith|foi', when: religionWordOk },
  { cat: 'religion', seq: 'practising|practicing|observant|pratiquant|pratiquante|pratiquants|pratiquantes', notNext: 'de|du|des|d|yoga|golf|tennis|sport|sports|equitation|karate|judo', when: (w, f, last) => {
      // "pratiquante assidue de méditation" is a hobby; "très pratiquante" and "practising Muslim" are faith.
      if (RELIGION_WORDS(nextOf(w, last))) return true;
      const [, n2, n3] = after(w, last, 3);
      if (['de', 'du', 'des', 'd'].includes(n2 ?? '') && !RELIGION_WORDS(n3)) return false;
      return ['pratiquant', 'pratiquante', 'pratiquants', 'pratiquantes', 'observant'].includes(w.text[f]!);
    } },
  {
    cat: 'religion',
    seq: 'mass|masses|messe|messes',
    notPrev: 'grand|grande|critical|land|body|muscle|air',
    when: (w, f) => {
      const [p1, p2, p3] = [prevOf(w, f, 1), prevOf(w, f, 2), prevOf(w, f, 3)];
      const GO = ['goes', 'go', 'going', 'went', 'gone', 'attend', 'attends', 'attended', 'attending'];
      const VA = ['va', 'vont', 'aller', 'allait', 'ira', 'allons', 'assiste', 'assister', 'assistait', 'sortie', 'apres', 'avant', 'pendant', 'depuis', 'manque', 'jamais'];
      if (['attends', 'attend', 'attended', 'attending', 'sunday', 'midnight', 'catholic', 'daily', 'weekly', 'dominicale', 'latin'].includes(p1 ?? '')) return true;
      if (['dominicale', 'de', 'du'].includes(nextOf(w, f) ?? '') && w.text[f]!.startsWith('messe') && ['minuit', 'dimanche', 'dominicale', 'requiem'].includes(nextOf(w, f, nextOf(w, f) === 'dominicale' ? 1 : 2) ?? '')) return true;
      if (p1 === 'to') return GO.includes(p2 ?? '');
      if (p1 === 'la') return VA.includes(p2 ?? '') || (p2 === 'a' && VA.includes(p3 ?? ''));
      if (p1 === 'a' || p1 === 'une' || p1 === 'at') return VA.includes(p2 ?? '') || GO.includes(p2 ?? '');
      return false;
    },
  },
  { cat: 'religion', seq: 'church|churches|mosque|mosques|synagogue|synagogues|temple|temples|chapel|cathedral|eglise|eglises|mosquee|mosquees|chapelle|cathedrale|gurdwara|shul|paroisse', before: 'attends|attend|attended|attending|goes|go|going|went|prays|pray|praying|worships|worship|every|member|congregation|va|vont|allait|frequente|frequenter|assiste|prie|prier|chaque|fidele|regular|regulars|sa|son', win: 3, when: (w, f) => !['sa', 'son'].includes(prevOf(w, f) ?? '') || ['paroisse', 'eglise', 'mosquee', 'synagogue'].includes(w.text[f]!) },
  { cat: 'religion', seq: 'prays|praying|prie|prient|prier|priere|prieres|prayer|prayers', notPrev: 'vous|te|je|nous|on|se', notNext: 'de|d|aux|au|a|of|that' },
  { cat: 'religion', seq: 'worship', notPrev: 'place|places|of' },
  { cat: 'religion', seq: 'culte protestant/catholique/religieux/musulman/juif/israelite' },
  { cat: 'religion', seq: 'mecca|mecque|medina|medine|lourdes', before: 'pilgrimage|pelerinage|hajj|umrah|omra|pray|prays|priere|to|a', notNext: 'of|de|du|des|d', win: 2 },
  { cat: 'religion', seq: 'rabbi|rabbin|imam|imams|priest|pretre|pastor|vicar|bishop|eveque|parishioner|paroissien|paroissienne|congregation|diocese|nun|nonne|moine|monk', prev: 'her|his|their|son|sa|ses|leur|local|own|family|famille' },
  { cat: 'religion', seq: 'jeune|jeunes|jeuner|fasting|fasts|fast', near: 'ramadan|careme|lent|kippour|kippur|yom|religious|religieux|eid|aid', win: 5 },

  // ═════════════ political opinion ═════════════
  { cat: 'political_opinion', seq: `${PARTY_EN.replaceAll('|', '/')} party/parties` },
  { cat: 'political_opinion', seq: 'party|parties', next: 'member|members|membership|activist|activists|donor|donors|politics|conference|whip|candidate|faithful|loyalist|loyalists', notPrev: 'birthday|garden|cocktail|dinner|tea|hen|stag|launch|pool|house|surprise|christmas|engagement|retirement|third|private|dance|block|search|costume|fancy|leaving|office|summer|wedding' },
  { cat: 'political_opinion', seq: 'votes|voted|voting|vote|voter|voters', next: `for|${PARTY_NAMES_EN}`, extend: 2, notNear: 'design|best|dial|colour|color|piece|prize|award|favourite|favorite|board|shareholders|committee|jury|poll|online|instagram|competition|contest|employee|staff|month|salesperson|advisor|window|display|logo|name|packaging|model|version|option', win: 6 },
  { cat: 'political_opinion', seq: 'tory|tories|labourite|blairite|corbynite|thatcherite|brexiteer|brexiteers|remainer|remainers|trumpist|maga|neo nazi|communist|communists|marxist|marxists|socialist|socialists|anarchist|anarchists|fascist|fascists|nazi|libertarian|libertarians|nationalist|nationalists|separatist|separatists|monarchist|monarchists|republican|republicans|democrat|democrats|centrist|centrists|leftist|leftists|progressive|progressives', when: politicalWordOk },
  { cat: 'political_opinion', seq: 'far/hard/extreme right/left/rightwing/leftwing', notNext: 'corner|side|hand|pocket|wrist|door|window|drawer|of|turn|click|column|edge' },
  { cat: 'political_opinion', seq: 'left/right wing/winger/wingers', notNear: 'football|rugby|hockey|team|plays|player|position|building|house|hotel|museum|chateau', win: 5 },
  { cat: 'political_opinion', seq: 'political|politically', next: 'views|view|opinions|opinion|affiliation|affiliations|beliefs|leanings|activist|activism|campaign|donor|donations|party|engagement|sympathies|allegiance|committed|active|engaged|militant' },
  { cat: 'political_opinion', seq: 'campaigned|campaigns|campaigning|canvassed|canvasses|canvassing|canvass', next: 'for|against', near: `${PARTY_NAMES_EN}|election|elections|candidate|mp|senator|mayor|referendum|president|presidential|party|congress|parliament`, win: 6 },
  { cat: 'political_opinion', seq: 'donor|donors|donates|donated|donation|donations|supporter|supporters|member|members|activist|activists|councillor|mp|mep|senator|candidate|delegate', when: (w, _f, last) => { const a = after(w, last, 4); const i = a.findIndex((x) => ['labour', 'tory', 'tories', 'conservative', 'conservatives', 'libdem', 'libdems', 'democrat', 'democrats', 'democratic', 'republican', 'republicans', 'reform', 'snp', 'ukip', 'gop', 'maga', 'greens', 'trump'].includes(x ?? '')); if (i < 0) return false; const tail = a.slice(i); return tail.some((x) => ['party', 'parties', 'campaign', 'cause', 'candidate'].includes(x ?? '')) || ['greens', 'tory', 'tories', 'gop', 'maga', 'snp', 'ukip', 'libdem', 'libdems', 'democrats', 'republicans', 'trump', 'labour'].includes(a[i]!); } },
  { cat: 'political_opinion', seq: 'labour|conservative|green|liberal|democratic|republican|reform|tory|snp', next: 'mp|mps|voter|voters|supporter|supporters|member|members|councillor|councillors|candidate|activist|activists|donor|donors|peer|senator|congressman|congresswoman|government|politician|minister|sympathiser|sympathizer|sympathisers|sympathizers' },
  { cat: 'political_opinion', seq: 'sympathiser|sympathizer|sympathisers|sympathizers', prev: PARTY_NAMES_EN },
  // French.
  { cat: 'political_opinion', seq: 'parti/partis socialiste/communiste/radical/ecologiste/pirate/animaliste/republicain/populaire/anticapitaliste|parti/partis de gauche/droite|parti/partis de la france/republique', notPrev: 'est|suis|es|sont|etait|etais|etaient|etes|sommes|fut|soit|ete|deja|aussi|elle|il|sont' },
  { cat: 'political_opinion', seq: 'parti|partis', prev: 'au|du', before: 'membre|membres|adherent|adherente|adherents|encarte|encartee|encartes|milite|militant|militante|militants|cotise|inscrit|inscrite|elu|elue|candidat|candidate|dirigeant|dirigeante|cadre|adhere|adhesion', win: 4, notNext: 'pris' },
  { cat: 'political_opinion', seq: 'rassemblement national|front national|france insoumise|les republicains|europe ecologie|lutte ouvriere|nouveau parti anticapitaliste|nouveau front populaire|en marche|republique en marche|debout la france|eelv|lfi|nupes|npa|reconquete' , when: (w, f) => w.text[f] !== 'reconquete' || ['vote', 'chez', 'pour', 'a', 'militant', 'militante', 'encarte', 'encartee', 'adherent', 'adherente', 'de'].includes(prevOf(w, f) ?? '') },
  {
    cat: 'political_opinion',
    seq: 'vote|votent|votait|votaient|votera|voteront|voter|votes|votant|votante|electeur|electrice|electeurs|electrices',
    next: `pour|${PARTY_FR}|a|blanc`,
    extend: 2,
    notNear: 'design|modele|cadran|couleur|prix|concours|jury|conseil|assemblee|actionnaires|sondage|instagram|meilleur|meilleure|budget|loi|favori|favorite|plus|vendeur|vendeuse|conseiller|conseillere|mois|employe',
    win: 6,
    when: (w, _f, last) => {
      const [n1, n2] = after(w, last, 2);
      if (n1 === 'a') return ['gauche', 'droite'].includes(n2 ?? '');
      if (n1 === 'pour') return !['le', 'la', 'les', 'l', 'un', 'une', 'ce', 'cette', 'sa', 'son'].includes(n2 ?? '') || ['verts', 'ecologistes', 'republicains', 'socialistes', 'insoumis', 'communistes', 'pen'].includes(after(w, last, 3)[2] ?? '');
      return true;
    },
  },
  { cat: 'political_opinion', seq: 'gauche|droite', prev: 'de|a', when: (w, f) => { const p1 = prevOf(w, f); const p2 = prevOf(w, f, 2) ?? ''; const strong = ['vote', 'votent', 'votait', 'tres', 'plutot', 'resolument', 'profondement', 'clairement', 'farouchement', 'toujours', 'ancre', 'ancree', 'bien']; if (p1 === 'a') return strong.includes(p2); return strong.includes(p2) || ['est', 'etait', 'sont', 'etaient', 'suis', 'homme', 'femme', 'electeur', 'electrice', 'famille', 'militant', 'militante', 'sympathies', 'idees', 'convictions'].includes(p2); }, notNext: 'du|de|des|d|sur|en|dans' },
  { cat: 'political_opinion', seq: 'extreme|ultra droite/gauche' },
  { cat: 'political_opinion', seq: 'encarte|encartee|encartes|encartees' },
  { cat: 'political_opinion', seq: 'militant|militante|militants|militantes|milite|militer|militait|sympathisant|sympathisante|sympathisants|adherent|adherente', notNear: 'associatif|associative|association|humanitaire|caritative|sportive|club|qualite|golf|tennis', win: 4, when: (w, f) => anyWithin(w, f, f, 6, 6, inList('parti|partis|politique|politiques|gauche|droite|elections|election|campagne|candidat|candidate|insoumise|insoumis|rn|lfi|ps|lr|eelv|reconquete|republicains|socialiste|communiste|ecologiste|ecologistes|national|nationale|extreme|marche|verts|pcf|npa')) },
  { cat: 'political_opinion', seq: 'communiste|communistes|socialiste|socialistes|gaulliste|gaullistes|macroniste|macronistes|lepeniste|lepenistes|melenchoniste|melenchonistes|insoumis|insoumise|anarchiste|anarchistes|fasciste|fascistes|facho|fachos|gauchiste|gauchistes|trotskiste|trotskistes|souverainiste|souverainistes|royaliste|royalistes|frontiste|frontistes|zemmourien|zemmourienne|centriste|centristes', when: (w, f) => ['est', 'etait', 'sont', 'un', 'une', 'tres', 'plutot', 'vote', 'militant', 'militante', 'electeur', 'electrice', 'sympathisant', 'sympathisante', 'deja', 'toujours', 'elus', 'elu', 'elue', 'depute', 'deputee', 'senateur', 'senatrice', 'maire', 'conseiller', 'conseillere', 'ancien', 'ancienne', 'convaincu', 'convaincue', 'farouche', 'france'].includes(prevOf(w, f) ?? '') },
  { cat: 'political_opinion', seq: 'opinions/convictions/idees/engagement/sympathies/positions/orientation/appartenance politique/politiques' },

  // ═════════════ sexual life / orientation ═════════════
  { cat: 'sexual_life', seq: 'gay|gays|lesbian|lesbians|lesbienne|lesbiennes|bisexual|bisexuals|bisexuel|bisexuelle|bisexuels|bisexuelles|homosexual|homosexuals|homosexuel|homosexuelle|homosexuels|homosexuelles|homosexuality|homosexualite|heterosexual|heterosexuel|heterosexuelle|pansexual|pansexuel*|asexual|asexuel*|queer|lgbt|lgbtq|lgbtqia|transgender|transgenre|transgenres|transsexual|transsexuel*|non binary|nonbinary|intersex*', notNext: 'pride|rights|charity|parade|flag|icon|icons|friendly|community|association|fondation|foundation|collection|bar|club|paree|village|district|marais|quarter|quartier|film|films|festival|fund|fonds|gala|week' },
  { cat: 'sexual_life', seq: 'came/comes/come/coming out as', next: 'gay|lesbian|bi|bisexual|trans|transgender|queer|non|nonbinary|pansexual|asexual' },
  { cat: 'sexual_life', seq: 'coming out', prev: 'son|sa|her|his|their|fait|faire|un|apres|after|since|depuis', notNext: 'as|of|party|parties|soon|season' },
  { cat: 'sexual_life', seq: 'his husband/husbands/boyfriend/boyfriends|her wife/wives|same sex|meme sexe' },
  { cat: 'sexual_life', seq: 'affair|affairs', prev: 'an|extramarital|secret|having|had|extra|illicit', notPrev: 'love', notNear: 'emerald*|diamond*|pearl*|ruby|rubies|sapphire*|jewel*|watch*|gold|art|design|fashion|family|business|state|public|current|foreign|legal', win: 4 },
  { cat: 'sexual_life', seq: 'cheating|cheated|cheats|cheat on', when: (w, f, last) => w.text[last] === 'on' || nextOf(w, last) === 'on' },
  { cat: 'sexual_life', seq: 'unfaithful|infidelity|infidelities|adultery|adulterous|mistress|mistresses', notNext: 'of' },
  { cat: 'sexual_life', seq: 'lover|lovers', prev: 'her|his|their|a|secret|new|younger|older', notNext: 'of' },
  { cat: 'sexual_life', seq: 'sex|sexual|sexually|sexuality|libido|erectile|viagra|polyamor*|swinger|swingers', notNext: 'pistols|appeal|symbol|and|ed|education|bomb|kitten', notPrev: 'the|opposite|same|fair|gentle' },
  { cat: 'sexual_life', seq: 'liaison|liaisons', prev: 'une|sa|son|leur|des|ses', next: 'avec|amoureuse|extraconjugale|extraconjugales|secrete|cachee|adultere' },
  { cat: 'sexual_life', seq: 'infidele|infideles|infidelite|infidelites|adultere|adulteres|amant|amante|amants|amantes', notNext: 'de|d|des|du' },
  { cat: 'sexual_life', seq: 'trompe|trompee|trompait|trompaient|trompes', prev: 'l|la|le|sa|son|les|se|a', notNext: 'l|oeil' },
  { cat: 'sexual_life', seq: 'maitresse|maitresses', prev: 'sa|une|ses|des|nouvelle', notNext: 'de|d' },
  { cat: 'sexual_life', seq: 'sexuel|sexuelle|sexuels|sexuelles|sexualite|libido|echangisme|echangiste|echangistes' },
  { cat: 'sexual_life', seq: 'grindr|tinder|hinge|bumble|feeld', before: 'on|met|meets|uses|sur|rencontre|rencontree|rencontres|profile|profil|app|appli', win: 3 },

  // ═════════════ racial or ethnic origin ═════════════
  { cat: 'ethnicity', seq: 'ethnicity|ethnicities|racial|racially|ethnie|ethnies|ethnically|race' , when: (w, f, last) => { const a = w.text[f]!; if (a !== 'race') return true; const p = prevOf(w, f); return ['mixed', 'her', 'his', 'their', 'of', 'any', 'another', 'different', 'same', 'white', 'black'].includes(p ?? '') && !['horse', 'the', 'a', 'boat', 'car', 'yacht', 'rat', 'arms'].includes(p ?? '') && !['day', 'days', 'meeting', 'track', 'horse', 'horses', 'car', 'cars', 'course', 'against', 'to', 'for'].includes(nextOf(w, last) ?? ''); } },
  { cat: 'ethnicity', seq: 'ethnic|ethnique|ethniques', next: 'origin|origins|background|backgrounds|minority|minorities|group|groups|identity|heritage|community|communities|origine|origines|minorite|minorites|groupe|groupes|communaute|communautes|appartenance|profiling|discrimination' },
  { cat: 'ethnicity', seq: 'origine/appartenance/minorite/minorites ethnique/ethniques' },
  { cat: 'ethnicity', seq: 'mixed race|biracial|multiracial|metis|metisse|metisses|african american|african americans|afro american|afro caribbean|black british|white british|black african|black caribbean|british asian|british indian|british pakistani|british bangladeshi|first nations|native american|native americans|aboriginal|indigenous|inuit|maori|roma|romani|gypsy|gypsies|gitan|gitane|gitans|gitanes|tsigane|tsiganes|manouche|manouches|yenish|sinti|igbo|yoruba|hausa|fulani|peul|peuls|kurd|kurds|kurdish|kurde|kurdes|tamil|tamils|tamoul|tamoule|uyghur|uighur|ouighour|ouighours|pashtun|hmong|berber|berbere|berberes|kabyle|kabyles|amazigh|maghrebin|maghrebine|maghrebins|maghrebines|antillais|antillaise|antillaises|sepharade|sepharades|ashkenaze|ashkenazes|ashkenazi|beur|beurette|rebeu|renoi', when: ethnicityOk },
  { cat: 'ethnicity', seq: 'origin|descent|heritage|ancestry|extraction|roots', before: 'of|d', win: 4, when: (w, f) => personBefore(w, f, 8) && !objectNear(w, f) },
  { cat: 'ethnicity', seq: 'origins|roots', prev: 'her|his|their|my|your', notNext: 'of', when: (w, f) => !objectNear(w, f) },
  { cat: 'ethnicity', seq: 'origine|origines', prev: 'd|de', when: (w, f) => ['est', 'etait', 'sont', 'etaient', 'famille', 'familles', 'parents', 'personne', 'femme', 'homme', 'mere', 'pere', 'client', 'cliente', 'mari', 'epouse', 'elle', 'il', 'couple', 'nee', 'ne', 'fille', 'fils', 'enfant', 'enfants', 'soeur', 'frere', 'issu', 'issue', 'issus', 'issues', 'grand', 'grands', 'dame', 'monsieur', 'madame'].includes(prevOf(w, f, 2) ?? '') && !objectNear(w, f) },
  { cat: 'ethnicity', seq: 'origines', prev: 'ses|leurs|mes|tes|nos|vos|sa|son', notNext: 'de|du|des|d', when: (w, f) => !objectNear(w, f) },
  { cat: 'ethnicity', seq: 'skin colour/color|couleur de peau', notNext: 'match|matching|swatch' },

  // ═════════════ biometric and genetic ═════════════
  { cat: 'biometric', seq: 'fingerprint|fingerprints|thumbprint|thumbprints', notNext: 'resistant|proof|free|resistance|magnet|smudges|marks|smudge|finish|coating', notPrev: 'anti|no|without|sans|any|leaves|leave|show|shows|showing' },
  { cat: 'biometric', seq: 'facial/face recognition/scan/scans/scanning/biometrics/geometry/template|iris/retina/retinal/palm/vein/voice scan/scans/scanner/recognition/print/prints/biometrics|voiceprint|voiceprints|biometric|biometrics|biometry|biometrie|biometrique|biometriques|faceprint' },
  {
    cat: 'biometric',
    seq: 'dna|adn',
    notNext: 'of|de|du|des|d',
    when: (w, f) => {
      const p = prevOf(w, f) ?? '';
      const n = nextOf(w, f) ?? '';
      return ['her', 'his', 'their', 'my', 'genetic', 'test', 'tests', 'son', 'sa', 'leur'].includes(p) || ['test', 'tests', 'testing', 'sample', 'samples', 'results', 'result', 'analysis', 'kit', 'profile', 'match', 'swab', 'sequencing'].includes(n) || (p === 'd' && ['test', 'tests', 'analyse', 'prelevement', 'echantillon', 'resultats'].includes(prevOf(w, f, 2) ?? ''));
    },
  },
  { cat: 'biometric', seq: 'genetic|genetics|genetique|genetiques|genome|genomic|genomique', next: 'test|tests|testing|data|profile|analysis|screening|sequencing|donnees|analyse|profil|depistage|results|test|heritage|ancestry' },
  { cat: 'biometric', seq: 'test/tests/analyse/analyses genetique/genetiques/adn' },
  { cat: 'biometric', seq: 'empreinte/empreintes digitale/digitales/palmaire/palmaires/vocale/vocales/genetique/genetiques/retinienne/biometrique|reconnaissance faciale/vocale/biometrique/digitale' },

  // ═════════════ criminal convictions and offences ═════════════
  { cat: 'criminal', seq: 'criminal', next: 'record|records|conviction|convictions|past|charge|charges|case|cases|proceedings|offence|offences|offense|offenses|history|investigation|inquiry|trial|complaint|court', notPrev: 'no' },
  { cat: 'criminal', seq: 'convicted|convict|convicts|indicted|indictment|acquitted|acquittal|sentenced|jailed|imprisoned|imprisonment|incarcerated|incarceration|inmate|felon|felony|felonies|misdemeanour|misdemeanor|parolee|extradited|extradition' },
  { cat: 'criminal', seq: 'conviction|convictions', prev: 'criminal|previous|prior|past|spent|fraud|drug|drugs|two|three|several|drink|driving|assault|theft|a', notNext: 'that|in|about|for|to', when: (w, f) => prevOf(w, f) !== 'a' || ['for', 'fraud', 'assault'].includes(nextOf(w, f) ?? '') },
  { cat: 'criminal', seq: 'conviction|convictions', next: 'for', when: (w, _f, last) => !['the', 'a', 'her', 'his'].includes(after(w, last, 2)[1] ?? '') || anyWithin(w, _f, last, 0, 4, inList('fraud|theft|assault|murder|evasion|laundering|possession|driving|bribery|corruption')) },
  { cat: 'criminal', seq: 'probation', notNext: 'period|periods|month|months|review|officer', notPrev: 'new|staff|employee|his|her|trial|its' },
  { cat: 'criminal', seq: 'probation officer' },
  { cat: 'criminal', seq: 'prison|prisons|jail|jails|gaol|penitentiary', notNext: 'break|cell|style|chic|bar|bars|architecture|collection|series|drama', when: (w, f) => prevOf(w, f) !== 'the' || ['in', 'from', 'out', 'to', 'left', 'released'].includes(prevOf(w, f, 2) ?? '') },
  { cat: 'criminal', seq: 'prisoner|prisoners|prisonnier|prisonniere|prisonniers', notNext: 'of|de|du|des|d|azkaban|zenda', notPrev: 'the|le|la' },
  { cat: 'criminal', seq: 'detenu|detenue|detenus|detenues', prev: 'ancien|ancienne|un|une|est|etait|en', notNext: 'par|a|au|dans|depuis|en' },
  { cat: 'criminal', seq: 'arrested', notNext: 'development|movement|decline|motion' },
  { cat: 'criminal', seq: 'arrest', prev: 'under|house|his|her|their|an|warrant|citizen|after|since|s', notNext: 'lever|function|mechanism|seconds|hand', notPrev: 'cardiac|heart|respiratory' },
  { cat: 'criminal', seq: 'arrest warrant|police custody|on bail|on parole|plea deal|plea bargain|pleaded/pleads/plead guilty|found guilty|pleaded not guilty|served/serving/doing time|ankle tag|electronic tag|ankle monitor|suspended sentence|prison/jail/custodial sentence|drink/drunk driving|dui|dwi|driving ban|tax evasion|tax fraud|money laundering|insider trading|embezzlement|embezzled|bribery|manslaughter|assault charge/charges|under/police/criminal/fraud investigation|fraud trial|stood/stand/standing trial|restraining order|sex offender|ex con|criminal lawyer hired|community service order|community service hours|sentenced to community service' , when: (w, f) => !(w.text[f] === 'under' && !['police', 'investigation'].includes(nextOf(w, f) ?? '')) },
  { cat: 'criminal', seq: 'custody', prev: 'in|police', notNear: 'child|children|shared|joint|kids|son|daughter|sole|battle|divorce|garde|of|the', win: 3 },
  { cat: 'criminal', seq: 'charged/accused/suspected with/of', when: (w, _f, last) => anyWithin(w, _f, last, 0, 3, inList('fraud|assault|theft|murder|manslaughter|bribery|corruption|evasion|embezzlement|harassment|rape|abuse|laundering|trafficking|insider|stealing|shoplifting|possession|smuggling|stalking|burglary|robbery|drink|dui|perjury|forgery|extortion|blackmail|kidnapping|arson|vandalism|crime|crimes|offence|offences|offense|offenses')) },
  { cat: 'criminal', seq: 'on trial', notPrev: 'watch|piece|strap|bracelet|ring|home|free', notNext: 'basis|period|for', when: (w, f) => !['watch', 'piece', 'strap', 'bracelet', 'ring', 'it', 'them'].includes(prevOf(w, f) ?? '') },
  { cat: 'criminal', seq: 'offender|offenders', prev: 'sex|young|repeat|convicted|serious|known|violent|an|first|persistent|time' },
  { cat: 'criminal', seq: 'court case', notPrev: 'civil|divorce|custody|employment|commercial|trademark|patent|inheritance|probate|family' },
  { cat: 'criminal', seq: 'fraud|theft|assault|murder|shoplifting|burglary|rape|trafficking|smuggling|stalking|harassment|corruption', before: 'prison|jail|jailed|convicted|sentenced|arrested|charged|accused|indicted|guilty|trial|prosecuted|prosecution|suspected', win: 6 },
  // French.
  { cat: 'criminal', seq: 'casier judiciaire/judiciaires' },
  { cat: 'criminal', seq: 'condamne|condamnee|condamnes|condamnees', notPrev: 'porte|portes|fenetre|fenetres|acces|sortie|boutique|magasin|entree|piece|aile|escalier|passage|rue|route|etage|batiment|projet', when: (w, _f, last) => { const [n1, n2] = after(w, last, 2); if (n1 === 'a') return /^(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|prison|amende|verser|payer|mort|perpetuite|rembourser)$/.test(n2 ?? ''); return ['pour', 'par', 'en', 'avec', 'aux', 'definitivement'].includes(n1 ?? '') || ['ete', 'etre', 'deja', 'ancien', 'ancienne', 'un', 'une', 'fut', 'avait'].includes(prevOf(w, _f) ?? ''); } },
  { cat: 'criminal', seq: 'condamnation|condamnations', notNext: 'morale|unanime|publique|sans|de|du|des', notPrev: 'sa|la|une|leur|ferme', when: (w, f) => ['sa', 'une', 'ses', 'des', 'sa', 'penale', 'pénale', 'deux', 'trois', 'plusieurs', 'ancienne', 'son', 'avec', 'leur'].includes(prevOf(w, f) ?? '') || ['pour', 'a', 'penale'].includes(nextOf(w, f) ?? '') },
  { cat: 'criminal', seq: 'condamnation/condamnations pour/penale/penales|sa/une condamnation pour' },
  { cat: 'criminal', seq: 'inculpe|inculpee|inculpes|mis/mise/mises en examen|ecroue|ecrouee|ecroues|incarcere|incarceree|incarceres|incarceration|emprisonne|emprisonnee|emprisonnement|garde a vue|bracelet electronique|liberte conditionnelle|controle judiciaire|tribunal correctionnel|cour d assises|fraude fiscale|evasion fiscale|blanchiment d argent|blanchiment de capitaux|abus de biens sociaux|detournement de fonds|delit d initie|conduite en etat d ivresse|alcool au volant|retrait de permis|vol a l etalage|recel|perquisition|perquisitionne|perquisitionnee|prevenu pour|sursis probatoire|peine de prison|prison avec/ferme sursis|prison ferme|mois/ans de prison|en prison|sort/sorti/sortie/libere/liberee de prison|zonzon|taule' },
  { cat: 'criminal', seq: 'gav', prev: 'en|sa|sorti|sortie' },
  { cat: 'criminal', seq: 'arrete|arretee|arretes|arretees|interpelle|interpellee|interpelles', prev: 'ete|etre|fut|etait', notNext: 'de|d' },
  { cat: 'criminal', seq: 'proces', when: (w, f) => { const n = nextOf(w, f) ?? ''; if (['verbal', 'verbaux', 'd', 'de', 'des', 'du'].includes(n)) return false; return ['pour', 'penal', 'criminel', 'correctionnel', 'en'].includes(n) || ['son', 'sa', 'leur', 'au', 'lors', 'pendant'].includes(prevOf(w, f) ?? ''); } },
  { cat: 'criminal', seq: 'delit|delits', notNext: 'de|d', when: (w, f) => ['un', 'pour', 'son', 'ses', 'des', 'de', 'du', 'accuse', 'accusee', 'soupconne'].includes(prevOf(w, f) ?? '') },
  { cat: 'criminal', seq: 'delit d/de initie/fuite/favoritisme' },
  { cat: 'criminal', seq: 'escroquerie|escroqueries|fraude|vol|crime', prev: 'pour|d', before: 'condamne|condamnee|accuse|accusee|soupconne|soupconnee|poursuivi|poursuivie|inculpe|inculpee|examen|enquete|plainte|prison|arrete|arretee|interpelle|interpellee', win: 5 },

  // ═════════════ trade-union membership ═════════════
  { cat: 'trade_union', seq: 'trade/trades/labour/labor union/unions|union member/members/membership/rep/reps/representative/representatives/official/officials/steward/stewards/delegate/delegates/activist/activists/card/dues/branch|shop steward/stewards|unionised|unionized|tuc|afl cio|teamsters|unite union|unison member/members/rep|gmb member/members/rep|nurses/teachers/doctors/pilots union|rmt|nasuwt|usdaw|bma member|on strike with the union', when: (w, f) => { const p = prevOf(w, f); return !(w.text[f] === 'union' && ['european', 'soviet', 'student', 'students', 'credit', 'civil', 'customs', 'monetary', 'rugby'].includes(p ?? '')); } },
  { cat: 'trade_union', seq: 'trade unionist|trade unionists|union organiser|union organizer' },
  { cat: 'trade_union', seq: 'syndicat|syndicats', when: (w, f) => { const n = nextOf(w, f) ?? ''; const n2 = nextOf(w, f, 2) ?? ''; if (['mixte', 'intercommunal', 'intercommunaux', 'viticole', 'agricole', 'patronal'].includes(n)) return false; if (['de', 'des', 'd', 'du'].includes(n)) return !/^(copropriet|coproprietaire|initiative|eaux|proprietaire|communes|transport|gestion|producteurs|vignerons|viticulteurs|eleveurs|agriculteurs|apiculteurs|negociants|joailliers|horlogers|haute|createurs|fabricants|la|l|commune|quartier|immeuble)/.test(n2); return true; } },
  { cat: 'trade_union', seq: 'syndical|syndicale|syndicaux|syndicales|syndicaliste|syndicalistes|syndicalisme|syndiquee|syndiquees|cgt|cfdt|cftc|cgc|unsa|fsu|snes|snuipp|force ouvriere|sud rail/sante/education/solidaires|delegue/deleguee/delegues du personnel|representant/representante du personnel' },
  { cat: 'trade_union', seq: 'syndique|syndiques', prev: 'est|etait|sont|suis|deja|tres|il|ils|elle|pas|etre|reste', notNext: 'de|du' },
  { cat: 'trade_union', seq: 'fo', when: (w, f) => [prevOf(w, f, 2), prevOf(w, f, 3)].some((x) => /^(syndiqu|adher|milit|encart|delegu|membre|cotise)/.test(x ?? '')) || /^(syndiqu|adher|milit|encart|delegu|membre|cotise)/.test(prevOf(w, f) ?? '') },
];

// ───────────── helpers for the `when` checks ─────────────

const AFFILIATION_PREV = new Set(['is', 'was', 'are', 'were', 'devout', 'practising', 'practicing', 'observant', 'strict', 'strictly', 'born', 'est', 'etait', 'sont', 'tres', 'fervent', 'fervente', 'converted', 'convert', 'devote', 'pratiquant', 'pratiquante', 'orthodox', 'orthodoxe', 'reform', 'liberal', 'hasidic', 'observing', 'raised', 'eleve', 'elevee', 'non', 'comme', 'being', 'etre', 'become', 'became', 'devenu', 'devenue', 'catholique', 'catholic', 'muslim', 'musulman', 'musulmane', 'juif', 'juive', 'jewish', 'protestant', 'protestante', 'evangelical', 'greek', 'russian', 'coptic', 'lapsed', 'former', 'ancien', 'ancienne']);
const AFFILIATION_NEXT = new Set(['faith', 'family', 'families', 'woman', 'man', 'women', 'men', 'community', 'believer', 'convert', 'practising', 'practicing', 'pratiquant', 'pratiquante', 'pratiquants', 'pratiquantes', 'croyant', 'croyante', 'fervent', 'fervente', 'observant', 'famille', 'femme', 'homme', 'communaute', 'foi', 'convictions', 'beliefs', 'upbringing', 'education', 'mother', 'father', 'parents', 'mere', 'pere', 'wedding', 'mariage', 'funeral', 'enterrement', 'obseques', 'ceremony', 'ceremonie', 'rites', 'rite', 'prayers', 'holidays', 'holiday', 'fetes', 'dietary', 'alimentaire', 'values', 'valeurs']);
const NOT_AFFILIATION_NEXT = new Set(['school', 'schools', 'ecole', 'college', 'university', 'universite', 'charity', 'hospital', 'hopital', 'church', 'art', 'architecture', 'style', 'cathedral', 'quarter', 'quartier', 'museum', 'musee', 'heritage', 'patrimoine', 'history', 'histoire', 'motif', 'motifs', 'cross', 'croix', 'design', 'collection', 'dior', 'louboutin', 'lacroix', 'christensen', 'bale', 'liaigre', 'ghanem', 'troyes', 'marclay', 'boltanski', 'louis', 'oats', 'calendar', 'calendrier', 'icon', 'icons', 'icone', 'icones', 'manuscript', 'manuscrit', 'miniatures', 'tiles', 'carreaux', 'mosaics', 'mosaiques', 'pattern', 'patterns']);
/** Affiliation words that are also first names, surnames or style adjectives. */
const AMBIGUOUS_AFFILIATION = new Set(['christian', 'christians', 'orthodox', 'orthodoxe', 'orthodoxes', 'evangelical', 'quaker', 'quakers', 'bahai', 'jain', 'jains', 'anglican', 'anglicans', 'anglicane', 'baptist', 'methodist', 'methodiste', 'adventist', 'adventiste', 'pagan', 'copt', 'copte', 'coptes', 'maronite', 'maronites', 'druze', 'druzes', 'alevi', 'alevie', 'jew', 'jews', 'protestant', 'protestants', 'protestante', 'protestantes', 'israelite']);

/** "Catholic", "Muslim", "juive": a person's affiliation, not "Catholic school", "Christian Dior", "Gothic cathedral". */
function religionAffiliationOk(w: Words, f: number): boolean {
  const a = w.text[f]!;
  const p = prevOf(w, f) ?? '';
  const n = nextOf(w, f) ?? '';
  if (NOT_AFFILIATION_NEXT.has(n)) return false;
  if (AMBIGUOUS_AFFILIATION.has(a)) return AFFILIATION_PREV.has(p) || AFFILIATION_NEXT.has(n) || ['a', 'an', 'un', 'une'].includes(p) && ['is', 'est', 'was', 'etait'].includes(prevOf(w, f, 2) ?? '');
  return true;
}

/** "her faith", "sa religion", "croyante"; not "in good faith", "ma foi", "a religious silence". */
function religionWordOk(w: Words, f: number): boolean {
  const a = w.text[f]!;
  const p = prevOf(w, f) ?? '';
  const n = nextOf(w, f) ?? '';
  switch (a) {
    case 'religion':
    case 'religions':
    case 'faith':
    case 'foi':
      if (['good', 'bad', 'bonne', 'mauvaise', 'ma', 'faith', 'leap', 'blind', 'profession'].includes(p)) return false;
      return ['her', 'his', 'their', 'sa', 'son', 'leur', 'of', 'religious', 'by', 'practise', 'practice', 'pratique', 'pratiquer', 'converted', 'convertie', 'converti', 'la', 'deep', 'strong', 'profonde', 'forte'].includes(p) && !(p === 'la' && !['catholique', 'musulmane', 'juive', 'chretienne', 'protestante', 'islamique'].includes(n)) || ['catholique', 'musulmane', 'juive', 'chretienne', 'protestante'].includes(n);
    case 'religious':
    case 'religieux':
    case 'religieuse':
    case 'religieuses':
      if (['silence', 'care', 'devotion', 'zeal', 'precision', 'respect'].includes(n) || ['quasi', 'almost', 'with', 'avec', 'un', 'une', 'silence'].includes(p)) return false;
      return ['beliefs', 'belief', 'views', 'reasons', 'raisons', 'convictions', 'croyances', 'family', 'famille', 'practice', 'pratique', 'holiday', 'holidays', 'festival', 'fete', 'fetes', 'ceremony', 'ceremonie', 'wedding', 'mariage', 'jewish', 'muslim', 'catholic', 'community', 'communaute', 'reasons', 'grounds', 'motifs', 'obligations', 'observance', 'dietary', 'fasting', 'jeune', 'restrictions', 'interdits', 'upbringing', 'education', 'tres', 'very', 'deeply', 'profondement'].includes(n) || ['very', 'deeply', 'is', 'est', 'tres', 'profondement', 'devoutly', 'strictly', 'quite', 'assez', 'plutot'].includes(p);
    case 'devote':
    case 'devot':
    case 'devots':
    case 'devotes':
      return ['tres', 'est', 'etait', 'sont', 'fort', 'assez'].includes(p) && !['de', 'du', 'des', 'a', 'au', 'aux'].includes(n);
    case 'croyant':
    case 'croyante':
    case 'croyants':
    case 'croyantes':
    case 'believer':
    case 'believers':
      return !['in', 'en', 'au', 'aux', 'that', 'que'].includes(n) && !['firm', 'great', 'big', 'strong', 'grand', 'grande'].includes(p);
    default:
      return true;
  }
}

const POLITICAL_AFFIRM_PREV = new Set(['is', 'was', 'are', 'a', 'an', 'staunch', 'lifelong', 'committed', 'convinced', 'hardline', 'diehard', 'fervent', 'passionate', 'devoted', 'card', 'carrying', 'votes', 'voted', 'vote', 'been', 'being', 'as', 'become', 'became', 'former', 'ardent', 'proud', 'registered', 'true', 'confirmed', 'avowed', 'very', 'lifelong', 'loyal']);
function politicalWordOk(w: Words, f: number): boolean {
  const a = w.text[f]!;
  const p = prevOf(w, f) ?? '';
  const n = nextOf(w, f) ?? '';
  if (['tory', 'tories', 'labourite', 'blairite', 'corbynite', 'thatcherite', 'brexiteer', 'brexiteers', 'remainer', 'remainers', 'trumpist', 'maga'].includes(a)) return !['style', 'era', 'blue'].includes(n);
  if (['era', 'style', 'architecture', 'realism', 'art', 'design', 'china', 'party', 'regime', 'period', 'poster', 'posters', 'propaganda', 'chic', 'look', 'values'].includes(n)) return false;
  if (a === 'progressive' || a === 'progressives') return ['votes', 'voted', 'vote', 'staunch', 'lifelong', 'committed'].includes(p) || ['politics', 'voter', 'voters', 'candidate', 'caucus'].includes(n);
  return POLITICAL_AFFIRM_PREV.has(p) || ['donor', 'donors', 'voter', 'voters', 'supporter', 'supporters', 'activist', 'activists', 'senator', 'congressman', 'congresswoman', 'candidate', 'primary', 'convention', 'fundraiser', 'politics', 'views', 'sympathies', 'leanings', 'sympathiser', 'sympathizer', 'sympathisers', 'sympathizers'].includes(n);
}

function ethnicityOk(w: Words, f: number): boolean {
  const a = w.text[f]!;
  const p = prevOf(w, f) ?? '';
  const n = nextOf(w, f) ?? '';
  const styleNext = ['style', 'inspired', 'print', 'prints', 'motif', 'motifs', 'pattern', 'patterns', 'jewellery', 'jewelry', 'bijoux', 'bijou', 'collection', 'cuff', 'cuffs', 'necklace', 'rug', 'rugs', 'tapis', 'kilim', 'carpet', 'carpets', 'design', 'art', 'silver', 'argent', 'chic', 'jazz', 'swing', 'guitar', 'guitare', 'music', 'musique', 'village', 'villages', 'collier', 'bracelet', 'bracelets', 'manchette', 'boutique', 'store', 'via', 'capitale', 'termini', 'fiumicino', 'cigarette', 'cigarettes', 'kings', 'scarf', 'foulard', 'caravan', 'dress', 'robe', 'skirt', 'jupe', 'look', 'mood', 'tapestry', 'tapisserie', 'weaving', 'tissage', 'cuisine', 'food', 'restaurant', 'tea', 'the', 'species', 'plants', 'flora', 'painting', 'paintings', 'peinture', 'peintures'];
  if (styleNext.includes(n)) return false;
  if (['style', 'facon', 'inspiration', 'esprit', 'genre', 'mode', 'look', 'jazz', 'as', 'via', 'boutique', 'the', 'aux', 'au', 'en', 'a', 'de', 'in', 'to', 'from', 'rome', 'roma', 'bijoux', 'tapis', 'rug', 'rugs', 'cuisine', 'restaurant'].includes(p)) {
    // "the Roma boutique", "à la berbère", "bijoux berbères", "in Roma". A few phrases are fine after these.
    return (p === 'de' && ['origine'].includes(prevOf(w, f, 2) ?? '')) || (p === 'a' && ['is', 'was'].includes(prevOf(w, f, 2) ?? ''));
  }
  if (a === 'roma' || a === 'romani') return ['is', 'are', 'was', 'were', 'of', 'romani', 'est', 'une', 'un', 'famille', 'family', 'sont'].includes(p) || ['community', 'family', 'people', 'origin', 'heritage', 'descent', 'woman', 'man', 'famille', 'communaute'].includes(n);
  if (['gypsy', 'gypsies', 'gitan', 'gitane', 'gitans', 'gitanes', 'manouche', 'manouches', 'berber', 'berbere', 'berberes', 'kabyle', 'kabyles', 'amazigh', 'tamil', 'tamils', 'tamoul', 'tamoule', 'hmong', 'igbo', 'yoruba', 'hausa', 'fulani', 'peul', 'peuls', 'kurd', 'kurds', 'kurdish', 'kurde', 'kurdes', 'inuit', 'maori', 'aboriginal', 'indigenous', 'pashtun'].includes(a)) {
    return ['is', 'are', 'was', 'were', 'est', 'une', 'un', 'sont', 'famille', 'family', 'of', 'd', 'origine', 'origin', 'nigerian', 'algerian', 'moroccan', 'algerienne', 'algerien', 'marocaine', 'marocain', 'lankan', 'irakien', 'iraqi', 'turkish', 'turc', 'syrian', 'syrien', 'iranian', 'iranien', 'new', 'zealand', 'australian', 'canadian', 'her', 'his', 'their', 'sa', 'son', 'leur'].includes(p) || ['family', 'origin', 'descent', 'heritage', 'community', 'famille', 'origine', 'communaute', 'woman', 'man', 'femme', 'homme', 'roots', 'racines', 'parents', 'grandparents', 'ancestry', 'background'].includes(n);
  }
  return true;
}

const PEOPLE = new Set(['is', 'are', 'was', 'were', 'family', 'parents', 'she', 'he', 'her', 'his', 'born', 'client', 'husband', 'wife', 'mother', 'father', 'grandparents', 'grandmother', 'grandfather', 'man', 'woman', 'lady', 'gentleman', 'son', 'daughter', 'children', 'they', 'them', 'partner', 'fiance', 'fiancee', 'couple', 'people', 'person', 'herself', 'himself', 'descendant', 'descends', 'descended', 'elle', 'il', 'est', 'famille', 'femme', 'homme', 'mari', 'epouse', 'cliente']);
function personBefore(w: Words, f: number, win: number): boolean {
  for (let k = f - 1; k >= f - win; k--) if (PEOPLE.has(w.at(k, f) ?? '')) return true;
  return false;
}

const THINGS = new Set(['leather', 'calfskin', 'cuir', 'veau', 'gold', 'or', 'stone', 'stones', 'pierre', 'pierres', 'diamond', 'diamonds', 'diamant', 'diamants', 'silk', 'soie', 'wool', 'laine', 'cashmere', 'cachemire', 'wood', 'bois', 'piece', 'pieces', 'watch', 'montre', 'bag', 'sac', 'house', 'maison', 'brand', 'marque', 'collection', 'design', 'craft', 'craftsmanship', 'savoir', 'emerald', 'emeralds', 'emeraude', 'emeraudes', 'pearl', 'pearls', 'perle', 'perles', 'ruby', 'rubies', 'rubis', 'sapphire', 'sapphires', 'saphir', 'saphirs', 'certificate', 'certificat', 'boite', 'box', 'ecrin', 'papers', 'papiers', 'parts', 'movement', 'mouvement', 'cadran', 'dial', 'bracelet', 'strap', 'materials', 'materiaux', 'wine', 'vin', 'coffee', 'cafe', 'champagne', 'fabric', 'tissu', 'appellation', 'controlee', 'protegee', 'label', 'aoc', 'aop', 'name', 'nom', 'word', 'mot', 'motif', 'style', 'tradition', 'recipe', 'recette', 'fragrance', 'parfum', 'scent', 'perfume', 'country', 'pays', 'product', 'produit', 'produits', 'products', 'ring', 'bague', 'necklace', 'collier', 'jewel', 'jewels', 'bijou', 'bijoux', 'artisans', 'artisan', 'cotton', 'coton', 'linen', 'lin', 'rug', 'tapis', 'cocoa', 'cacao', 'vanilla', 'vanille', 'tea', 'cigars', 'cigares', 'rum', 'rhum', 'metal', 'metals', 'silver', 'argent', 'platinum', 'platine', 'shell', 'nacre', 'mother', 'design']);
function objectNear(w: Words, f: number): boolean {
  for (let k = f - 6; k <= f + 3; k++) {
    if (k === f) continue;
    const t = w.at(k, f);
    // "mother" counts as a thing only in "mother of pearl".
    if (t === 'mother' && w.at(k + 2, f) !== 'pearl') continue;
    if (t !== undefined && THINGS.has(t)) return true;
  }
  return false;
}
