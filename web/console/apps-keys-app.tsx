import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  API_SCOPES,
  type ApiKey,
  type ApiScope,
  type AppsKeysApi,
  type ConsoleApp,
  refusal,
} from './apps-keys-api.ts';
import { NameField, nameProblem } from './apps-keys-name.tsx';
import { NewKeyForm } from './apps-keys-new-key.tsx';
import { RevokeDialog } from './apps-keys-revoke.tsx';
import type { Phrase, Words } from './catalogue.ts';

/** One app: its name (renamed by owners and admins) and its API keys. */
export function AppKeys(props: {
  app: ConsoleApp;
  calls: AppsKeysApi;
  words: Words;
  canWrite: boolean;
  heading: RefObject<HTMLHeadingElement>;
  onRenamed(app: ConsoleApp): void;
  onProblem(problem: unknown): void;
}) {
  const { app, calls, words, canWrite, onProblem } = props;
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [loadError, setLoadError] = useState<Phrase | null>(null);
  const [name, setName] = useState(app.name);
  const [nameError, setNameError] = useState<Phrase | null>(null);
  const [said, setSaid] = useState('');
  const [confirming, setConfirming] = useState<ApiKey | null>(null);
  const [revokeError, setRevokeError] = useState<Phrase | null>(null);
  const keysHeading = useRef<HTMLHeadingElement>(null);
  const revokedNow = useRef(false);

  useEffect(() => {
    calls
      .keys(app.id)
      .then(setKeys, (problem) => setLoadError(refusal(problem, 'failed', onProblem)));
  }, [app.id]);

  async function rename(event: Event) {
    event.preventDefault();
    const problem = nameProblem(name);
    setNameError(problem);
    if (problem) return;
    try {
      const renamed = await calls.renameApp(app.id, name.trim());
      props.onRenamed(renamed);
      setName(renamed.name);
      setSaid(words.say('renamed', { name: renamed.name }));
    } catch (refused) {
      setNameError(refusal(refused, 'nameInvalid', onProblem));
    }
  }

  async function revoke(key: ApiKey): Promise<boolean> {
    try {
      const revoked = await calls.revokeKey(app.id, key.id);
      setKeys((list) => (list ?? []).map((k) => (k.id === revoked.id ? revoked : k)));
      setSaid(words.say('keyRevoked', { prefix: key.prefix }));
      revokedNow.current = true;
      return true;
    } catch (refused) {
      setRevokeError(refusal(refused, 'failed', onProblem));
      return false;
    }
  }

  const when = new Intl.DateTimeFormat(words.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const date = (iso: string) => when.format(new Date(iso));
  const sortedScopes = (scopes: readonly ApiScope[]) =>
    API_SCOPES.filter((s) => scopes.includes(s));
  return (
    <section class="app-keys" aria-labelledby="app-title">
      <h2 id="app-title" ref={props.heading} tabIndex={-1}>
        {app.name}
      </h2>
      <p role="status" class="announce">
        {said}
      </p>
      {canWrite && (
        <form class="inline-form" onSubmit={rename} noValidate>
          <NameField
            id="rename-app"
            label={words.say('appsNewName')}
            value={name}
            error={nameError && words.say(nameError)}
            onInput={setName}
          />
          <button type="submit" class="secondary">
            {words.say('renameApp')}
          </button>
        </form>
      )}
      <h3 id="keys-title" ref={keysHeading} tabIndex={-1}>
        {words.say('keysOf', { name: app.name })}
      </h3>
      {loadError && (
        <p class="error" role="alert">
          {words.say(loadError)}
        </p>
      )}
      {keys?.length === 0 && <p>{words.say('keysEmpty')}</p>}
      {keys && keys.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
        <section class="table-scroll" aria-labelledby="keys-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{words.say('keyPrefix')}</th>
                <th scope="col">{words.say('keyScopes')}</th>
                <th scope="col">{words.say('appsCreated')}</th>
                <th scope="col">{words.say('keyState')}</th>
                {canWrite && (
                  <th scope="col">
                    <span class="visually-hidden">{words.say('keyRevoke')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id} class={key.revokedAt ? 'revoked' : undefined}>
                  <th scope="row">
                    <code>{key.prefix}…</code>
                  </th>
                  <td>
                    <ul class="scopes">
                      {sortedScopes(key.scopes).map((scope) => (
                        <li key={scope}>
                          <code>{scope}</code>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <time dateTime={key.createdAt}>{date(key.createdAt)}</time>
                  </td>
                  <td>
                    {key.revokedAt
                      ? words.say('revokedOn', { when: date(key.revokedAt) })
                      : words.say('keyActive')}
                  </td>
                  {canWrite && (
                    <td>
                      {!key.revokedAt && (
                        <button
                          type="button"
                          class="secondary"
                          aria-label={words.say('revokeKey', { prefix: key.prefix })}
                          onClick={() => {
                            setRevokeError(null);
                            setConfirming(key);
                          }}
                        >
                          {words.say('keyRevoke')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {canWrite && (
        <NewKeyForm
          appId={app.id}
          calls={calls}
          words={words}
          onIssued={(key) => setKeys((list) => [...(list ?? []), key])}
          onProblem={onProblem}
        />
      )}
      {confirming && (
        <RevokeDialog
          prefix={confirming.prefix}
          words={words}
          error={revokeError && words.say(revokeError)}
          onConfirm={() => revoke(confirming)}
          onClose={() => {
            setConfirming(null);
            // The row's button is gone once its key is revoked: the list's heading takes focus.
            if (revokedNow.current) setTimeout(() => keysHeading.current?.focus(), 0);
            revokedNow.current = false;
          }}
        />
      )}
    </section>
  );
}
