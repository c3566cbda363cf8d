/**
 * The record of processing activities (GDPR art. 30), generated from the policy table in plain
 * English or French: who the controller is, why data is processed and on which basis, about whom,
 * what, for how long, to whom it goes (no one), and how it is protected. Nothing here is written
 * by hand per purpose or category: add one to the policy and it appears here.
 */
import { RETENTION_KEEP_MONTHS, type RecordSection } from '../../contract/index.js';
import type { Db } from '../../../db/store.js';
import { frenchSpacing } from './typography.js';
import {
  BASES,
  CATEGORIES,
  NON_CLIENT_PURPOSE,
  PURPOSES,
  SPECIAL_CATEGORIES,
  categories,
  purposes,
  retentionText,
  type NonClientAllowance,
  type RetentionRule,
} from './policy.js';

type Locale = 'en' | 'fr';

export interface RecordContext {
  now: Date;
  /** Minutes without activity before Carnet locks itself. */
  autoLockMinutes: number;
  /** Days between a withdrawal and the purge of what it covered. */
  graceDays: number;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** "a, b and c" / "a, b et c". */
function list(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'en' ? ' and ' : ' et ';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1) ?? ''}`;
}

export async function buildRecordOfProcessing(db: Db, locale: Locale, context: RecordContext): Promise<RecordSection[]> {
  const advisor = await db.selectFrom('advisor').select(['display_name', 'maison', 'boutique', 'time_zone']).executeTakeFirst();
  const maison = advisor?.maison ?? (locale === 'en' ? 'The maison' : 'La maison');
  let timeZone = 'UTC';
  if (advisor) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: advisor.time_zone });
      timeZone = advisor.time_zone;
    } catch {
      // An unknown zone in an old store: the date is given in UTC.
    }
  }
  const date = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone }).format(context.now);
  // French is typeset here, at the source: U+202F before ; ? ! and U+00A0 before :.
  const t = (en: string, fr: string): string => (locale === 'en' ? en : frenchSpacing(fr));

  const nonClient = categories
    .map((c) => CATEGORIES[c].nonClient)
    .filter((a): a is NonClientAllowance => a !== null);
  const nonClientRetention: RetentionRule | undefined = nonClient[0]?.retention;
  const mappingLabel = PURPOSES[NON_CLIENT_PURPOSE].label[locale].toLowerCase();
  const specialLabels = Object.values(SPECIAL_CATEGORIES).map((s) => s.label[locale]);

  const controller: RecordSection = {
    id: 'controller',
    title: t('Controller', 'Responsable du traitement'),
    paragraphs: [
      advisor
        ? t(
            `${maison} is the controller of this processing. It is carried out in Carnet, on this laptop, by ${advisor.display_name}, client advisor at ${advisor.boutique}.`,
            `${maison} est responsable de ce traitement. Il est mis en œuvre dans Carnet, sur cet ordinateur, par ${advisor.display_name}, conseiller de clientèle de la boutique ${advisor.boutique}.`,
          )
        : t(`${maison} is the controller of this processing, carried out in Carnet on this laptop.`, `${maison} est responsable de ce traitement, mis en œuvre dans Carnet sur cet ordinateur.`),
      t(
        `This record was generated on ${date} from the privacy policy that Carnet enforces: it describes what the software does, not what it intends to do.`,
        `Ce registre a été établi le ${date} à partir de la politique de confidentialité qu’applique Carnet : il décrit ce que fait le logiciel, non ce qu’il entend faire.`,
      ),
    ],
  };

  const purposeSection: RecordSection = {
    id: 'purposes',
    title: t('Purposes and lawful bases', 'Finalités et bases légales'),
    paragraphs: purposes.map((p) => {
      const policy = PURPOSES[p];
      return `${policy.label[locale]} — ${sentence(policy.description[locale])} ${sentence(
        t(`Lawful basis: ${BASES[policy.basis].en}`, `Base légale : ${BASES[policy.basis].fr}`),
      )}`;
    }),
  };

  const subjects: RecordSection = {
    id: 'subjects',
    title: t('Categories of data subjects', 'Catégories de personnes concernées'),
    paragraphs: [
      t(
        `The clients of ${maison} whom this advisor serves.`,
        `Les clients de ${maison} que suit ce conseiller.`,
      ),
      t(
        `The people around a client — a spouse, a child, an assistant, a friend. They never consent to anything themselves: they are kept only under their client’s consent to ${mappingLabel}, limited to: ${list(
          nonClient.map((a) => a.label.en),
          'en',
        )}; never any contact detail; and they are never contacted.`,
        `Les proches d’un client — conjoint, enfant, assistant, ami. Ils ne consentent jamais eux-mêmes : ils ne sont conservés qu’au titre du consentement du client à la ${mappingLabel}, limités à : ${list(
          nonClient.map((a) => a.label.fr),
          'fr',
        )} ; jamais aucune coordonnée ; et ils ne sont jamais contactés.`,
      ),
    ],
  };

  const dataSection: RecordSection = {
    id: 'categories',
    title: t('Categories of personal data', 'Catégories de données personnelles'),
    paragraphs: [
      ...categories.map((c) => {
        const policy = CATEGORIES[c];
        const served = policy.purposes.map((p) => PURPOSES[p].label[locale].toLowerCase());
        return `${policy.label[locale]} — ${sentence(policy.description[locale])} ${sentence(
          t(`Purposes: ${list(served, 'en')}`, `Finalités : ${list(served, 'fr')}`),
        )}`;
      }),
      t(
        `No special category of personal data is kept. There is no field for any of these — ${list(specialLabels, 'en')} — and Carnet refuses them.`,
        `Aucune catégorie particulière de données n’est conservée. Aucun champ n’existe pour ces données — ${list(specialLabels, 'fr')} — et Carnet les refuse.`,
      ),
    ],
  };

  const keepSpan = {
    en: RETENTION_KEEP_MONTHS % 12 === 0 ? (RETENTION_KEEP_MONTHS === 12 ? 'a year' : `${RETENTION_KEEP_MONTHS / 12} years`) : `${RETENTION_KEEP_MONTHS} months`,
    fr: RETENTION_KEEP_MONTHS % 12 === 0 ? (RETENTION_KEEP_MONTHS === 12 ? 'un an' : `${RETENTION_KEEP_MONTHS / 12} ans`) : `${RETENTION_KEEP_MONTHS} mois`,
  };
  const retention: RecordSection = {
    id: 'retention',
    title: t('Retention periods', 'Durées de conservation'),
    paragraphs: [
      ...categories.map((c) => `${CATEGORIES[c].label[locale]} — ${sentence(retentionText(CATEGORIES[c].retention, locale))}`),
      ...(nonClientRetention
        ? [
            t(
              `People around a client — ${sentence(retentionText(nonClientRetention, 'en', 'nonClient'))}`,
              `Proches d’un client — ${sentence(retentionText(nonClientRetention, 'fr', 'nonClient'))}`,
            ),
          ]
        : []),
      t(
        `When a client withdraws a consent, what it covered is hidden at once and deleted ${context.graceDays} days later.`,
        `Lorsqu’un client retire un consentement, ce qu’il couvrait est masqué aussitôt et supprimé ${context.graceDays} jours plus tard.`,
      ),
      t(
        `What is past its retention period is listed for the advisor to review and is never deleted without a decision: either the advisor confirms that it is still needed, and it is reviewed again ${keepSpan.en} later (preferences: when they are next due for confirmation with the client), or it is deleted.`,
        `Ce qui a dépassé sa durée de conservation est présenté au conseiller pour examen et n’est jamais supprimé sans décision\u00a0: soit le conseiller confirme que c’est encore nécessaire, et l’examen revient ${keepSpan.fr} plus tard (préférences\u00a0: à leur prochaine vérification avec le client), soit c’est supprimé.`,
      ),
      t(
        'Deletion is physical: the data is removed from the tables and from the search index, and the file is rewritten, so that nothing of it remains in the store. Withdrawn data is deleted at the first unlock after its grace period; the data of a client whose processing is restricted waits until the restriction is lifted.',
        'La suppression est physique\u00a0: les données sont retirées des tables et de l’index de recherche, et le fichier est réécrit, de sorte qu’il n’en reste rien. Les données d’un consentement retiré sont supprimées au premier déverrouillage après le délai de grâce\u202f; celles d’un client dont le traitement est limité attendent la levée de la limitation.',
      ),
    ],
  };

  const recipients: RecordSection = {
    id: 'recipients',
    title: t('Recipients', 'Destinataires'),
    paragraphs: [
      t(
        'None outside this laptop. The client book never leaves the advisor’s device, and Carnet makes no network connection.',
        'Aucun en dehors de cet ordinateur. Le carnet de clientèle ne quitte jamais l’appareil du conseiller, et Carnet n’établit aucune connexion réseau.',
      ),
    ],
  };

  const transfers: RecordSection = {
    id: 'transfers',
    title: t('Transfers outside the European Union', 'Transferts hors de l’Union européenne'),
    paragraphs: [t('None: no personal data leaves this laptop.', 'Aucun : aucune donnée personnelle ne quitte cet ordinateur.')],
  };

  const security: RecordSection = {
    id: 'security',
    title: t('Security measures', 'Mesures de sécurité'),
    paragraphs: [
      t(
        'The client book is a SQLCipher 4 database, encrypted with a key derived from the advisor’s passphrase; without it, the file cannot be read.',
        'Le carnet de clientèle est une base SQLCipher 4, chiffrée avec une clé dérivée de la phrase secrète du conseiller ; sans elle, le fichier est illisible.',
      ),
      t(
        `Carnet locks itself after ${context.autoLockMinutes} minutes without activity, and when the laptop sleeps or its screen locks.`,
        `Carnet se verrouille après ${context.autoLockMinutes} minutes d’inactivité, ainsi qu’à la mise en veille ou au verrouillage de l’écran.`,
      ),
      t(
        'Every unlock, lock, reading of a client record, change and consent change is written to an append-only, hash-chained audit log that holds identifiers only, never the data itself.',
        'Chaque déverrouillage, verrouillage, consultation d’une fiche client, modification et changement de consentement est inscrit dans un journal d’audit en ajout seul, chaîné par empreintes, qui ne contient que des identifiants, jamais les données elles-mêmes.',
      ),
      t(
        'The application’s core, not its screens, checks the lawful basis before every write and every view, and refuses special-category data.',
        'Le cœur de l’application, et non ses écrans, vérifie la base légale avant chaque écriture et chaque affichage, et refuse les données de catégorie particulière.',
      ),
    ],
  };

  const rights: RecordSection = {
    id: 'rights',
    title: t('Rights of the people concerned', 'Droits des personnes concernées'),
    paragraphs: [
      t(
        'A client may withdraw any consent at any time, object to outreach and to aggregate analytics, and ask to access, correct, erase, restrict or receive their data. The advisor handles these requests.',
        'Un client peut retirer tout consentement à tout moment, s’opposer à la prise de contact et aux statistiques agrégées, et demander l’accès, la rectification, l’effacement, la limitation ou la portabilité de ses données. Le conseiller traite ces demandes.',
      ),
      t(
        'Each request is entered in a register and answered within one month of receipt (GDPR art. 12(3)). The register keeps identifiers, the right, dates and the outcome only, and it outlives the client’s erasure as the proof that the request was honoured. An erasure leaves only an anonymous trace: the client’s identifier, its date and its reason.',
        'Chaque demande est inscrite dans un registre et reçoit une réponse dans le mois suivant sa réception (RGPD art. 12(3)). Le registre ne conserve que des identifiants, le droit exercé, des dates et l’issue, et il survit à l’effacement du client, comme preuve que la demande a été satisfaite. Un effacement ne laisse qu’une trace anonyme\u00a0: l’identifiant du client, sa date et son motif.',
      ),
    ],
  };

  return [controller, purposeSection, subjects, dataSection, retention, recipients, transfers, security, rights];
}
