import type { Session } from './api.ts';
import type { Phrase, Words } from './catalogue.ts';

/**
 * The "App" field of a filter form, named `appId`: a choice among the admin's apps, or for an
 * owner (who sees every app, and whose list the page does not hold) the app's id, typed.
 */
export function AppFilter(props: {
  id: string;
  words: Words;
  session: Session;
  all: Phrase;
  hint: Phrase;
}) {
  const { id, words, session } = props;
  if (session.admin.role === 'owner') {
    return (
      <div class="field">
        <label for={id}>{words.say('app')}</label>
        <input id={id} name="appId" type="search" aria-describedby={`${id}-hint`} />
        <small id={`${id}-hint`} class="hint">
          {words.say(props.hint)}
        </small>
      </div>
    );
  }
  return (
    <div class="field">
      <label for={id}>{words.say('app')}</label>
      <select id={id} name="appId">
        <option value="">{words.say(props.all)}</option>
        {session.admin.appIds.map((app) => (
          <option key={app} value={app}>
            {app}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A form's filled fields as a query; empty ones left out, check boxes as `true`. */
export function queryOf(form: HTMLFormElement): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (text) query.set(name, text);
  }
  return query;
}
