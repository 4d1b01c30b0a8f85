import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiProblem } from './api.ts';
import { appsKeysApi, type ConsoleApp, refusal } from './apps-keys-api.ts';
import { AppKeys } from './apps-keys-app.tsx';
import { NameField, nameProblem } from './apps-keys-name.tsx';
import type { Phrase } from './catalogue.ts';
import type { PageProps } from './page-props.ts';

/**
 * The apps the admin manages, a form to create one (owners), and the chosen app's name and
 * API keys. Viewers see the lists without the forms; agents are told their role shows none.
 */
export function AppsKeysPage(props: PageProps) {
  const { words, session, onProblem } = props;
  const calls = useMemo(() => appsKeysApi(props.api), [props.api]);
  const [apps, setApps] = useState<ConsoleApp[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [error, setError] = useState<Phrase | null>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<Phrase | null>(null);
  const [announce, setAnnounce] = useState('');
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLHeadingElement>(null);
  const role = session.admin.role;

  useEffect(() => {
    calls.apps().then(
      (list) => {
        setApps(list);
        setChosen((before) => before ?? list[0]?.id ?? null);
      },
      (problem) => {
        onProblem(problem);
        const forbidden = problem instanceof ApiProblem && problem.status === 403;
        setError(forbidden ? 'appsForbidden' : 'failed');
      },
    );
  }, [calls]);

  function open(id: string, said = '') {
    setChosen(id);
    setAnnounce(said);
    setTimeout(() => panel.current?.focus(), 0);
  }

  async function create(event: Event) {
    event.preventDefault();
    const problem = nameProblem(name);
    setNameError(problem);
    if (problem || busy) return;
    setBusy(true);
    try {
      const created = await calls.createApp(name.trim());
      setApps((list) => [...(list ?? []), created]);
      setName('');
      open(created.id, words.say('appCreated', { name: created.name }));
    } catch (refused) {
      setNameError(refusal(refused, 'nameInvalid', onProblem));
    } finally {
      setBusy(false);
    }
  }

  const renamed = (app: ConsoleApp) => {
    setApps((list) => (list ?? []).map((a) => (a.id === app.id ? app : a)));
    setAnnounce('');
  };
  const day = new Intl.DateTimeFormat(words.locale, { dateStyle: 'medium' });
  const current = apps?.find((a) => a.id === chosen);
  return (
    <section aria-labelledby="page-title" class="apps-keys">
      <h1 id="page-title">{words.say('appsKeys')}</h1>
      {error && (
        <p class="error" role="alert">
          {words.say(error)}
        </p>
      )}
      <p role="status" class="announce">
        {announce}
      </p>
      {role === 'owner' && (
        <form class="inline-form" onSubmit={create} noValidate aria-labelledby="new-app-title">
          <h2 id="new-app-title">{words.say('newApp')}</h2>
          <NameField
            id="new-app-name"
            label={words.say('appName')}
            value={name}
            error={nameError && words.say(nameError)}
            onInput={setName}
          />
          {/* Not `disabled`: that would take the focus from it while the app is created. */}
          <button type="submit" aria-disabled={busy}>
            {words.say('createApp')}
          </button>
        </form>
      )}
      {apps && (
        <>
          <h2 id="apps-list">{words.say('appsList')}</h2>
          {apps.length === 0 ? (
            <p>{words.say('appsEmpty')}</p>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
            <section class="table-scroll" aria-labelledby="apps-list" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{words.say('appsName')}</th>
                    <th scope="col">{words.say('appsId')}</th>
                    <th scope="col">{words.say('appsCreated')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{words.say('appsOpen')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {apps.map((app) => (
                    <tr key={app.id}>
                      <th scope="row">{app.name}</th>
                      <td>
                        <code>{app.id}</code>
                      </td>
                      <td>
                        <time dateTime={app.createdAt}>{day.format(new Date(app.createdAt))}</time>
                      </td>
                      <td>
                        <button
                          type="button"
                          class="secondary"
                          aria-label={words.say('openApp', { name: app.name })}
                          aria-current={app.id === chosen ? 'true' : undefined}
                          onClick={() => open(app.id)}
                        >
                          {words.say('appsOpen')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
        </>
      )}
      {current && (
        // Keyed by app: choosing another app forgets a key shown once, as leaving the page does.
        <AppKeys
          key={current.id}
          app={current}
          calls={calls}
          words={words}
          canWrite={role === 'owner' || role === 'admin'}
          heading={panel}
          onRenamed={renamed}
          onProblem={onProblem}
        />
      )}
    </section>
  );
}
