import type { Kysely } from 'kysely';
import type { DirectoryTables } from '../tables.ts';
import type { Action, ImportTarget } from './apply.ts';
import { breathe, type TermIds } from './check.ts';
import type { ExternalId, ImportBatch, RowError } from './model.ts';

// Matching an import's records to what the map already holds: by our ids, outside ids, KBO numbers, names.

type Dir = Kysely<DirectoryTables>;

/** The scheme under which a source's own ids are kept when they could not become ours (another owner has it). */
export const hsdsScheme = (t: ImportTarget) => `hsds:${t.networkId ?? 'shared'}`;
const owned = (t: ImportTarget) => (t.networkId === null ? null : t.networkId);

export interface Resolved {
  orgId: Map<string, { id: string; action: Action }>;
  serviceId: Map<string, { id: string; action: Action }>;
  locationId: Map<string, { id: string; action: Action }>;
  termId: TermIds;
}

async function findByIds(
  db: Dir,
  table: 'directory_organizations' | 'directory_services' | 'directory_locations',
  entity: 'organization' | 'service' | 'location',
  ids: ExternalId[],
  target: ImportTarget,
): Promise<{ id: string; network_id: string | null } | null> {
  const row = async (id: string) =>
    (await db.selectFrom(table).select(['id', 'network_id']).where('id', '=', id).executeTakeFirst()) ?? null;
  // Another network's own additions do not exist for this import: never matched, updated or linked to.
  const seen = (r: { network_id: string | null } | null) =>
    r !== null && (r.network_id === null || r.network_id === owned(target));
  for (const x of ids) {
    if (x.scheme === 'hsds') {
      const same = await row(x.identifier);
      if (same && same.network_id === owned(target)) return same;
      const mapped = await db
        .selectFrom('directory_identifiers')
        .select('entity_id')
        .where('entity_type', '=', entity)
        .where('scheme', '=', hsdsScheme(target))
        .where('identifier', '=', x.identifier)
        .executeTakeFirst();
      if (mapped) {
        const r = await row(mapped.entity_id);
        if (seen(r)) return r;
      }
    } else {
      const hits = await db
        .selectFrom('directory_identifiers')
        .select('entity_id')
        .where('entity_type', '=', entity)
        .where('scheme', '=', x.scheme)
        .where('identifier', '=', x.identifier)
        .execute();
      for (const hit of hits) {
        const r = await row(hit.entity_id);
        if (seen(r)) return r;
      }
    }
  }
  return null;
}

/**
 * Finds what each record updates: by the source's ids (HSDS id, KBO, Sociale Kaart), and for spreadsheets
 * by name. A match outside the target may only be linked to (an organisation of the shared map); a service
 * or location of someone else is an error, never overwritten.
 */
export async function match(
  db: Dir,
  batch: ImportBatch,
  target: ImportTarget,
  errors: RowError[],
): Promise<Omit<Resolved, 'termId'>> {
  const inScope = (n: string | null) => n === owned(target);
  const orgId: Resolved['orgId'] = new Map();
  for (const [i, o] of batch.organizations.entries()) {
    await breathe(i);
    let hit = await findByIds(db, 'directory_organizations', 'organization', o.ids, target);
    if (!hit && batch.matchByName && o.name) {
      const rows = await db
        .selectFrom('directory_organizations')
        .select(['id', 'network_id', 'name'])
        .where((eb) => eb(eb.fn('lower', ['name']), '=', o.name.toLowerCase()))
        .where((eb) =>
          eb.or([
            eb('network_id', 'is', null),
            ...(target.networkId ? [eb('network_id', '=', target.networkId)] : []),
          ]),
        )
        .execute();
      hit = rows.find((r) => inScope(r.network_id)) ?? rows[0] ?? null;
    }
    orgId.set(
      o.key,
      hit
        ? { id: hit.id, action: inScope(hit.network_id) ? 'update' : 'link' }
        : { id: '', action: 'create' },
    );
  }
  const serviceId: Resolved['serviceId'] = new Map();
  for (const [i, s] of batch.services.entries()) {
    await breathe(i);
    let hit = await findByIds(db, 'directory_services', 'service', s.ids, target);
    const org = orgId.get(s.organization_key);
    if (!hit && batch.matchByName && s.ids.length === 0 && org?.id) {
      hit =
        (await db
          .selectFrom('directory_services')
          .select(['id', 'network_id'])
          .where('organization_id', '=', org.id)
          .where((eb) => eb(eb.fn('lower', ['name']), '=', s.name.toLowerCase()))
          .where((eb) =>
            target.networkId === null
              ? eb('network_id', 'is', null)
              : eb('network_id', '=', target.networkId),
          )
          .executeTakeFirst()) ?? null;
    }
    if (hit && !inScope(hit.network_id))
      errors.push({ ...s.ref, code: 'exchange_not_yours', params: { name: s.name } });
    serviceId.set(s.key, hit ? { id: hit.id, action: 'update' } : { id: '', action: 'create' });
  }
  const locationId: Resolved['locationId'] = new Map();
  const matchedLocations = new Set<string>();
  for (const [i, l] of batch.locations.entries()) {
    await breathe(i);
    let hit = await findByIds(db, 'directory_locations', 'location', l.ids, target);
    const a = l.addresses[0];
    if (!hit && batch.matchByName && a) {
      // A spreadsheet's address is its location's identity: the same street at the same postcode is the same place.
      const owner = orgId.get(l.organization_key ?? '')?.id;
      hit =
        (owner &&
          (await db
            .selectFrom('directory_locations as l')
            .innerJoin('directory_addresses as a', 'a.location_id', 'l.id')
            .select(['l.id', 'l.network_id'])
            .where('l.organization_id', '=', owner)
            .where('a.postal_code', '=', a.postal_code)
            .where((eb) => eb(eb.fn('lower', ['a.address_1']), '=', a.address_1.toLowerCase()))
            .where((eb) =>
              target.networkId === null
                ? eb('l.network_id', 'is', null)
                : eb('l.network_id', '=', target.networkId),
            )
            .executeTakeFirst())) ||
        null;
    }
    // Two records of one source never become one location.
    if (hit && matchedLocations.has(hit.id)) hit = null;
    if (hit) matchedLocations.add(hit.id);
    if (hit && !inScope(hit.network_id))
      errors.push({ ...l.ref, code: 'exchange_not_yours', params: { name: l.name ?? l.key } });
    locationId.set(l.key, hit ? { id: hit.id, action: 'update' } : { id: '', action: 'create' });
  }
  return { orgId, serviceId, locationId };
}
