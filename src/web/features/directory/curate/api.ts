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
import { ApiError } from '../../../lib/api.ts';
import i18n from '../../../lib/i18n.ts';
import type { Session } from '../../../lib/types.ts';
import { useNetwork } from '../../../routes/NetworkLayout.tsx';

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

/** Like lib/api.ts (same-origin cookies, accept-language, errors as ApiError), with the session's CSRF token. */
async function request<T>(method: string, path: string, csrf: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    const matches = (payload as { matches?: DuplicateMatchView[] } | null)?.matches;
    if (error?.code === 'directory_possible_duplicate' && Array.isArray(matches))
      throw new DuplicateError(String(error.message ?? ''), matches);
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      typeof error?.message === 'string' ? error.message : i18n.t('common.error'),
    );
  }
  return payload as T;
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
