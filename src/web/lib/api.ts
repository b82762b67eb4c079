import i18n from './i18n.ts';
import type {
  AuditPage,
  BoundaryCollection,
  Language,
  NetworkDetail,
  NetworkFigures,
  NetworkSummary,
  Session,
} from './types.ts';

/** An error answer of the API (`{error:{code,message}}`), or a network failure with code `network`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error answer, for the few callers that need more than code and message. */
    readonly payload: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The session's CSRF token: handed out by /api/auth/me and the login answer, needed on every write. */
let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * One API call with the shell's conventions: same-origin cookies, `accept-language`, the CSRF token on writes,
 * a JSON body (or a file's own bytes), and errors as ApiError. Feature clients call this with the token of the
 * session they hold.
 */
export async function apiRequest<T>(
  method: string,
  path: string,
  csrf: string | null,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  const file = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = file ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : file ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('common.networkError'));
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
      typeof error?.message === 'string' ? error.message : i18n.t('common.error'),
      payload,
    );
  }
  return payload as T;
}

const request = <T>(method: string, path: string, body?: unknown) =>
  apiRequest<T>(method, path, csrfToken, body);

export const api = {
  /** The current session, or null for an anonymous visitor. */
  async me(): Promise<Session | null> {
    try {
      const session = await request<Session>('GET', '/api/auth/me');
      rememberCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        rememberCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  async login(email: string, password: string): Promise<Session> {
    const session = await request<Session>('POST', '/api/auth/login', { email, password });
    rememberCsrfToken(session.csrfToken);
    return session;
  },
  async logout(): Promise<void> {
    await request<void>('POST', '/api/auth/logout');
    rememberCsrfToken(null);
  },
  setLanguage: (language: Language) => request<void>('PUT', '/api/auth/me/language', { language }),
  networks: () => request<{ networks: NetworkSummary[] }>('GET', '/api/networks'),
  network: (slug: string) => request<NetworkDetail>('GET', `/api/networks/${encodeURIComponent(slug)}`),
  figures: (slug: string) =>
    request<NetworkFigures>('GET', `/api/networks/${encodeURIComponent(slug)}/figures`),
  boundaries: (slug: string) =>
    request<BoundaryCollection>('GET', `/api/networks/${encodeURIComponent(slug)}/boundaries`),
  audit: (slug: string, page: number, perPage: number) =>
    request<AuditPage>(
      'GET',
      `/api/networks/${encodeURIComponent(slug)}/audit?page=${page}&perPage=${perPage}`,
    ),
  platformAudit: (page: number, perPage: number) =>
    request<AuditPage>('GET', `/api/admin/audit?page=${page}&perPage=${perPage}`),
};
