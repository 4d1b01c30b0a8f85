import type { FieldProps } from './schema-context.ts';
import { idsOf } from './schema-context.ts';
import { isScalar, useForm } from './schema-inputs.tsx';
import { Group } from './schema-lists.tsx';
import {
  type Field,
  hintOf,
  initialOf,
  labelOf,
  type Schema,
  switchVariant,
  variantIndexOf,
} from './schema-model.ts';
import { idOf, pointerOf } from './schema-paths.ts';

/**
 * Unions: objects told apart by a `const` (a provider's `type`) and values of several shapes
 * (one rule or a list of them).
 */

/** A variant's fields but the one that names it (the select shows that one). */
function withoutKey(variant: Schema, key: string): Schema {
  const properties = Object.entries((variant.properties ?? {}) as Schema);
  return { ...variant, properties: Object.fromEntries(properties.filter(([k]) => k !== key)) };
}

/** One of several kinds of object told apart by a `const` property: a select, then its fields. */
export function UnionField(props: FieldProps & { field: Extract<Field, { kind: 'union' }> }) {
  const { root, Field: Any } = useForm();
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
        <label for={ids.id}>{labelOf(field.key, keyNode)}</label>
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
      {variant && <Any {...props} schema={withoutKey(variant.schema, field.key)} bare />}
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
export function ChoiceField(props: FieldProps & { field: Extract<Field, { kind: 'choice' }> }) {
  const { root, words, Field: Any } = useForm();
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
        <Any
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
