import { useMemo } from 'preact/hooks';
import type { Words } from './catalogue.ts';
import type { FormContext } from './schema-context.ts';
import { SchemaFormContext } from './schema-context.ts';
import { FieldView } from './schema-form.tsx';
import { isScalar } from './schema-inputs.tsx';
import { fieldOf, labelOf, type Schema } from './schema-model.ts';
import { pointerOf } from './schema-paths.ts';

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
