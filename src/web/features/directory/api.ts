import type {
  FilterOptions,
  OrganizationRecord,
  SearchItem,
  SearchResult,
  ServiceRecord,
} from '../../../server/modules/directory/find/schema.ts';
import { ApiError } from '../../lib/api.ts';
import i18n from '../../lib/i18n.ts';

/** API shapes of the social map's search and records, from their Zod schemas (type-only imports). */
export type { FilterOptions, OrganizationRecord, SearchItem, SearchResult, ServiceRecord };

/** Reads with the shell's conventions (lib/api.ts: same-origin cookies, accept-language, ApiError). */
async function get<T>(path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { accept: 'application/json', 'accept-language': i18n.language },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      typeof error?.message === 'string' ? error.message : i18n.t('common.error'),
    );
  }
  return payload as T;
}

export function directoryClient(slug: string) {
  const base = `/api/networks/${encodeURIComponent(slug)}/directory`;
  return {
    /** The search's parameters as the page's own query string: the URL is the search state. */
    search: (query: URLSearchParams) => get<SearchResult>(`${base}/search?${query.toString()}`),
    filters: () => get<FilterOptions>(`${base}/filters`),
    service: (id: string) => get<ServiceRecord>(`${base}/services/${encodeURIComponent(id)}`),
    organization: (id: string) => get<OrganizationRecord>(`${base}/organizations/${encodeURIComponent(id)}`),
  };
}
