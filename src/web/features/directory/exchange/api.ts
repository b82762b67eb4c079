import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Job, Report } from '../../../../server/modules/directory/exchange/schema.ts';
import { apiRequest as request } from '../../../lib/api.ts';
import { useNetwork } from '../../../lib/network.ts';
import type { Session } from '../../../lib/types.ts';

export type ImportJob = z.infer<typeof Job>;
export type ImportReport = z.infer<typeof Report>;
export type Mapping = NonNullable<ImportJob['mapping']>;

export function exchangeApi(slug: string, csrf: string | null) {
  const base = `/api/networks/${encodeURIComponent(slug)}/directory`;
  const job = (id: string) => `${base}/import/jobs/${encodeURIComponent(id)}`;
  return {
    exportZip: `${base}/export.zip`,
    exportJson: `${base}/export.json`,
    upload: (file: File) =>
      request<ImportJob>('POST', `${base}/import/jobs?name=${encodeURIComponent(file.name)}`, csrf, file),
    job: (id: string) => request<ImportJob>('GET', job(id), csrf),
    setMapping: (id: string, mapping: Mapping) =>
      request<ImportJob>('PUT', `${job(id)}/mapping`, csrf, { mapping }),
    preview: (id: string) => request<ImportReport>('GET', `${job(id)}/preview`, csrf),
    commit: (id: string, skipRejected: boolean) =>
      request<ImportJob>('POST', `${job(id)}/commit`, csrf, { skipRejected }),
  };
}

export function useExchangeApi() {
  const { detail } = useNetwork();
  const session = useQueryClient().getQueryData<Session | null>(['session']);
  return exchangeApi(detail.network.slug, session?.csrfToken ?? null);
}
