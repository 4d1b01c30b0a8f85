import type { JSX } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiProblem } from './api.ts';
import { MessengerPreview } from './messenger-preview.tsx';
import type { PageProps } from './page-props.ts';
import { focusSoon } from './schema-context.ts';
import { isScalar } from './schema-inputs.tsx';
import { isSchema, type Schema } from './schema-model.ts';
import { anchorOf, idOf, parsePointer, pointerOf } from './schema-paths.ts';
import { GENERAL, SchemaForm } from './schema-sections.tsx';
import { keyLabel, localizeSchema, type SchemaWords } from './schema-words.ts';
import { type SettingsApp, settingsApi } from './settings-api.ts';
import { settingsSchemaWords } from './settings-schema-words.ts';
import { TestSendForm } from './settings-test-send.tsx';

interface Wrong {
  /** The place the form shows the message at. */
  anchor: string;
  message: string;
}

/** `/channels/sms/providers/0/name` in words: "Channels › Sms › Providers › 1 › Name". */
const trailOf = (pointer: string, schemaWords: SchemaWords | undefined) =>
  parsePointer(pointer)
    .map((t) => (/^\d+$/.test(t) ? String(Number(t) + 1) : keyLabel(t, schemaWords)))
    .join(' › ') || '—';

/** `body.a.b` (the API's field name) as a pointer, when the answer gave none. */
const pointerFromField = (field: string) =>
  pointerOf(field === 'body' ? [] : field.replace(/^body\./, '').split('.'));

/**
 * An app's settings as a form generated from the settings schema: pick an app, change what
 * the schema offers, save the whole document; errors from the server appear at their
 * fields and in a summary. Beside the messenger's section, a live preview of its gate; below,
 * a test send through the saved providers.
 */
export function SettingsPage(props: PageProps) {
  const { words, onProblem } = props;
  const settings = useMemo(() => settingsApi(props.api), [props.api]);
  // Viewers read settings; owners and admins also save and test them.
  const writable = props.session.admin.role === 'owner' || props.session.admin.role === 'admin';
  const [apps, setApps] = useState<SettingsApp[] | null>(null);
  const [picked, setPicked] = useState('');
  const [app, setApp] = useState<SettingsApp | null>(null);
  const [schema, setSchema] = useState<Schema | null>(null);
  const [doc, setDoc] = useState<unknown>(null);
  const [wrong, setWrong] = useState<Wrong[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  // The schema's texts are English; the form shows them in the console's language.
  const schemaWords = settingsSchemaWords(words.locale);
  const shown = useMemo(() => schema && localizeSchema(schema, schemaWords), [schema, schemaWords]);

  const refused = (failure: unknown) => {
    onProblem(failure);
    setProblem(
      failure instanceof ApiProblem && failure.status === 403
        ? words.say('settingsForbidden')
        : failure instanceof ApiProblem && failure.detail
          ? words.say('settingsRefused', { detail: failure.detail })
          : words.say('failed'),
    );
  };

  async function load(target: SettingsApp) {
    setProblem('');
    setSaved('');
    setWrong([]);
    setLocal({});
    try {
      setDoc(await settings.read(target.id));
      setApp(target);
    } catch (failure) {
      refused(failure);
    }
  }

  useEffect(() => {
    Promise.all([settings.apps(), settings.schema()]).then(([list, form]) => {
      setApps(list.data);
      setSchema(form);
      const first = list.data[0];
      if (first) {
        setPicked(first.id);
        void load(first);
      }
    }, refused);
  }, [settings]);

  const errors = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const w of wrong) map.set(w.anchor, [...(map.get(w.anchor) ?? []), w.message]);
    return map;
  }, [wrong]);

  /** Shows the wrong fields: their sections opened, the first one focused. */
  function showWrong(list: Wrong[]) {
    setWrong(list);
    const sections = list.map((w) => parsePointer(w.anchor)[0]).filter((k) => k !== undefined);
    setOpen((before) => new Set([...before, ...sections]));
    const first = list[0];
    if (first) focusSoon(first.anchor === '' ? 'settings-summary' : idOf(first.anchor));
  }

  async function save(event: Event) {
    event.preventDefault();
    if (!app || !schema || busy) return;
    setProblem('');
    setSaved('');
    const broken = Object.entries(local);
    if (broken.length > 0) {
      return showWrong(broken.map(([anchor, message]) => ({ anchor, message })));
    }
    setBusy(true);
    try {
      setDoc(await settings.save(app.id, doc));
      setWrong([]);
      setSaved(words.say('settingsSaved', { app: app.name }));
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.status === 400 && failure.errors.length > 0) {
        showWrong(
          failure.errors.map((e) => ({
            anchor: anchorOf(e.pointer ?? pointerFromField(e.field), schema, doc),
            message: e.message,
          })),
        );
      } else refused(failure);
    } finally {
      setBusy(false);
    }
  }

  const invalid = useCallback((pointer: string, message: string | null) => {
    setLocal((before) => {
      if ((before[pointer] ?? null) === message) return before;
      const next = { ...before };
      if (message === null) delete next[pointer];
      else next[pointer] = message;
      return next;
    });
  }, []);

  const asides = useMemo((): Record<string, (value: unknown) => JSX.Element> => {
    const texts = schema && nodeAt(schema, ['messenger', 'texts']);
    const builtIn = texts && isSchema(texts['x-builtIn']) ? texts['x-builtIn'] : null;
    if (!builtIn) return {};
    return {
      '/messenger': (value: unknown) => (
        <MessengerPreview
          value={value}
          builtIn={builtIn as Record<string, Record<string, unknown>>}
          words={words}
        />
      ),
    };
  }, [schema, words]);

  const channels = schema ? Object.keys(nodeAt(schema, ['channels'])?.properties ?? {}) : [];
  const summary = wrong.length > 0 && (
    <>
      <p class="sf-summary-title">{words.say('settingsFix', { n: wrong.length })}</p>
      <ul>
        {wrong.map((w, i) => (
          <li key={i}>
            <button type="button" class="link" onClick={() => focusSoon(idOf(w.anchor))}>
              {trailOf(w.anchor, schemaWords)}
            </button>
            {`: ${w.message}`}
          </li>
        ))}
      </ul>
    </>
  );

  return (
    <section class="settings" aria-labelledby="page-title">
      <h1 id="page-title">{words.say('settings')}</h1>
      <form
        class="sf-picker"
        onSubmit={(event) => {
          event.preventDefault();
          const target = apps?.find((a) => a.id === picked);
          if (target) void load(target);
        }}
      >
        <div class="sf-field">
          <label for="settings-app">{words.say('app')}</label>
          <select
            id="settings-app"
            value={picked}
            onChange={(event) => setPicked(event.currentTarget.value)}
          >
            {(apps ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {`${a.name} (${a.id})`}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {words.say('settingsOpen')}
        </button>
      </form>
      {apps?.length === 0 && <p>{words.say('settingsNoApps')}</p>}
      <div class="sf-summary" id="settings-summary" role="alert" tabIndex={-1}>
        {problem && <p>{problem}</p>}
        {summary}
      </div>
      {app && shown && (
        <form
          key={app.id}
          class="sf-form"
          onSubmit={save}
          noValidate
          aria-labelledby="settings-form-title"
        >
          <h2 id="settings-form-title">{words.say('settingsOf', { app: app.name })}</h2>
          {!writable && <p class="sf-hint">{words.say('settingsReadOnly')}</p>}
          <fieldset class="sf-all" disabled={!writable}>
            <legend class="visually-hidden">{words.say('settingsOf', { app: app.name })}</legend>
            <SchemaForm
              schema={shown}
              value={doc}
              words={words}
              errors={errors}
              onChange={(next) => {
                setDoc(next);
                setSaved('');
              }}
              open={open}
              onToggle={(key, now) =>
                setOpen((before) => {
                  const next = new Set(before);
                  if (now) next.add(key);
                  // Closing the plain fields' section closes it for each of them.
                  else if (key === GENERAL) {
                    for (const k of [...next]) if (!isGroup(shown, k)) next.delete(k);
                  } else next.delete(key);
                  return next;
                })
              }
              asides={asides}
              invalid={invalid}
            />
          </fieldset>
          {writable && (
            <div class="sf-actions sf-save">
              {/* Not `disabled`: that would take the focus from it while the settings are saved. */}
              <button type="submit" aria-disabled={busy}>
                {words.say('settingsSave')}
              </button>
              <p role="status">{saved}</p>
            </div>
          )}
        </form>
      )}
      {app && writable && schema && (
        <TestSendForm
          settings={settings}
          appId={app.id}
          channels={channels}
          words={words}
          onProblem={onProblem}
        />
      )}
    </section>
  );
}

/** Whether a top-level key has a section of its own (else it is among the plain fields). */
const isGroup = (schema: Schema, key: string) => {
  const node = nodeAt(schema, [key]);
  return node !== undefined && !isScalar(node, schema);
};

/** A node of the schema by property path. */
function nodeAt(schema: Schema, path: readonly string[]): Schema | undefined {
  let node: Schema | undefined = schema;
  for (const key of path) {
    const next: unknown = isSchema(node?.properties) ? node.properties[key] : undefined;
    node = isSchema(next) ? next : undefined;
  }
  return node;
}
