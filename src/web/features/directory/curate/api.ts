import { useQueryClient } from '@tanstack/react-query';
import type {
  AssuranceView,
  DuplicateMatchView,
  FreshnessBucket,
  FreshnessView,
  OrganizationPatch,
  OrganizationView,
  ServiceFields,
  ServicePatch,
  ServiceView,
  SuggestionView,
} from '../../../../server/modules/directory/curate/schema.ts';
import { ApiError, apiRequest } from '../../../lib/api.ts';
import { useNetwork } from '../../../lib/network.ts';
import type { Session } from '../../../lib/types.ts';

export type {
  AssuranceView,
  DuplicateMatchView,
  FreshnessBucket,
  FreshnessView,
  OrganizationView,
  ServiceFields,
  ServicePatch,
  ServiceView,
  SuggestionView,
};

/** The shell's request, turning the server's "likely duplicates" answer into a DuplicateError for the form. */
async function request<T>(method: string, path: string, csrf: string | null, body?: unknown): Promise<T> {
  try {
    return await apiRequest<T>(method, path, csrf, body);
  } catch (error) {
    const matches =
      (error instanceof ApiError && (error.payload as { matches?: unknown } | null)?.matches) || null;
    if (error instanceof ApiError && error.code === 'directory_possible_duplicate' && Array.isArray(matches))
      throw new DuplicateError(error.message, matches as DuplicateMatchView[]);
    throw error;
  }
}

/** The server found likely duplicates and saved nothing: the form shows them and may save anyway. */
export class DuplicateError extends ApiError {
  constructor(
    message: string,
    readonly matches: DuplicateMatchView[],
  ) {
    super(409, 'directory_possible_duplicate', message);
  }
}

/** Set on a repeated save after the person saw the likely duplicates. */
type Confirm = { confirmDuplicate?: boolean };

export interface FreshnessFilter {
  rubric?: string;
  organization?: string;
  bucket?: FreshnessBucket;
  page?: number;
}

export function curateApi(slug: string, csrf: string | null) {
  const base = `/api/networks/${encodeURIComponent(slug)}/directory/curate`;
  const get = <T>(path: string) => request<T>('GET', `${base}${path}`, csrf);
  const send = <T>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${base}${path}`, csrf, body);
  return {
    mine: () => get<{ organizations: OrganizationView[] }>('/mine'),
    organization: (id: string) => get<OrganizationView>(`/organizations/${id}`),
    updateOrganization: (id: string, patch: OrganizationPatch & Confirm) =>
      send<OrganizationView>('PATCH', `/organizations/${id}`, patch),
    service: (id: string) => get<ServiceView>(`/services/${id}`),
    serviceFields: (id: string) =>
      get<{ id: string; organization: { id: string; name: string }; fields: ServiceFields }>(
        `/services/${id}/fields`,
      ),
    updateService: (id: string, patch: ServicePatch) => send<ServiceView>('PATCH', `/services/${id}`, patch),
    createService: (organizationId: string, body: ServicePatch & { name: string } & Confirm) =>
      send<ServiceView>('POST', `/organizations/${organizationId}/services`, body),
    assure: (kind: 'services' | 'organizations', id: string) =>
      send<{ assured_date: string }>('POST', `/${kind}/${id}/assure`),
    suggest: (
      id: string,
      body: { proposed: ServicePatch; comment?: string; email?: string; homepage?: string },
    ) => send<{ accepted: true }>('POST', `/services/${id}/suggestions`, body),
    suggestions: (status: 'open' | 'approved' | 'rejected') =>
      get<{ suggestions: SuggestionView[] }>(`/suggestions?status=${status}`),
    approve: (id: string) => send<{ ok: true }>('POST', `/suggestions/${id}/approve`),
    reject: (id: string, reason: string) =>
      send<{ ok: true }>('POST', `/suggestions/${id}/reject`, { reason }),
    freshness: (f: FreshnessFilter) => {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') p.set(k, String(v));
      return get<FreshnessView>(`/freshness?${p.toString()}`);
    },
    sendRequests: (months: number) =>
      send<{ sent: number; up_to_date: number; recently_asked: number; no_address: number }>(
        'POST',
        '/assurance-requests',
        { months },
      ),
    assurance: (token: string) => get<AssuranceView>(`/assurance/${token}`),
    confirmAssurance: (token: string) => send<{ assured_date: string }>('POST', `/assurance/${token}`),
  };
}

export function useCurateApi() {
  const { detail } = useNetwork();
  const session = useQueryClient().getQueryData<Session | null>(['session']);
  return curateApi(detail.network.slug, session?.csrfToken ?? null);
}
