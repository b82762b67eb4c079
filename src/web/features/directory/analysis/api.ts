import { useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CoverageView,
  DuplicatePair,
  DuplicateReason,
  MergeInput,
  MergeView,
  MissList,
  RecordKind,
  Synonym,
  TaxonomyView,
} from '../../../../server/modules/directory/analysis/schema.ts';
import { apiRequest as request } from '../../../lib/api.ts';
import { useNetwork } from '../../../lib/network.ts';
import type { Session } from '../../../lib/types.ts';

export type { CoverageView, DuplicatePair, DuplicateReason, MergeView, RecordKind, Synonym, TaxonomyView };
export type MissListView = z.infer<typeof MissList>;
export type TermNamesInput = { nl: string; fr?: string; en?: string };

export function analysisApi(slug: string, csrf: string | null) {
  const base = `/api/networks/${encodeURIComponent(slug)}/directory`;
  const get = <T>(path: string) => request<T>('GET', `${base}${path}`, csrf);
  const send = <T>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${base}${path}`, csrf, body);
  const id = encodeURIComponent;
  return {
    duplicates: (kind: RecordKind) =>
      get<{ pairs: DuplicatePair[]; scanned: number }>(`/duplicates?kind=${kind}`),
    mergeView: (kind: RecordKind, a: string, b: string) =>
      get<MergeView>(`/duplicates/${kind}/${id(a)}/${id(b)}`),
    dismiss: (kind: RecordKind, a: string, b: string) =>
      send<void>('POST', '/duplicates/dismissals', { kind, a, b }),
    merge: (input: MergeInput) =>
      send<{ survivorId: string; movedServices: number }>('POST', '/merges', input),
    misses: (days: number) => get<MissListView>(`/search-misses?days=${days}`),
    coverage: () => get<CoverageView>('/coverage'),
    synonyms: () => get<{ synonyms: Synonym[] }>('/synonyms'),
    addSynonym: (term: string, synonym: string) => send<Synonym>('POST', '/synonyms', { term, synonym }),
    switchSynonym: (synonymId: string, enabled: boolean) =>
      send<void>('PATCH', `/synonyms/${id(synonymId)}`, { enabled }),
    deleteSynonym: (synonymId: string) => send<void>('DELETE', `/synonyms/${id(synonymId)}`),
    taxonomy: () => get<TaxonomyView>('/taxonomy'),
    addTerm: (taxonomyId: string, names: TermNamesInput) =>
      send<{ id: string }>('POST', '/taxonomy/terms', { taxonomyId, names }),
    renameTerm: (termId: string, names: TermNamesInput) =>
      send<void>('PATCH', `/taxonomy/terms/${id(termId)}`, { names }),
    retireTerm: (termId: string, replacementId?: string) =>
      send<void>('POST', `/taxonomy/terms/${id(termId)}/retire`, replacementId ? { replacementId } : {}),
  };
}

/** The client for the current network, signed with the session's CSRF token. */
export function useAnalysisApi() {
  const { detail } = useNetwork();
  const session = useQueryClient().getQueryData<Session | null>(['session']);
  return analysisApi(detail.network.slug, session?.csrfToken ?? null);
}

/** A term's name in the UI's language, Dutch when it has none. */
export function termName(names: { nl: string; fr: string | null; en: string | null }, lang: string): string {
  return (lang === 'fr' ? names.fr : lang === 'en' ? names.en : null) ?? names.nl;
}
