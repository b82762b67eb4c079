import type { Kysely } from 'kysely';
import { weeklySchedule } from '../../src/server/modules/directory/repo.ts';
import type { DirectoryTables } from '../../src/server/modules/directory/tables.ts';
import type { SyntheticService } from './generate.ts';

/** Writes the synthetic services as HSDS records (organisation, location, address, attributes, hours…). */
export async function load(db: Kysely<DirectoryTables>, services: SyntheticService[]): Promise<void> {
  const at = '2026-01-01T00:00:00.000Z';
  const owned = {
    network_id: null,
    published: 1,
    is_demo: 1,
    assured_by: null,
    created_at: at,
    updated_at: at,
  };
  const batch = 250;
  for (let i = 0; i < services.length; i += batch) {
    const part = services.slice(i, i + batch);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('directory_organizations')
        .values(
          part.map((s) => ({
            id: `org-${s.id}`,
            name: s.org,
            alternate_name: null,
            description: null,
            email: null,
            website: null,
            legal_status: null,
            parent_organization_id: null,
            assured_date: null,
            ...owned,
          })),
        )
        .execute();
      await trx
        .insertInto('directory_services')
        .values(
          part.map((s) => ({
            id: s.id,
            organization_id: `org-${s.id}`,
            name: s.name,
            alternate_name: null,
            description: s.description,
            url: null,
            email: null,
            status: 'active',
            interpretation_services: null,
            application_process: null,
            fees_description: null,
            wait_time: null,
            eligibility_description: null,
            minimum_age: s.minAge,
            maximum_age: s.maxAge,
            alert: null,
            assurer_email: null,
            assured_date: s.assured,
            ...owned,
          })),
        )
        .execute();
      await trx
        .insertInto('directory_locations')
        .values(
          part.map((s) => ({
            id: `loc-${s.id}`,
            organization_id: `org-${s.id}`,
            location_type: 'physical',
            name: null,
            alternate_name: null,
            description: null,
            transportation: null,
            latitude: s.lat,
            longitude: s.lon,
            nis_code: s.municipality.nis,
            assured_date: null,
            ...owned,
          })),
        )
        .execute();
      await trx
        .insertInto('directory_addresses')
        .values(
          part.map((s) => ({
            id: `adr-${s.id}`,
            location_id: `loc-${s.id}`,
            attention: null,
            address_1: s.street,
            address_2: null,
            city: s.municipality.name,
            region: null,
            state_province: null,
            postal_code: s.municipality.postcode,
            country: 'BE',
            address_type: 'physical',
          })),
        )
        .execute();
      await trx
        .insertInto('directory_service_at_locations')
        .values(
          part.map((s) => ({
            id: `sal-${s.id}`,
            service_id: s.id,
            location_id: `loc-${s.id}`,
            description: null,
          })),
        )
        .execute();
      await trx
        .insertInto('directory_attributes')
        .values(
          part.flatMap((s) => [
            {
              id: `at-${s.id}-r`,
              link_id: s.id,
              link_type: null,
              link_entity: 'service',
              taxonomy_term_id: `rubric-${s.rubric}`,
              value: null,
              label: null,
            },
            ...s.targets.map((t) => ({
              id: `at-${s.id}-${t}`,
              link_id: s.id,
              link_type: null,
              link_entity: 'service',
              taxonomy_term_id: `target-group-${t}`,
              value: null,
              label: null,
            })),
          ]),
        )
        .execute();
      const slots = part.flatMap((s) => s.slots.map((sl, k) => ({ s, sl, k })));
      if (slots.length)
        await trx
          .insertInto('directory_schedules')
          .values(
            slots.map(({ s, sl, k }) =>
              weeklySchedule({
                id: `sch-${s.id}-${k}`,
                service_id: s.id,
                byday: sl.byday,
                opens_at: sl.opens,
                closes_at: sl.closes,
              }),
            ),
          )
          .execute();
      await trx
        .insertInto('directory_languages')
        .values(
          part.flatMap((s) =>
            s.languages.map((code) => ({
              id: `lang-${s.id}-${code}`,
              service_id: s.id,
              location_id: null,
              phone_id: null,
              name: null,
              code,
              note: null,
            })),
          ),
        )
        .execute();
      const free = part.filter((s) => s.free);
      if (free.length)
        await trx
          .insertInto('directory_cost_options')
          .values(
            free.map((s) => ({
              id: `cost-${s.id}`,
              service_id: s.id,
              valid_from: null,
              valid_to: null,
              option: null,
              currency: 'EUR',
              amount: 0,
              amount_description: null,
            })),
          )
          .execute();
      const cap = part.filter((s) => s.capacity !== null);
      if (cap.length)
        await trx
          .insertInto('directory_service_capacities')
          .values(
            cap.map((s) => ({
              id: `cap-${s.id}`,
              service_id: s.id,
              unit: 'plaatsen',
              available: s.capacity!,
              maximum: null,
              waiting_list: null,
              description: null,
              updated: at,
            })),
          )
          .execute();
      const phones = part.filter((s) => s.phone);
      if (phones.length)
        await trx
          .insertInto('directory_phones')
          .values(
            phones.map((s) => ({
              id: `ph-${s.id}`,
              organization_id: null,
              service_id: s.id,
              location_id: null,
              contact_id: null,
              service_at_location_id: null,
              number: s.phone!,
              extension: null,
              type: 'voice',
              description: null,
            })),
          )
          .execute();
    });
  }
}
