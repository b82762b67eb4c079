import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';

/**
 * French and English names of the starting Flemish taxonomy (migration 0100), in directory_translations
 * (entity_type 'taxonomy_term', field 'name'), where the vocabulary page's rename (analysis) keeps them too.
 * Written out here, like the Dutch seed, so this migration never changes after it ran. The rows carry source
 * 'seed': a rename by staff replaces them with 'manual' rows, which down leaves alone.
 */
const NAMES: [termId: string, fr: string, en: string][] = [
  ['rubric-huisarts', 'Médecins généralistes', 'General practitioners'],
  ['rubric-thuisverpleging', 'Soins infirmiers à domicile', 'Home nursing'],
  [
    'rubric-gezinszorg',
    'Aide familiale et aide complémentaire à domicile',
    'Family care and additional home care',
  ],
  ['rubric-poetshulp', 'Aide ménagère et service de nettoyage', 'Household help and cleaning services'],
  ['rubric-mondzorg', 'Dentistes et soins bucco-dentaires', 'Dentists and oral care'],
  ['rubric-kinesitherapie', 'Kinésithérapie', 'Physiotherapy'],
  ['rubric-psychologische-zorg', 'Soins psychologiques', 'Psychological care'],
  ['rubric-geestelijke-gezondheid', 'Soins de santé mentale', 'Mental health care'],
  [
    'rubric-woonzorg',
    'Centres de soins résidentiels et résidences-services',
    'Care homes and assisted living',
  ],
  ['rubric-dagopvang', 'Centres de soins de jour et accueil de jour', 'Day care centres for adults'],
  ['rubric-kortverblijf', 'Court séjour', 'Short-stay care'],
  ['rubric-dienstencentrum', 'Centres de services locaux', 'Local service centres'],
  [
    'rubric-maatschappelijk-werk',
    'Service social et CPAS',
    'Social work and public social welfare centre (OCMW)',
  ],
  ['rubric-caw', 'Aide sociale générale (CAW)', 'General welfare work (CAW)'],
  ['rubric-kinderopvang', 'Accueil de la petite enfance', 'Childcare'],
  ['rubric-gezinsondersteuning', 'Soutien aux familles et à la parentalité', 'Family and parenting support'],
  ['rubric-jeugdhulp', 'Aide à la jeunesse', 'Youth care'],
  ['rubric-handicap', 'Soutien aux personnes handicapées (VAPH)', 'Disability support (VAPH)'],
  ['rubric-verslavingszorg', 'Aide en matière d’assuétudes', 'Addiction care'],
  ['rubric-palliatieve-zorg', 'Soins palliatifs', 'Palliative care'],
  ['rubric-mantelzorg', 'Soutien aux aidants proches', 'Support for informal carers'],
  ['rubric-vervoer', 'Transport adapté', 'Adapted transport'],
  ['rubric-maaltijden', 'Repas à domicile', 'Meals on wheels'],
  [
    'rubric-schuldhulp',
    'Médiation de dettes et guidance budgétaire',
    'Debt counselling and budget management',
  ],
  ['rubric-apotheek', 'Pharmacies', 'Pharmacies'],
  ['rubric-ziekenhuis', 'Hôpitaux', 'Hospitals'],
  ['rubric-logopedie', 'Logopédie', 'Speech therapy'],
  ['rubric-vroedvrouw', 'Sages-femmes', 'Midwives'],

  ['target-group-kinderen', 'Enfants', 'Children'],
  ['target-group-jongeren', 'Jeunes', 'Young people'],
  ['target-group-gezinnen', 'Familles', 'Families'],
  ['target-group-volwassenen', 'Adultes', 'Adults'],
  ['target-group-ouderen', 'Personnes âgées', 'Older people'],
  ['target-group-mantelzorgers', 'Aidants proches', 'Informal carers'],
  ['target-group-personen-met-handicap', 'Personnes en situation de handicap', 'People with a disability'],
  ['target-group-personen-met-dementie', 'Personnes atteintes de démence', 'People with dementia'],
  [
    'target-group-psychische-kwetsbaarheid',
    'Personnes en situation de vulnérabilité psychique',
    'People with mental health vulnerabilities',
  ],
  ['target-group-armoede', 'Personnes en situation de pauvreté', 'People living in poverty'],
  ['target-group-nieuwkomers', 'Primo-arrivants', 'Newcomers'],
  ['target-group-chronisch-zieken', 'Malades chroniques', 'People with a chronic illness'],

  ['sector-eerstelijn', 'Soins de première ligne', 'Primary care'],
  ['sector-thuiszorg', 'Soins à domicile', 'Home care'],
  ['sector-ouderenzorg', 'Soins aux personnes âgées', 'Care for older people'],
  ['sector-ggz', 'Soins de santé mentale', 'Mental health care'],
  ['sector-welzijn', 'Action sociale', 'Social welfare'],
  ['sector-lokaal-bestuur', 'Pouvoirs locaux', 'Local government'],
  [
    'sector-vaph',
    'VAPH (Agence flamande pour les personnes handicapées)',
    'VAPH (Flemish Agency for Persons with Disabilities)',
  ],
  ['sector-opgroeien', 'Enfance et jeunesse (Opgroeien)', 'Children and young people (Opgroeien)'],
  ['sector-ziekenhuis', 'Hôpitaux', 'Hospitals'],
  ['sector-onderwijs', 'Enseignement', 'Education'],

  ['quintuple-aim-gezondheid', 'Meilleure santé', 'Better health'],
  ['quintuple-aim-zorgervaring', 'Meilleure expérience des soins', 'Better care experience'],
  ['quintuple-aim-kosten', 'Coûts réduits par habitant', 'Lower cost per inhabitant'],
  ['quintuple-aim-zorgverleners', 'Bien-être des prestataires de soins', 'Well-being of care providers'],
  ['quintuple-aim-gelijkheid', 'Équité en santé', 'Health equity'],

  ['accessibility-rolstoel', 'Accessible en fauteuil roulant', 'Wheelchair accessible'],
  ['accessibility-ringleiding', 'Boucle magnétique', 'Hearing loop'],
  ['accessibility-parking', 'Parking adapté', 'Accessible parking'],
  ['accessibility-toilet', 'Toilettes adaptées', 'Accessible toilet'],
  ['accessibility-gebarentaal', 'Langue des signes flamande', 'Flemish Sign Language'],
];

const SOURCE = 'seed';

export async function up(db: Kysely<unknown>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  const anyDb = db as Kysely<any>;
  const at = '2026-12-01T00:00:00.000Z';
  // Only terms that still exist: an administrator may have retired a seeded term before this ran; a name
  // already given in a language (a rename by staff) is kept.
  const existing = new Set(
    (
      await anyDb
        .selectFrom('directory_taxonomy_terms')
        .select('id')
        .where(
          'id',
          'in',
          NAMES.map(([id]) => id),
        )
        .execute()
    ).map((r: { id: string }) => r.id),
  );
  const named = new Set(
    (
      await anyDb
        .selectFrom('directory_translations')
        .select(['entity_id', 'lang'])
        .where('entity_type', '=', 'taxonomy_term')
        .where('field', '=', 'name')
        .execute()
    ).map((r: { entity_id: string; lang: string }) => `${r.entity_id}:${r.lang}`),
  );
  const rows = NAMES.filter(([id]) => existing.has(id)).flatMap(([id, fr, en]) =>
    (
      [
        ['fr', fr],
        ['en', en],
      ] as const
    )
      .filter(([lang]) => !named.has(`${id}:${lang}`))
      .map(([lang, value]) => ({
        entity_type: 'taxonomy_term',
        entity_id: id,
        field: 'name',
        lang,
        value,
        source: SOURCE,
        updated_at: at,
      })),
  );
  if (rows.length > 0) await anyDb.insertInto('directory_translations').values(rows).execute();
  // Facet labels are cached per search stamp; indexed documents pick the names up when next reindexed.
  await sql`UPDATE directory_search_state SET stamp = ${randomUUID()} WHERE id = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
  const anyDb = db as Kysely<any>;
  await anyDb
    .deleteFrom('directory_translations')
    .where('entity_type', '=', 'taxonomy_term')
    .where('field', '=', 'name')
    .where('source', '=', SOURCE)
    .where(
      'entity_id',
      'in',
      NAMES.map(([id]) => id),
    )
    .execute();
  await sql`UPDATE directory_search_state SET stamp = ${randomUUID()} WHERE id = 1`.execute(db);
}
