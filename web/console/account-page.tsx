import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api, Session, TotpEnrolment } from './api.ts';
import type { Words } from './catalogue.ts';

/** The signed-in admin's own account: turning two-step sign-in (TOTP) on. */
export function AccountPage(props: {
  api: Api;
  words: Words;
  session: Session;
  onProblem(problem: unknown): void;
}) {
  const { api, words, onProblem } = props;
  const [enabled, setEnabled] = useState(props.session.admin.totp);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  // The button pressed goes away in both steps (set up, then turn on): the keyboard's place
  // moves to what replaced it, the key to scan, then the sentence that says it is on.
  const scan = useRef<HTMLParagraphElement>(null);
  const state = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (enrolment && !enabled) scan.current?.focus();
  }, [enrolment]);
  useEffect(() => {
    if (enabled && enrolment) state.current?.focus();
  }, [enabled]);

  async function start() {
    try {
      setEnrolment(await api.enrolTotp());
    } catch (problem) {
      onProblem(problem);
    }
  }

  async function confirm(event: Event) {
    event.preventDefault();
    setError('');
    try {
      const { enabled: on } = await api.confirmTotp(code.trim());
      if (!on) {
        setError(words.say('totpWrong'));
        return;
      }
      setEnabled(true);
    } catch (problem) {
      onProblem(problem);
      setError(words.say('failed'));
    }
  }

  // The SVG is drawn by otpd; as an image it runs nothing, and the CSP allows data: images.
  const qr = enrolment && `data:image/svg+xml;base64,${btoa(enrolment.qrSvg)}`;
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{words.say('account')}</h1>
      <p role="status" ref={state} tabIndex={-1}>
        {enabled ? words.say('totpIsOn') : words.say('totpIsOff')}
      </p>
      {!enabled && !enrolment && (
        <button type="button" onClick={start}>
          {words.say('totpSetup')}
        </button>
      )}
      {enrolment && (
        <div class="enrolment">
          <p ref={scan} tabIndex={-1}>
            {words.say('totpScan')}
          </p>
          {qr && <img src={qr} alt={words.say('qrAlt')} width={200} height={200} />}
          <p>
            <code>{enrolment.secret}</code>
          </p>
          <h2>{words.say('recoveryTitle')}</h2>
          <p>{words.say('recoveryHint')}</p>
          <ul class="recovery-codes">
            {enrolment.recoveryCodes.map((recovery) => (
              <li key={recovery}>
                <code>{recovery}</code>
              </li>
            ))}
          </ul>
          {!enabled && (
            <form onSubmit={confirm} noValidate>
              <label for="totp-confirm">{words.say('totpCode')}</label>
              <input
                id="totp-confirm"
                autocomplete="one-time-code"
                inputMode="numeric"
                required
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
              {error && (
                <p class="error" role="alert">
                  {error}
                </p>
              )}
              <button type="submit">{words.say('turnOn')}</button>
            </form>
          )}
        </div>
      )}
    </section>
  );
}
