import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Job, Report } from '../../../../server/modules/directory/exchange/schema.ts';
import { ApiError } from '../../../lib/api.ts';
import i18n from '../../../lib/i18n.ts';
import type { Session } from '../../../lib/types.ts';
import { useNetwork } from '../../../routes/NetworkLayout.tsx';

export type ImportJob = z.infer<typeof Job>;
export type ImportReport = z.infer<typeof Report>;
export type Mapping = NonNullable<ImportJob['mapping']>;

/** Like lib/api.ts (same-origin cookies, accept-language, errors as ApiError), with the session's CSRF token. */
async function request<T>(
  method: string,
  path: string,
  csrf: string | null,
  body?: { json: unknown } | { file: File },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18n.language };
  if (body && 'json' in body) headers['content-type'] = 'application/json';
  // A file goes as its own bytes; the server reads its kind from the name and the first bytes.
  if (body && 'file' in body) headers['content-type'] = 'application/octet-stream';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : 'json' in body ? JSON.stringify(body.json) : body.file,
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

export function exchangeApi(slug: string, csrf: string | null) {
  const base = `/api/networks/${encodeURIComponent(slug)}/directory`;
  const job = (id: string) => `${base}/import/jobs/${encodeURIComponent(id)}`;
  return {
    exportZip: `${base}/export.zip`,
    exportJson: `${base}/export.json`,
    upload: (file: File) =>
      request<ImportJob>('POST', `${base}/import/jobs?name=${encodeURIComponent(file.name)}`, csrf, { file }),
    job: (id: string) => request<ImportJob>('GET', job(id), csrf),
    setMapping: (id: string, mapping: Mapping) =>
      request<ImportJob>('PUT', `${job(id)}/mapping`, csrf, { json: { mapping } }),
    preview: (id: string) => request<ImportReport>('GET', `${job(id)}/preview`, csrf),
    commit: (id: string, skipRejected: boolean) =>
      request<ImportJob>('POST', `${job(id)}/commit`, csrf, { json: { skipRejected } }),
  };
}

export function useExchangeApi() {
  const { detail } = useNetwork();
  const session = useQueryClient().getQueryData<Session | null>(['session']);
  return exchangeApi(detail.network.slug, session?.csrfToken ?? null);
}
