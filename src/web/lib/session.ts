import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api.ts';
import { applyLanguage, currentLanguage } from './i18n.ts';
import type { Language, Session } from './types.ts';

const SESSION_KEY = ['session'] as const;

/** Who is signed in: `data` is null for an anonymous visitor. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: api.me, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ email, password }: { email: string; password: string }) => api.login(email, password),
    onSuccess: (session) => {
      // What the visitor may see changes with who they are: drop everything fetched anonymously.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData<Session | null>(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: api.logout,
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData<Session | null>(SESSION_KEY, null);
    },
  });
}

/** Switches the UI language at once, remembers it in the cookie and, when signed in, in the profile. */
export function useChangeLanguage() {
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  return async (language: Language) => {
    if (language === currentLanguage()) return;
    await applyLanguage(language, true);
    // The API answers in the request's language (record texts, taxonomy term names): fetch them again.
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    if (!session) return;
    queryClient.setQueryData<Session | null>(SESSION_KEY, (old) =>
      old ? { ...old, user: { ...old.user, preferredLanguage: language } } : old,
    );
    // The UI already switched and the cookie keeps the choice; a failed profile update only costs the
    // preference on another device, so it must not interrupt the visitor.
    await api.setLanguage(language).catch(() => undefined);
  };
}
