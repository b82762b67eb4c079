import { useQueryClient } from '@tanstack/react-query';
import { apiRequest as request } from '../../lib/api.ts';
import { useNetwork } from '../../lib/network.ts';
import type { Session } from '../../lib/types.ts';
import type {
  GraphFilterQuery,
  Introduction,
  IntroductionStatus,
  Metrics,
  Partner,
  PartnerInput,
  ResponseInput,
  Round,
  RoundComparison,
  RoundResults,
  Suggestion,
  SurveyForm,
  Tie,
  TieInput,
  TieType,
} from './types.ts';

/** A view's filters as the API's query string (lists comma-separated, empty values left out). */
export function filterQuery(filter: GraphFilterQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function networkApi(slug: string, csrf: string | null) {
  const base = `/api/networks/${encodeURIComponent(slug)}/network`;
  const get = <T>(path: string) => request<T>('GET', `${base}${path}`, csrf);
  const send = <T>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${base}${path}`, csrf, body);
  return {
    base,
    partners: () => get<{ partners: Partner[]; mine: string[] }>('/partners'),
    createPartner: (input: PartnerInput) => send<Partner>('POST', '/partners', input),
    view: (filter: GraphFilterQuery) =>
      get<{ partners: Partner[]; ties: Tie[] }>(`/ties${filterQuery(filter)}`),
    metrics: (filter: GraphFilterQuery) => get<Metrics>(`/metrics${filterQuery(filter)}`),
    createTie: (input: TieInput) => send<Tie>('POST', '/ties', input),
    updateTie: (id: string, change: { endDate?: string | null; weight?: number }) =>
      send<Tie>('PATCH', `/ties/${id}`, change),
    deleteTie: (id: string) => send<void>('DELETE', `/ties/${id}`),
    tieSettings: () => get<{ derive: Record<TieType, boolean> }>('/tie-settings'),
    setTieSettings: (derive: Partial<Record<TieType, boolean>>) =>
      send<{ derive: Record<TieType, boolean> }>('PUT', '/tie-settings', { derive }),
    rounds: () => get<{ rounds: Round[] }>('/surveys'),
    openRound: (input: { title: string; opensOn: string; closesOn: string }) =>
      send<{ id: string }>('POST', '/surveys', input),
    remind: (roundId: string) => send<{ reminded: number }>('POST', `/surveys/${roundId}/reminders`),
    compare: () => get<{ rounds: RoundComparison }>('/surveys/compare'),
    results: (roundId: string) => get<RoundResults>(`/surveys/${roundId}/results`),
    form: (roundId: string, partnerId: string) =>
      get<SurveyForm>(`/surveys/${roundId}/responses/${partnerId}`),
    answer: (roundId: string, partnerId: string, input: ResponseInput, change: boolean) =>
      send<void>(change ? 'PUT' : 'POST', `/surveys/${roundId}/responses/${partnerId}`, input),
    suggestions: () => get<{ suggestions: Suggestion[] }>('/suggestions'),
    introductions: () => get<{ introductions: Introduction[] }>('/introductions'),
    introduce: (input: { partnerAId: string; partnerBId: string; reason: string }) =>
      send<{ id: string }>('POST', '/introductions', input),
    setIntroductionStatus: (id: string, status: IntroductionStatus) =>
      send<void>('PATCH', `/introductions/${id}`, { status }),
  };
}

export type NetworkApi = ReturnType<typeof networkApi>;

/** The client for the current network, signed with the session's CSRF token. */
export function useNetworkApi(): NetworkApi {
  const { detail } = useNetwork();
  const session = useQueryClient().getQueryData<Session | null>(['session']);
  return networkApi(detail.network.slug, session?.csrfToken ?? null);
}
