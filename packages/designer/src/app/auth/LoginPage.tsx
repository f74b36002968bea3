import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Input } from 'antd';
import { useI18n, type Translate } from '../../i18n/I18nContext';
import { ApiError } from '../../api/ApiError';
import { LanguageSwitch } from '../LanguageSwitch';
import { useAuth } from './AuthContext';
import { homeFor } from '../homeFor';
import { FormField } from '../../shared/FormField';

interface Credentials {
  username: string;
  password: string;
}

type Missing = Partial<Record<keyof Credentials, string>>;

export function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [values, setValues] = useState<Credentials>({ username: '', password: '' });
  const [missing, setMissing] = useState<Missing>({});

  const edit = (name: keyof Credentials, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (value) setMissing((m) => ({ ...m, [name]: undefined }));
  };

  const submit = async () => {
    const required: Missing = {
      ...(values.username.trim() ? {} : { username: t('auth.usernameRequired') }),
      ...(values.password ? {} : { password: t('auth.passwordRequired') }),
    };
    setMissing(required);
    if (required.username || required.password) {
      document.getElementById(required.username ? 'login-username' : 'login-password')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(values.username, values.password);
      const next = params.get('next');
      void navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeFor(user), { replace: true });
    } catch (e) {
      setError(signInError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5', padding: 16 }}>
      <section className="login-panel" aria-labelledby="login-title">
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <h1 id="login-title" className="page-title" style={{ fontSize: 22, margin: 0 }}>
            {t('app.title')}
          </h1>
          <LanguageSwitch />
        </div>
        <p className="text-secondary" style={{ marginTop: 8 }}>
          {t('auth.intro')}
        </p>
        <div aria-live="assertive">{error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}</div>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {(['username', 'password'] as const).map((name) => {
            const id = `login-${name}`;
            const Control = name === 'password' ? Input.Password : Input;
            return (
              <FormField
                key={name}
                id={id}
                label={t(`auth.${name}`)}
                errors={missing[name] && <span id={`${id}-error`}>{missing[name]}</span>}
              >
                <Control
                  id={id}
                  autoComplete={name === 'password' ? 'current-password' : 'username'}
                  autoFocus={name === 'username'}
                  value={values[name]}
                  onChange={(e) => edit(name, e.target.value)}
                  status={missing[name] ? 'error' : ''}
                  aria-invalid={missing[name] ? true : undefined}
                  aria-describedby={missing[name] ? `${id}-error` : undefined}
                />
              </FormField>
            );
          })}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
        </form>
      </section>
    </main>
  );
}

/** Why signing in failed, in the person's language: wrong credentials, too many attempts (with the wait), a deactivated account. */
function signInError(e: unknown, t: Translate): string {
  if (!(e instanceof ApiError)) return t('common.serverError');
  if (e.status === 401 || e.status === 400) return t('auth.badCredentials');
  if (e.status === 429) return t('auth.tooManyAttempts', { minutes: Math.max(1, Math.ceil((e.retryAfterSeconds ?? 60) / 60)) });
  if (e.status === 403) return t('auth.deactivated');
  return e.status === 0 ? t('common.offline') : t('common.serverError');
}
