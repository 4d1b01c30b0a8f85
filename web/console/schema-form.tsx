import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Words } from './catalogue.ts';
import {
  type FieldProps,
  type FormContext,
  focusSoon,
  idsOf,
  SchemaFormContext,
} from './schema-context.ts';
import { FieldErrors, isScalar, JsonField, ScalarField, useForm } from './schema-inputs.tsx';
import { ArrayField, Group, RecordField, SetField } from './schema-lists.tsx';
import {
  type Field,
  fieldOf,
  hintOf,
  idOf,
  initialOf,
  labelOf,
  pointerOf,
  type Schema,
  switchVariant,
  variantIndexOf,
} from './schema-model.ts';

/** Any node: the field its kind asks for. */
export function FieldView(props: FieldProps): JSX.Element | null {
  const { root } = useForm();
  const field = fieldOf(props.schema, root);
  switch (field.kind) {
    case 'string':
    case 'number':
    case 'enum':
    case 'boolean':
      return <ScalarField {...props} field={field} />;
    case 'nullable':
      return <NullableField {...props} field={field} />;
    case 'object':
      return <ObjectField {...props} field={field} />;
    case 'record':
      return <RecordField {...props} field={field} />;
    case 'array':
      return <ArrayField {...props} field={field} />;
    case 'set':
      return <SetField {...props} field={field} />;
    case 'union':
      return <UnionField {...props} field={field} />;
    case 'choice':
      return <ChoiceField {...props} field={field} />;
    case 'json':
      return <JsonField {...props} />;
    case 'const':
      return null;
  }
}

/** Whether a property may be absent and has nothing to fall back on: it is switched on. */
function isOptionalGroup(child: Schema, required: boolean, root: Schema): boolean {
  if (required || 'default' in child) return false;
  const kind = fieldOf(child, root).kind;
  return kind === 'object' || kind === 'union';
}

/** An object: its properties, each as its own field; in a fieldset unless `bare`. */
function ObjectField(
  props: FieldProps & { field: Extract<Field, { kind: 'object' }>; skip?: string },
) {
  const { root, words } = useForm();
  const value = (typeof props.value === 'object' && props.value ? props.value : {}) as Record<
    string,
    unknown
  >;
  const fallback = (props.fallback ?? {}) as Record<string, unknown>;
  const children = props.field.properties
    .filter(([key]) => key !== props.skip)
    .map(([key, child]) => {
      const required = props.field.required.has(key);
      const change = (next: unknown) => {
        const copy = { ...value };
        if (next === undefined) delete copy[key];
        else copy[key] = next;
        props.onChange(copy);
      };
      const common = {
        schema: child,
        value: value[key],
        path: [...props.path, key],
        label: labelOf(key, child),
        required,
        onChange: change,
        fallback: fallback[key],
      };
      if (isOptionalGroup(child, required, root)) {
        return <Optional key={key} {...common} words={words} empty={undefined} />;
      }
      return <FieldView key={key} {...common} />;
    });
  if (props.bare) return <>{children}</>;
  return (
    <Group path={props.path} label={props.label} hint={hintOf(props.schema)}>
      {children}
    </Group>
  );
}

/** A group the document may leave out (or set to null): a checkbox switches it on. */
function Optional(props: FieldProps & { words: Words; empty: null | undefined; inner?: Schema }) {
  const { root, errors } = useForm();
  const schema = props.inner ?? props.schema;
  const on = props.value !== undefined && props.value !== null;
  const ids = idsOf(props.path);
  const toggleId = `${ids.id}-use`;
  return (
    <div class="sf-optional" id={on ? undefined : ids.id}>
      <div class="sf-field sf-check">
        <input
          id={toggleId}
          type="checkbox"
          checked={on}
          aria-describedby={
            [
              !on && hintOf(props.schema) ? `${toggleId}-hint` : '',
              !on && errors.get(ids.pointer)?.length ? ids.error : '',
            ]
              .filter(Boolean)
              .join(' ') || undefined
          }
          onChange={(event) => {
            if (!event.currentTarget.checked) return props.onChange(props.empty);
            props.onChange(initialOf(schema, root) ?? {});
            focusSoon(ids.id);
          }}
        />
        <label for={toggleId}>{props.words.say('settingsUse', { what: props.label })}</label>
        {!on && hintOf(props.schema) && (
          <p id={`${toggleId}-hint`} class="sf-hint">
            {hintOf(props.schema)}
          </p>
        )}
        {!on && <FieldErrors id={ids.error} pointer={ids.pointer} />}
      </div>
      {on && <FieldView {...props} schema={schema} />}
    </div>
  );
}

/** A value that may be null: a scalar whose empty input is null, or a group switched on. */
function NullableField(props: FieldProps & { field: Extract<Field, { kind: 'nullable' }> }) {
  const { root, words } = useForm();
  const inner = props.field.inner;
  const field = fieldOf(inner, root);
  if (
    field.kind === 'string' ||
    field.kind === 'number' ||
    field.kind === 'enum' ||
    field.kind === 'boolean'
  ) {
    return <ScalarField {...props} schema={inner} field={field} nullable />;
  }
  return <Optional {...props} words={words} empty={null} inner={inner} />;
}

/** One of several kinds of object told apart by a `const` property: a select, then its fields. */
function UnionField(props: FieldProps & { field: Extract<Field, { kind: 'union' }> }) {
  const { root } = useForm();
  const { field } = props;
  const chosen =
    typeof props.value === 'object' && props.value
      ? (props.value as Record<string, unknown>)[field.key]
      : undefined;
  const variant = field.variants.find((v) => v.value === chosen) ?? field.variants[0];
  const ids = idsOf([...props.path, field.key]);
  const keyNode = ((variant?.schema.properties as Schema | undefined)?.[field.key] ?? {}) as Schema;
  const hint = variant?.description ?? hintOf(keyNode);
  const content = (
    <>
      <div class="sf-field">
        <label for={ids.id}>{labelOf(field.key, {})}</label>
        <select
          id={ids.id}
          aria-describedby={hint ? ids.hint : undefined}
          value={variant?.value}
          onChange={(event) => {
            const next = field.variants.find((v) => v.value === event.currentTarget.value);
            if (next) props.onChange(switchVariant(props.value, next, field.key, root));
          }}
        >
          {field.variants.map((v) => (
            <option key={v.value} value={v.value}>
              {v.title ?? v.value}
            </option>
          ))}
        </select>
        {hint && (
          <p id={ids.hint} class="sf-hint">
            {hint}
          </p>
        )}
      </div>
      {variant && (
        <ObjectField
          {...props}
          schema={variant.schema}
          field={fieldOf(variant.schema, root) as Extract<Field, { kind: 'object' }>}
          skip={field.key}
          bare
        />
      )}
    </>
  );
  if (props.bare) return content;
  return (
    <Group path={props.path} label={props.label} hint={hintOf(props.schema)}>
      {content}
    </Group>
  );
}

/** One of several shapes (one value or a list of them): a select of the shape, then it. */
function ChoiceField(props: FieldProps & { field: Extract<Field, { kind: 'choice' }> }) {
  const { root, words } = useForm();
  const { variants } = props.field;
  const index = variantIndexOf(variants, props.value ?? props.schema.default);
  const variant = variants[index];
  const id = `${idOf(pointerOf(props.path))}-shape`;
  const nameOf = (value: string) =>
    words.say(value === 'array' ? 'settingsShapeList' : 'settingsShapeOne');
  return (
    <Group path={props.path} label={props.label} hint={hintOf(props.schema)}>
      <div class="sf-field">
        <label for={id}>{words.say('settingsShape')}</label>
        <select
          id={id}
          value={String(index)}
          onChange={(event) => {
            const next = variants[Number(event.currentTarget.value)];
            if (next) props.onChange(initialOf(next.schema, root));
          }}
        >
          {variants.map((v, i) => (
            <option key={v.value} value={String(i)}>
              {nameOf(v.value)}
            </option>
          ))}
        </select>
      </div>
      {variant && (
        <FieldView
          {...props}
          value={props.value ?? props.schema.default}
          schema={variant.schema}
          label={isScalar(variant.schema, root) ? props.label : nameOf(variant.value)}
          bare
        />
      )}
    </Group>
  );
}

/** The key of the section of the document's plain top-level fields. */
export const GENERAL = '#general';

export interface SchemaFormProps {
  schema: Schema;
  value: unknown;
  words: Words;
  errors: ReadonlyMap<string, readonly string[]>;
  onChange(value: unknown): void;
  /** Which top-level sections are open, by key (`GENERAL` for the plain fields). */
  open: ReadonlySet<string>;
  onToggle(key: string, open: boolean): void;
  asides?: FormContext['asides'];
  invalid: FormContext['invalid'];
}

/**
 * The whole document as a form: its plain top-level fields first, then each group as a
 * section that opens and closes (a `<details>`), drawn only while open.
 */
export function SchemaForm(props: SchemaFormProps) {
  const { schema: root, words } = props;
  const context: FormContext = useMemo(
    () => ({
      root,
      words,
      errors: props.errors,
      Field: FieldView,
      asides: props.asides ?? {},
      invalid: props.invalid,
    }),
    [root, words, props.errors, props.asides, props.invalid],
  );
  const field = fieldOf(root, root);
  if (field.kind !== 'object') return null;
  const value = (typeof props.value === 'object' && props.value ? props.value : {}) as Record<
    string,
    unknown
  >;
  const change = (key: string) => (next: unknown) => {
    const copy = { ...value };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    props.onChange(copy);
  };
  const plain = field.properties.filter(([, child]) => isScalar(child, root));
  const groups = field.properties.filter(([, child]) => !isScalar(child, root));
  // The plain fields share one section, open when asked or when one of them is.
  const generalOpen = props.open.has(GENERAL) || plain.some(([key]) => props.open.has(key));
  return (
    <SchemaFormContext.Provider value={context}>
      {plain.length > 0 && (
        <details
          class="sf-details"
          open={generalOpen}
          onToggle={(event) => {
            const now = (event.currentTarget as HTMLDetailsElement).open;
            if (now !== generalOpen) props.onToggle(GENERAL, now);
          }}
        >
          <summary>{words.say('settingsGeneral')}</summary>
          {generalOpen && (
            <div class="sf-body">
              <fieldset class="sf-group sf-fields">
                <legend class="visually-hidden">{words.say('settingsGeneral')}</legend>
                {plain.map(([key, child]) => (
                  <FieldView
                    key={key}
                    schema={child}
                    value={value[key]}
                    path={[key]}
                    label={labelOf(key, child)}
                    required={field.required.has(key)}
                    onChange={change(key)}
                  />
                ))}
              </fieldset>
            </div>
          )}
        </details>
      )}
      {groups.map(([key, child]) => {
        const open = props.open.has(key);
        const aside = context.asides[pointerOf([key])];
        return (
          <details
            key={key}
            class="sf-details"
            open={open}
            onToggle={(event) => {
              const now = (event.currentTarget as HTMLDetailsElement).open;
              if (now !== open) props.onToggle(key, now);
            }}
          >
            <summary>{labelOf(key, child)}</summary>
            {open && (
              <div class={aside ? 'sf-body sf-with-aside' : 'sf-body'}>
                <div class="sf-fields">
                  <FieldView
                    schema={child}
                    value={value[key]}
                    path={[key]}
                    label={labelOf(key, child)}
                    required={field.required.has(key)}
                    onChange={change(key)}
                  />
                </div>
                {aside?.(value[key])}
              </div>
            )}
          </details>
        );
      })}
    </SchemaFormContext.Provider>
  );
}
