import type { Api } from './api.ts';
import type { Phrase, Words } from './catalogue.ts';
import { useApps } from './use-apps.ts';

/**
 * The "App" field of a filter form, named `appId`: all of the admin's apps, or one of them
 * by name (every app for an owner).
 */
export function AppFilter(props: { id: string; words: Words; api: Api; all: Phrase }) {
  const { id, words } = props;
  const apps = useApps(props.api);
  return (
    <div class="field">
      <label for={id}>{words.say('app')}</label>
      <select id={id} name="appId">
        <option value="">{words.say(props.all)}</option>
        {(apps ?? []).map((app) => (
          <option key={app.id} value={app.id}>
            {app.name} ({app.id})
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
