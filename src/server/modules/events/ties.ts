import type { TenantContext } from '../../platform/tenancy.ts';
import * as network from '../network/service.ts';
import * as repo from './repo.ts';

export const CO_ATTENDANCE_REF = 'event:';

/**
 * Attendance strengthens the partner network: partners whose people were at the same event get a derived
 * co-attendance tie for it, weighted 1/(participants − 1), where participants are the partner organisations
 * present — so a tie from a small working session counts more than one from a large symposium, and each
 * partner's ties from one event add up to 1. The tie's reference names the event it comes from. A
 * registration counts for a partner when its organisation is the partner's name (case and spaces aside).
 */
export async function refreshCoAttendance(db: repo.Db, ctx: TenantContext): Promise<number> {
  const partners = await network.listPartners(db, ctx);
  const byName = new Map(partners.map((p) => [p.name.trim().toLowerCase(), p.id]));
  const present = new Map<string, { day: string; partners: Set<string> }>();
  for (const r of await repo.attendedOrganisations(db, ctx.network.id)) {
    const partner = byName.get((r.organisation ?? '').trim().toLowerCase());
    if (!partner) continue;
    const entry = present.get(r.event_id) ?? { day: r.starts_at.slice(0, 10), partners: new Set<string>() };
    entry.partners.add(partner);
    present.set(r.event_id, entry);
  }
  const ties: network.DerivedTie[] = [];
  for (const [eventId, { day, partners: ids }] of present) {
    const list = [...ids].sort();
    if (list.length < 2) continue;
    const weight = 1 / (list.length - 1);
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        ties.push({
          a: list[i] as string,
          b: list[j] as string,
          weight,
          startDate: day,
          endDate: null,
          ref: `${CO_ATTENDANCE_REF}${eventId}`,
        });
      }
    }
  }
  return network.replaceDerivedTies(db, ctx.network.id, 'co_attendance', CO_ATTENDANCE_REF, ties);
}
