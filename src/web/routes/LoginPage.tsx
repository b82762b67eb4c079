import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { TextField } from '../components/Field.tsx';
import { Loading } from '../components/States.tsx';
import { useLogin, useSession } from '../lib/session.ts';
import { useDocumentTitle } from '../lib/title.ts';
import type { Session } from '../lib/types.ts';

/** Only same-site paths may be a return address, so a crafted link cannot send people elsewhere. */
function safeReturnPath(value: string | null): string | null {
  return value?.startsWith('/') && !value.startsWith('//') ? value : null;
}

function landingPath(session: Session, returnTo: string | null): string {
  if (returnTo) return returnTo;
  const [only, ...others] = session.memberships;
  return only && others.length === 0 ? `/n/${only.networkSlug}` : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('next'));
  const { data: session, isPending } = useSession();
  const login = useLogin();
  const [missing, setMissing] = useState(false);
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  useDocumentTitle(t('login.title'));

  if (isPending) return <Loading />;
  if (session && !login.isPending && !login.isSuccess)
    return <Navigate to={landingPath(session, returnTo)} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    setMissing(!email || !password);
    if (!email || !password) return;
    login.mutate(
      { email, password },
      { onSuccess: (answer) => navigate(landingPath(answer, returnTo), { replace: true }) },
    );
  };

  const message = missing ? t('login.required') : login.error?.message;
  return (
    <div className="page-narrow login">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      <form
        className="form card"
        onSubmit={onSubmit}
        noValidate
        aria-describedby={message ? errorId : undefined}
      >
        <div id={errorId} role="alert" className={message ? 'notice notice-error' : 'visually-hidden'}>
          {message ? <p>{message}</p> : null}
        </div>
        <TextField
          id={emailId}
          label={t('login.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          error={message ? true : undefined}
        />
        <TextField
          id={passwordId}
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={message ? true : undefined}
        />
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
