import { useRef, useState } from 'preact/hooks';
import { type Api, ApiProblem, NetworkError, type Session } from './api.ts';
import type { Words } from './catalogue.ts';

/** Email and password, then the authenticator code when the account asks for one. */
export function LoginForm(props: { api: Api; words: Words; onSignedIn(session: Session): void }) {
  const { api, words, onSignedIn } = props;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  function explain(problem: unknown): string {
    if (problem instanceof NetworkError) return words.say('network');
    if (!(problem instanceof ApiProblem)) return words.say('failed');
    if (problem.code === 'console_login_failed') return words.say('loginFailed');
    if (problem.code === 'console_totp_invalid') return words.say('totpInvalid');
    if (problem.code === 'rate_limited') {
      const minutes = Math.max(1, Math.ceil((problem.retryAfterSeconds ?? 60) / 60));
      return words.say('rateLimited', { n: minutes });
    }
    if (problem.code === 'validation_failed') return words.say('required');
    return words.say('failed');
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const session = await api.login({
        email,
        password,
        ...(step === 'totp' ? { totp } : {}),
      });
      onSignedIn(session);
    } catch (problem) {
      if (problem instanceof ApiProblem && problem.code === 'console_totp_required') {
        setStep('totp');
        setTimeout(() => codeInput.current?.focus(), 0);
      } else {
        setError(explain(problem));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <h1>{words.say('title')}</h1>
      <form onSubmit={submit} noValidate>
        {step === 'password' ? (
          <>
            <label for="login-email">{words.say('email')}</label>
            <input
              id="login-email"
              type="email"
              autocomplete="username"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
            <label for="login-password">{words.say('password')}</label>
            <input
              id="login-password"
              type="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </>
        ) : (
          <>
            <p id="totp-hint">{words.say('totpHint')}</p>
            <label for="login-totp">{words.say('totpCode')}</label>
            <input
              id="login-totp"
              ref={codeInput}
              autocomplete="one-time-code"
              aria-describedby="totp-hint"
              required
              value={totp}
              onInput={(e) => setTotp(e.currentTarget.value)}
            />
          </>
        )}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        {/* Not `disabled`: that would take the focus from it while the server answers. */}
        <button type="submit" aria-disabled={busy}>
          {step === 'password' ? words.say('signIn') : words.say('verify')}
        </button>
        {step === 'totp' && (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setStep('password');
              setTotp('');
              setError('');
            }}
          >
            {words.say('back')}
          </button>
        )}
      </form>
    </main>
  );
}
