import { AppError } from '../../platform/errors.ts';
import { hasRole, type TenantContext } from '../../platform/tenancy.ts';
import type { EventTable } from './tables.ts';

export const isStaff = (ctx: TenantContext) => hasRole(ctx, 'staff');

/**
 * Who sees an event: staff every one; members the published ones meant for the public or the network; the
 * public only published public events. Invited events are reached by staff (and the people they register).
 */
export function canSee(ctx: TenantContext, ev: EventTable): boolean {
  if (isStaff(ctx)) return true;
  if (ev.status === 'draft') return false;
  if (ev.visibility === 'public') return true;
  return ev.visibility === 'network' && hasRole(ctx, 'viewer');
}

export type RegistrationState = { open: true } | { open: false; error: AppError };

/** Whether the form takes registrations now: published, inside its window, and before the start. */
export function registrationState(ev: EventTable, now: Date): RegistrationState {
  const at = now.toISOString();
  if (ev.status !== 'published' || at >= ev.starts_at) {
    return { open: false, error: new AppError(409, 'events_registration_closed') };
  }
  if (ev.registration_closes_at && at > ev.registration_closes_at) {
    return { open: false, error: new AppError(409, 'events_registration_closed') };
  }
  if (ev.registration_opens_at && at < ev.registration_opens_at) {
    return {
      open: false,
      error: new AppError(409, 'events_registration_not_open', {
        opens: ev.registration_opens_at.slice(0, 16),
      }),
    };
  }
  return { open: true };
}

export const placesLeft = (ev: EventTable): number | null =>
  ev.capacity === null ? null : Math.max(0, ev.capacity - ev.places_taken);

export const keepsWaitlist = (ev: EventTable) => ev.capacity !== null && (ev.waitlist_limit ?? 0) > 0;
