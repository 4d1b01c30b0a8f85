import type { JSX } from 'preact';
import type { Words } from './catalogue.ts';
import { type FieldProps, focusSoon, idsOf } from './schema-context.ts';
import { FieldErrors, JsonField, ScalarField, useForm } from './schema-inputs.tsx';
import { ArrayField, Group, RecordField, SetField } from './schema-lists.tsx';
import { type Field, fieldOf, hintOf, initialOf, labelOf, type Schema } from './schema-model.ts';
import { ChoiceField, UnionField } from './schema-unions.tsx';

/**
 * The settings form generator: every node of the JSON Schema drawn as the field its kind asks
 * for (schema-model.ts decides the kind); lists and maps are in schema-lists.tsx, unions in
 * schema-unions.tsx, the document's sections in schema-sections.tsx.
 */

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
function ObjectField(props: FieldProps & { field: Extract<Field, { kind: 'object' }> }) {
  const { root, words } = useForm();
  const value = (typeof props.value === 'object' && props.value ? props.value : {}) as Record<
    string,
    unknown
  >;
  const fallback = (props.fallback ?? {}) as Record<string, unknown>;
  const children = props.field.properties.map(([key, child]) => {
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
  const { words: _words, empty: _empty, inner, ...field } = props;
  const schema = inner ?? props.schema;
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
      {on && <FieldView {...field} schema={schema} />}
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
