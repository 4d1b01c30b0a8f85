import { useEffect, useRef, useState } from 'preact/hooks';
import {
  API_SCOPES,
  type ApiKey,
  type ApiScope,
  type AppsKeysApi,
  type IssuedKey,
  refusal,
} from './apps-keys-api.ts';
import type { Phrase, Words } from './catalogue.ts';

/** Each scope's sentence, in the server's order. */
export const SCOPE_PHRASES: Record<ApiScope, Phrase> = {
  verifications: 'scopeVerifications',
  'messages:read': 'scopeMessagesRead',
  'settings:read': 'scopeSettingsRead',
  'settings:write': 'scopeSettingsWrite',
  conversations: 'scopeConversations',
  'analytics:read': 'scopeAnalyticsRead',
};

/**
 * Issues a key with the scopes ticked, then shows it once: in a read-only field with a Copy
 * button, until "I have stored it" or until the view goes (the key lives only in this
 * component's state, never in storage or the URL).
 */
export function NewKeyForm(props: {
  appId: string;
  calls: AppsKeysApi;
  words: Words;
  onIssued(key: ApiKey): void;
  onProblem(problem: unknown): void;
}) {
  const { words } = props;
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [error, setError] = useState<Phrase | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  function toggle(scope: ApiScope, on: boolean) {
    setScopes((before) => API_SCOPES.filter((s) => (s === scope ? on : before.includes(s))));
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (scopes.length === 0) {
      setError('scopesRequired');
      return;
    }
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await props.calls.createKey(props.appId, scopes);
      props.onIssued(answer.key);
      setScopes([]);
      setIssued(answer);
    } catch (refused) {
      setError(refusal(refused, 'scopesRequired', props.onProblem));
    } finally {
      setBusy(false);
    }
  }

  if (issued) {
    return (
      <OnceShownKey
        apiKey={issued.apiKey}
        words={words}
        onDone={() => {
          setIssued(null);
          setTimeout(() => heading.current?.focus(), 0);
        }}
      />
    );
  }
  return (
    <form class="new-key" onSubmit={submit} noValidate aria-labelledby="new-key-title">
      <h3 id="new-key-title" ref={heading} tabIndex={-1}>
        {words.say('newKey')}
      </h3>
      <fieldset aria-describedby={error ? 'new-key-error' : undefined}>
        <legend>{words.say('chooseScopes')}</legend>
        {API_SCOPES.map((scope) => (
          <div class="check" key={scope}>
            <input
              type="checkbox"
              id={`scope-${scope}`}
              name="scope"
              value={scope}
              checked={scopes.includes(scope)}
              onChange={(e) => toggle(scope, e.currentTarget.checked)}
            />
            <label for={`scope-${scope}`}>
              <code>{scope}</code> <span>{words.say(SCOPE_PHRASES[scope])}</span>
            </label>
          </div>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert" id="new-key-error">
          {words.say(error)}
        </p>
      )}
      {/* Not `disabled`: that would take the focus from it while the key is created. */}
      <button type="submit" aria-disabled={busy}>
        {words.say('createKey')}
      </button>
    </form>
  );
}

/** The key, once: selected for copying, with the sentence that it will not come back. */
function OnceShownKey(props: { apiKey: string; words: Words; onDone(): void }) {
  const { words } = props;
  const field = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<Phrase | null>(null);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  async function copyKey() {
    try {
      await navigator.clipboard.writeText(props.apiKey);
      setCopy('keyCopied');
    } catch {
      // No clipboard (an insecure origin, a refused permission): the key is selected instead.
      field.current?.select();
      setCopy('copyFailed');
    }
  }

  return (
    <section class="once-shown" aria-labelledby="issued-title">
      <h3 id="issued-title">{words.say('keyCreated')}</h3>
      <label for="issued-key">{words.say('keyApiKey')}</label>
      <textarea
        id="issued-key"
        ref={field}
        readOnly
        rows={3}
        spellcheck={false}
        autocomplete="off"
        aria-describedby="issued-once"
        value={props.apiKey}
      />
      <p id="issued-once" class="warning">
        {words.say('shownOnce')}
      </p>
      <p role="status" class="announce">
        {copy && words.say(copy)}
      </p>
      <div class="actions">
        <button type="button" onClick={copyKey}>
          {words.say('keyCopy')}
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>
          {words.say('storedIt')}
        </button>
      </div>
    </section>
  );
}
