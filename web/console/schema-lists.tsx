import type { ComponentChildren } from 'preact';
import { type FieldProps, focusSoon, idsOf } from './schema-context.ts';
import { describedBy, FieldErrors, Hint, isScalar, useForm } from './schema-inputs.tsx';
import { type Field, fieldOf, hintOf, initialOf } from './schema-model.ts';
import { idOf, pointerOf } from './schema-paths.ts';

/** A fieldset with its legend, hint and the errors of the place as a whole. */
export function Group(props: {
  path: FieldProps['path'];
  label: string;
  hint?: string;
  children: ComponentChildren;
  class?: string;
}) {
  const ids = idsOf(props.path);
  const { errors } = useForm();
  const hasError = (errors.get(ids.pointer)?.length ?? 0) > 0;
  return (
    <fieldset
      id={ids.id}
      class={`sf-group ${props.class ?? ''}`}
      aria-describedby={describedBy(ids, Boolean(props.hint), hasError)}
      tabIndex={-1}
    >
      <legend>{props.label}</legend>
      <Hint id={ids.hint} text={props.hint} />
      <FieldErrors id={ids.error} pointer={ids.pointer} />
      {props.children}
    </fieldset>
  );
}

/** Move up, move down and remove, for one item of a list or entry of a map. */
function ItemTools(props: {
  name: string;
  index: number;
  count: number;
  movable: boolean;
  onMove(to: number): void;
  onRemove(): void;
}) {
  const { words } = useForm();
  const { index, count, name } = props;
  return (
    <div class="sf-tools">
      {props.movable && index > 0 && (
        <button type="button" class="secondary" onClick={() => props.onMove(index - 1)}>
          {words.say('settingsMoveUp', { what: name })}
        </button>
      )}
      {props.movable && index < count - 1 && (
        <button type="button" class="secondary" onClick={() => props.onMove(index + 1)}>
          {words.say('settingsMoveDown', { what: name })}
        </button>
      )}
      <button type="button" class="secondary" onClick={props.onRemove}>
        {words.say('settingsRemove', { what: name })}
      </button>
    </div>
  );
}

/** A list: each item a field (a fieldset when it has several), added, moved and removed. */
export function ArrayField(props: FieldProps & { field: Extract<Field, { kind: 'array' }> }) {
  const { root, words, Field: Any } = useForm();
  const items = Array.isArray(props.value) ? props.value : [];
  const itemSchema = props.field.items;
  const scalar = isScalar(itemSchema, root);
  const itemField = fieldOf(itemSchema, root);
  const addId = `${idOf(pointerOf(props.path))}-add`;
  const change = (next: unknown[]) => props.onChange(next);
  const nameOf = (index: number) => {
    const item = items[index];
    const base = `${props.label} ${index + 1}`;
    if (itemField.kind !== 'union' || typeof item !== 'object' || item === null) return base;
    const chosen = (item as Record<string, unknown>)[itemField.key];
    const variant = itemField.variants.find((v) => v.value === chosen);
    return variant?.title ? `${base}: ${variant.title}` : base;
  };

  return (
    <Group path={props.path} label={props.label} hint={hintOf(props.schema)}>
      {items.map((item, index) => {
        const path = [...props.path, index];
        const tools = (
          <ItemTools
            name={nameOf(index)}
            index={index}
            count={items.length}
            movable={!scalar}
            onMove={(to) => {
              const next = [...items];
              next.splice(to, 0, ...next.splice(index, 1));
              change(next);
              focusSoon(idOf(pointerOf([...props.path, to])));
            }}
            onRemove={() => {
              change(items.filter((_, i) => i !== index));
              focusSoon(addId);
            }}
          />
        );
        const field = (
          <Any
            schema={itemSchema}
            value={item}
            path={path}
            label={nameOf(index)}
            required
            bare={!scalar}
            onChange={(value) => change(items.map((old, i) => (i === index ? value : old)))}
          />
        );
        return scalar ? (
          <div class="sf-item sf-item-row" key={index}>
            {field}
            {tools}
          </div>
        ) : (
          <fieldset class="sf-item" id={idOf(pointerOf(path))} tabIndex={-1} key={index}>
            <legend>{nameOf(index)}</legend>
            {field}
            {tools}
          </fieldset>
        );
      })}
      <button
        type="button"
        class="secondary sf-add"
        id={addId}
        onClick={() => {
          change([...items, initialOf(itemSchema, root) ?? null]);
          focusSoon(idOf(pointerOf([...props.path, items.length])));
        }}
      >
        {words.say('settingsAdd', { what: props.label })}
      </button>
    </Group>
  );
}

/** A map: one entry per key, its key typed in, its value a field. */
export function RecordField(props: FieldProps & { field: Extract<Field, { kind: 'record' }> }) {
  const { root, words, Field: Any } = useForm();
  const { field } = props;
  const map = (typeof props.value === 'object' && props.value ? props.value : {}) as Record<
    string,
    unknown
  >;
  const entries = Object.entries(map);
  const base = idOf(pointerOf(props.path));
  const keys = field.builtIn ? Object.keys(field.builtIn) : [];
  const listId = `${base}-keys`;
  const replaceAt = (index: number, key: string, value: unknown) =>
    props.onChange(
      Object.fromEntries(entries.map((entry, i) => (i === index ? [key, value] : entry))),
    );

  return (
    <Group path={props.path} label={props.label} hint={hintOf(props.schema)}>
      {keys.length > 0 && (
        <datalist id={listId}>
          {keys.map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
      )}
      {entries.map(([key, value], index) => {
        const name = key || words.say('settingsNewEntry');
        const keyId = `${base}-key-${index}`;
        const builtIn = field.builtIn?.[key];
        const scalar = isScalar(field.values, root);
        return (
          <fieldset
            class="sf-item"
            key={index}
            id={scalar ? undefined : idOf(pointerOf([...props.path, key]))}
            tabIndex={-1}
          >
            <legend>{`${props.label}: ${name}`}</legend>
            <div class="sf-field">
              <label for={keyId}>{words.say('settingsKey')}</label>
              <input
                id={keyId}
                type="text"
                spellcheck={false}
                autocomplete="off"
                list={keys.length > 0 ? listId : undefined}
                value={key}
                onInput={(event) => replaceAt(index, event.currentTarget.value, value)}
              />
            </div>
            <Any
              schema={field.values}
              value={value}
              path={[...props.path, key]}
              label={scalar ? words.say('settingsValue') : name}
              required
              bare
              secret={field.secretKeys?.test(key)}
              fallback={builtIn}
              onChange={(next) => replaceAt(index, key, next)}
            />
            <ItemTools
              name={`${props.label}: ${name}`}
              index={index}
              count={entries.length}
              movable={false}
              onMove={() => {}}
              onRemove={() => {
                props.onChange(Object.fromEntries(entries.filter((_, i) => i !== index)));
                focusSoon(`${base}-add`);
              }}
            />
          </fieldset>
        );
      })}
      <button
        type="button"
        class="secondary sf-add"
        id={`${base}-add`}
        onClick={() => {
          const free = entries.findIndex(([key]) => key === '');
          if (free >= 0) return focusSoon(`${base}-key-${free}`);
          props.onChange({ ...map, '': initialOf(field.values, root) ?? '' });
          focusSoon(`${base}-key-${entries.length}`);
        }}
      >
        {words.say('settingsAddEntry', { what: props.label })}
      </button>
    </Group>
  );
}

/** A list of distinct choices: one checkbox each. */
export function SetField(props: FieldProps & { field: Extract<Field, { kind: 'set' }> }) {
  const chosen = Array.isArray(props.value) ? props.value : [];
  const base = idOf(pointerOf(props.path));
  return (
    <Group path={props.path} label={props.label} hint={hintOf(props.schema)} class="sf-set">
      {props.field.options.map((option, i) => {
        const id = `${base}-${i}`;
        return (
          <div class="sf-field sf-check" key={String(option)}>
            <input
              id={id}
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(event) =>
                props.onChange(
                  event.currentTarget.checked
                    ? props.field.options.filter((o) => o === option || chosen.includes(o))
                    : chosen.filter((o) => o !== option),
                )
              }
            />
            <label for={id}>{String(option)}</label>
          </div>
        );
      })}
    </Group>
  );
}
