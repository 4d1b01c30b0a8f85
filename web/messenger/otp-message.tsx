import { useState } from 'preact/hooks';
import type { Api, ChatMessage } from './api.ts';
import type { Words } from './catalogue.ts';
import { sentenceFor } from './problems.ts';

interface CodeFormProps {
  api: Api;
  words: Words;
  /** The gate's code header (`smsHeader`), so the field is named as the app calls its codes. */
  label: string;
  message: ChatMessage;
}

/**
 * Under a message that delivered a code: the code, filled in as a phone fills in an SMS code,
 * and a Confirm button that checks it. A wrong code says how many attempts are left.
 */
export function CodeForm({ api, words, label, message }: CodeFormProps) {
  const [code, setCode] = useState(message.code ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const inputId = `code-${message.id}`;

  if (confirmed) return <p class="code-confirmed">{words.say('codeConfirmed')}</p>;

  const confirm = async () => {
    const trimmed = code.replace(/\s+/g, '');
    if (!trimmed) return setError(words.say('required'));
    setBusy(true);
    setError(null);
    try {
      const result = await api.confirmCode(message.id, trimmed);
      // Approved already: by this form before a reload, or by the button whose payload is it.
      if (result.valid || result.reason === 'already_approved') setConfirmed(true);
      else {
        setError(
          result.reason === 'expired'
            ? words.say('expired')
            : result.reason === 'max_attempts_reached' || result.attemptsRemaining === 0
              ? words.say('maxAttempts')
              : words.say('wrongCode', { n: result.attemptsRemaining }),
        );
      }
    } catch (failure) {
      setError(sentenceFor(failure, words));
    }
    setBusy(false);
  };

  return (
    <form
      class="code-form"
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <label for={inputId}>{label}</label>
      <div class="code-row">
        <input
          id={inputId}
          name="code"
          type="text"
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={16}
          aria-invalid={error !== null}
          aria-describedby={`${inputId}-error`}
          value={code}
          onInput={(event) => {
            setCode(event.currentTarget.value);
            setError(null);
          }}
        />
        <button type="submit" disabled={busy}>
          {words.say('confirm')}
        </button>
      </div>
      <p id={`${inputId}-error`} class="step-error" role="alert">
        {error}
      </p>
    </form>
  );
}
