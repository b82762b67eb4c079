import { useMemo } from 'react';
import type { z } from 'zod';
import type {
  BodyList as BodyListSchema,
  Decision,
  DecisionInput,
  DecisionList as DecisionListSchema,
  MeetingInput,
  MeetingList as MeetingListSchema,
  MeetingView,
  VotesInput,
} from '../../../server/modules/governance/schema.ts';
import { apiRequest as request } from '../../lib/api.ts';
import { useNetwork } from '../../lib/network.ts';
import { useSession } from '../../lib/session.ts';

/** API shapes of the governance module, from its Zod schemas (type-only: no server code reaches the bundle). */
export type { Decision, MeetingView };
export type BodyList = z.infer<typeof BodyListSchema>;
export type MeetingList = z.infer<typeof MeetingListSchema>;
export type DecisionList = z.infer<typeof DecisionListSchema>;

export function governanceClient(slug: string, csrf: string | null) {
  const base = `/api/networks/${encodeURIComponent(slug)}/governance`;
  const get = <T>(path: string) => request<T>('GET', `${base}${path}`, csrf);
  const send = <T>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${base}${path}`, csrf, body);
  return {
    bodies: () => get<BodyList>('/bodies'),
    meetings: (bodyId: string) => get<MeetingList>(`/bodies/${bodyId}/meetings`),
    createMeeting: (bodyId: string, body: MeetingInput) =>
      send<{ id: string }>('POST', `/bodies/${bodyId}/meetings`, body),
    meeting: (id: string) => get<MeetingView>(`/meetings/${id}`),
    attendance: (id: string, present: string[]) =>
      send<MeetingView>('PUT', `/meetings/${id}/attendance`, { present }),
    createDecision: (meetingId: string, body: DecisionInput) =>
      send<{ id: string }>('POST', `/meetings/${meetingId}/decisions`, body),
    vote: (decisionId: string, body: VotesInput) =>
      send<Decision>('POST', `/decisions/${decisionId}/votes`, body),
    decisions: (q: string) => get<DecisionList>(q ? `/decisions?q=${encodeURIComponent(q)}` : '/decisions'),
  };
}

/** The governance client for the current network and session. */
export function useGovernanceClient() {
  const { detail } = useNetwork();
  const { data: session } = useSession();
  const slug = detail.network.slug;
  const csrf = session?.csrfToken ?? null;
  return useMemo(() => governanceClient(slug, csrf), [slug, csrf]);
}

export const governanceKey = (slug: string, ...rest: string[]) => ['governance', slug, ...rest] as const;

export const isStaffRole = (role: string | null | undefined) => role === 'staff' || role === 'admin';
