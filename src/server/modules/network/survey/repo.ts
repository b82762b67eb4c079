// SQL of the partner survey: rounds, answers and ratings.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables.ts';
import type {
  NetworkSurveyAnswerTable,
  NetworkSurveyRatingTable,
  NetworkSurveyRoundTable,
  NetworkTables,
} from '../tables.ts';

type Db = Kysely<PlatformTables>;
const t = (db: Db) => db.withTables<NetworkTables>();

export const listRounds = (db: Db, networkId: string) =>
  t(db)
    .selectFrom('network_survey_rounds')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('opens_on')
    .execute();

export const findRound = (db: Db, networkId: string, id: string) =>
  t(db)
    .selectFrom('network_survey_rounds')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertRound = (db: Db, row: NetworkSurveyRoundTable) =>
  t(db).insertInto('network_survey_rounds').values(row).execute();

export const roundAnswers = (db: Db, networkId: string, roundId: string) =>
  t(db)
    .selectFrom('network_survey_answers')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('round_id', '=', roundId)
    .execute();

export const roundRatings = (db: Db, networkId: string, roundId: string) =>
  t(db)
    .selectFrom('network_survey_ratings')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('round_id', '=', roundId)
    .execute();

export const findAnswer = (db: Db, networkId: string, roundId: string, partnerId: string) =>
  t(db)
    .selectFrom('network_survey_answers')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('round_id', '=', roundId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();

export async function replaceResponse(
  db: Db,
  answer: NetworkSurveyAnswerTable,
  ratings: NetworkSurveyRatingTable[],
): Promise<void> {
  const scope = { network_id: answer.network_id, round_id: answer.round_id, partner_id: answer.partner_id };
  await t(db)
    .deleteFrom('network_survey_ratings')
    .where('network_id', '=', scope.network_id)
    .where('round_id', '=', scope.round_id)
    .where('rater_partner_id', '=', scope.partner_id)
    .execute();
  await t(db)
    .deleteFrom('network_survey_answers')
    .where('network_id', '=', scope.network_id)
    .where('round_id', '=', scope.round_id)
    .where('partner_id', '=', scope.partner_id)
    .execute();
  await t(db).insertInto('network_survey_answers').values(answer).execute();
  if (ratings.length) await t(db).insertInto('network_survey_ratings').values(ratings).execute();
}
