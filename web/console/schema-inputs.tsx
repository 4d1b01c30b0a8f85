import type { JSX } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { type FieldProps, idsOf, SchemaFormContext } from './schema-context.ts';
import { type Field, fieldOf, hintOf, numberFrom, type Schema } from './schema-model.ts';

/** What a masked secret starts with, as the server reads secrets back. */
const MASK = '••••';

export function useForm() {
  const context = useContext(SchemaFormContext);
  if (!context) throw new Error('a schema field outside SchemaForm');
  return context;
}

/** A description, with its `code` spans as code. */
export function Hint(props: { id: string; text?: string; extra?: string }) {
  if (!props.text && !props.extra) return null;
  const parts = (props.text ?? '').split('`');
  return (
    <p id={props.id} class="sf-hint">
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}
      {props.extra ? `${props.text && !/[.!?]$/.test(props.text) ? '.' : ''} ${props.extra}` : ''}
    </p>
  );
}

/** The server's messages for a place, next to it. */
export function FieldErrors(props: { id: string; pointer: string }) {
  const messages = useForm().errors.get(props.pointer);
  if (!messages?.length) return null;
  return (
    <p id={props.id} class="sf-error">
      {messages.join(' ')}
    </p>
  );
}

/** The ids a control is described by: its hint and its errors, those present. */
export function describedBy(ids: ReturnType<typeof idsOf>, hint: boolean, error: boolean) {
  return [hint ? ids.hint : '', error ? ids.error : ''].filter(Boolean).join(' ') || undefined;
}

type Scalar = Extract<Field, { kind: 'string' | 'number' | 'enum' | 'boolean' }>;

/**
 * A string, number, enum or boolean, or one of those that may be null (`nullable`): an input,
 * a select or a checkbox. Empty means null when the field may be null, left out when it is
 * optional, and the empty string when it is required.
 */
export function ScalarField(props: FieldProps & { field: Scalar; nullable?: boolean }) {
  const { field, value, label, schema } = props;
  const { words, errors } = useForm();
  const ids = idsOf(props.path);
  const hasError = (errors.get(ids.pointer)?.length ?? 0) > 0;
  const hint = hintOf(schema);
  const secret = field.kind === 'string' && (field.secret || props.secret === true);
  const masked = secret && typeof value === 'string' && value.startsWith(MASK);
  const extra = masked ? words.say('settingsSecretKept') : undefined;
  const empty = props.nullable ? null : props.required && field.kind === 'string' ? '' : undefined;
  const shownWhenEmpty = [props.fallback, schema.default].find(
    (v) => typeof v === 'string' || typeof v === 'number',
  );
  const placeholder = shownWhenEmpty === undefined ? undefined : String(shownWhenEmpty);
  const common = {
    id: ids.id,
    name: ids.pointer,
    'aria-describedby': describedBy(ids, Boolean(hint || extra), hasError),
    'aria-invalid': hasError || undefined,
    'aria-required': props.required && !props.nullable ? true : undefined,
  };

  if (field.kind === 'boolean') {
    return (
      <div class="sf-field sf-check">
        <input
          {...common}
          type="checkbox"
          checked={value === true || (value === undefined && schema.default === true)}
          onChange={(event) => props.onChange(event.currentTarget.checked)}
        />
        <label for={ids.id}>{label}</label>
        <Hint id={ids.hint} text={hint} />
        <FieldErrors id={ids.error} pointer={ids.pointer} />
      </div>
    );
  }

  let control: JSX.Element;
  if (field.kind === 'enum') {
    const current = value === undefined || value === null ? '' : String(value);
    const shown = current === '' && schema.default !== undefined ? String(schema.default) : current;
    control = (
      <select
        {...common}
        value={shown}
        onChange={(event) => {
          const picked = event.currentTarget.value;
          const option = field.options.find((o) => String(o) === picked);
          props.onChange(picked === '' ? empty : option);
        }}
      >
        {(props.nullable || !props.required) && schema.default === undefined && (
          <option value="">{words.say('settingsNone')}</option>
        )}
        {field.options.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  } else if (field.kind === 'string' && field.multiline && !secret) {
    control = (
      <textarea
        {...common}
        rows={3}
        placeholder={placeholder}
        value={typeof value === 'string' ? value : ''}
        onInput={(event) => {
          const text = event.currentTarget.value;
          props.onChange(text === '' ? empty : text);
        }}
      />
    );
  } else {
    const number = field.kind === 'number';
    control = (
      <input
        {...common}
        type={secret ? 'password' : 'text'}
        inputMode={number ? (field.integer ? 'numeric' : 'decimal') : undefined}
        autocomplete={secret ? 'new-password' : 'off'}
        spellcheck={false}
        placeholder={placeholder}
        value={value === undefined || value === null ? '' : String(value)}
        onInput={(event) => {
          const text = event.currentTarget.value;
          if (number) {
            const parsed = numberFrom(text);
            props.onChange(parsed === undefined ? (props.nullable ? null : undefined) : parsed);
          } else props.onChange(text === '' ? empty : text);
        }}
      />
    );
  }
  return (
    <div class="sf-field">
      <label for={ids.id}>{label}</label>
      {control}
      <Hint id={ids.hint} text={hint} extra={extra} />
      <FieldErrors id={ids.error} pointer={ids.pointer} />
    </div>
  );
}

/** Any JSON value, typed as JSON: kept in the document once it parses. */
export function JsonField(props: FieldProps) {
  const { words, errors, invalid } = useForm();
  const ids = idsOf(props.path);
  const shown = props.value === undefined ? '' : JSON.stringify(props.value, null, 2);
  const [text, setText] = useState(shown);
  const [broken, setBroken] = useState(false);
  // A value changed elsewhere (a reload, another app) replaces the text.
  useEffect(() => {
    if (!broken) setText(shown);
  }, [shown]);
  useEffect(() => () => invalid(ids.pointer, null), [ids.pointer]);
  const hint = hintOf(props.schema);
  const hasError = broken || (errors.get(ids.pointer)?.length ?? 0) > 0;
  return (
    <div class="sf-field">
      <label for={ids.id}>{props.label}</label>
      <textarea
        id={ids.id}
        class="sf-json"
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        spellcheck={false}
        aria-describedby={describedBy(ids, Boolean(hint), hasError)}
        aria-invalid={hasError || undefined}
        value={text}
        onInput={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          if (next.trim() === '') {
            setBroken(false);
            invalid(ids.pointer, null);
            props.onChange(undefined);
            return;
          }
          try {
            props.onChange(JSON.parse(next));
            setBroken(false);
            invalid(ids.pointer, null);
          } catch {
            setBroken(true);
            invalid(ids.pointer, words.say('settingsBadJson'));
          }
        }}
      />
      <Hint id={ids.hint} text={hint} extra={words.say('settingsJsonHint')} />
      {broken ? (
        <p id={ids.error} class="sf-error">
          {words.say('settingsBadJson')}
        </p>
      ) : (
        <FieldErrors id={ids.error} pointer={ids.pointer} />
      )}
    </div>
  );
}

/** Whether a node is drawn as one control (else as a fieldset of them). */
export function isScalar(schema: Schema, root: Schema): boolean {
  const field = fieldOf(schema, root);
  if (field.kind === 'nullable') return isScalar(field.inner, root);
  return ['string', 'number', 'enum', 'boolean', 'json', 'const'].includes(field.kind);
}
