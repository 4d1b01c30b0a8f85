import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { useEffect, useState } from 'preact/hooks';
import type { Api, GateVerification } from './api.ts';
import { leftToRight } from './bidi.ts';
import type { Words } from './catalogue.ts';
import { sentenceFor } from './problems.ts';
import { StepForm } from './step-form.tsx';

interface CodeStepProps {
  api: Api;
  words: Words;
  header: string;
  description: string;
  codeLength: number;
  verification: GateVerification;
  onVerified: () => void;
  onChangeNumber: () => void;
}

interface OtpCredential extends Credential {
  code: string;
}

/** `+905553002001` as people write it: `+90 555 300 20 01`, left to right in any sentence. */
const readable = (e164: string) =>
  leftToRight(parsePhoneNumberFromString(e164)?.formatInternational() ?? e164);

/** Seconds until `at`, never below zero, rechecked every second. */
function useSecondsUntil(at: string): number {
  const left = () => Math.max(0, Math.ceil((Date.parse(at) - Date.now()) / 1000));
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    const timer = setInterval(() => setSeconds(left()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return seconds;
}

/** The code step: the SMS texts, WebOTP where the browser has it, resend and change number. */
export function CodeStep(props: CodeStepProps) {
  const { api, words } = props;
  const [verification, setVerification] = useState(props.verification);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wait = useSecondsUntil(verification.resendAvailableAt);

  const check = async (value: string) => {
    const trimmed = value.replace(/\s+/g, '');
    if (!trimmed) return setError(words.say('required'));
    setBusy(true);
    setNotice(null);
    try {
      const result = await api.check(verification.id, trimmed);
      if (result.valid) return props.onVerified();
      setCode('');
      setError(
        result.reason === 'expired'
          ? words.say('expired')
          : result.reason === 'max_attempts_reached' || result.attemptsRemaining === 0
            ? words.say('maxAttempts')
            : words.say('wrongCode', { n: result.attemptsRemaining }),
      );
    } catch (failure) {
      setError(sentenceFor(failure, words));
    }
    setBusy(false);
  };

  // WebOTP: Chrome on Android reads the code from the SMS when the visitor allows it.
  useEffect(() => {
    if (!('OTPCredential' in window)) return;
    const abort = new AbortController();
    navigator.credentials
      .get({ otp: { transport: ['sms'] }, signal: abort.signal } as CredentialRequestOptions)
      .then((credential) => {
        const otp = credential as OtpCredential | null;
        if (otp?.code) {
          setCode(otp.code);
          void check(otp.code);
        }
      })
      .catch(() => {});
    return () => abort.abort();
  }, [verification.id]);

  const resend = async () => {
    setError(null);
    setNotice(null);
    try {
      setVerification(await api.resend(verification.id));
      setNotice(words.say('newCodeSent'));
    } catch (failure) {
      setError(sentenceFor(failure, words));
    }
  };

  return (
    <StepForm
      header={props.header}
      description={`${props.description} ${words.say('codeSentTo', { to: readable(verification.to) })}`}
      inputId="code-input"
      error={error}
      submitLabel={words.say('verify')}
      busy={busy}
      onSubmit={() => check(code)}
      after={
        <div class="step-actions">
          <p class="step-notice" role="status">
            {notice}
          </p>
          <button type="button" class="link" disabled={wait > 0} onClick={resend}>
            {words.say('resend')}
          </button>
          {wait > 0 && <p class="countdown">{words.say('resendIn', { n: wait })}</p>}
          <button type="button" class="link" onClick={props.onChangeNumber}>
            {words.say('changeNumber')}
          </button>
        </div>
      }
    >
      <input
        id="code-input"
        name="code"
        type="text"
        inputMode="numeric"
        autocomplete="one-time-code"
        maxLength={Math.max(props.codeLength, 16)}
        aria-describedby="code-input-description"
        aria-invalid={error !== null}
        value={code}
        onInput={(event) => {
          setCode(event.currentTarget.value);
          setError(null);
        }}
      />
    </StepForm>
  );
}
