import { CHANNELS, MESSAGE_STATUSES } from './api.ts';
import type { Phrase, Words } from './catalogue.ts';

/** A day picked in the form, as the instant the API expects: the start of that local day. */
const startOfDay = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
};

/**
 * The form's fields as the API's filter: empty fields left out, `until` made inclusive
 * (before the start of the next day).
 */
export function filterOf(form: HTMLFormElement): URLSearchParams {
  const filter = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    const text = String(value).trim();
    if (!text) continue;
    if (name === 'from') filter.set('from', startOfDay(text));
    else if (name === 'until') filter.set('until', startOfDay(text, 1));
    else filter.set(name, text);
  }
  return filter;
}

function TextField(props: { name: string; label: Phrase; words: Words; type?: string }) {
  const id = `filter-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.words.say(props.label)}</label>
      <input id={id} name={props.name} type={props.type ?? 'text'} />
    </div>
  );
}

function Choice(props: { name: string; label: Phrase; words: Words; options: readonly string[] }) {
  const id = `filter-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.words.say(props.label)}</label>
      <select id={id} name={props.name}>
        <option value="">{props.words.say('anyValue')}</option>
        {props.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The message log's filters: a plain form, sent with Enter or the Search button. */
export function MessageFilterForm(props: {
  words: Words;
  onSearch(filter: URLSearchParams): void;
}) {
  const { words } = props;
  return (
    <form
      class="filters"
      aria-label={words.say('messagesFilter')}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(filterOf(event.currentTarget));
      }}
    >
      <TextField name="to" label="destination" words={words} type="search" />
      <TextField name="txCode" label="txCode" words={words} />
      <Choice name="status" label="status" words={words} options={MESSAGE_STATUSES} />
      <Choice name="channel" label="channel" words={words} options={CHANNELS} />
      <TextField name="provider" label="provider" words={words} />
      <TextField name="from" label="fromDate" words={words} type="date" />
      <TextField name="until" label="untilDate" words={words} type="date" />
      <div class="field actions">
        <button type="submit">{words.say('search')}</button>
      </div>
    </form>
  );
}
