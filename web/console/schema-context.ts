import { createContext, type JSX } from 'preact';
import type { Words } from './catalogue.ts';
import type { Schema } from './schema-model.ts';
import { idOf, type Path, pointerOf } from './schema-paths.ts';

/** One field of the generated form: where it is, what it holds, how to change it. */
export interface FieldProps {
  schema: Schema;
  value: unknown;
  path: Path;
  label: string;
  /** Whether the document must have a value here (else empty leaves it out). */
  required: boolean;
  onChange(value: unknown): void;
  /** The caller draws the fieldset and its legend (a list's item, a map's entry). */
  bare?: boolean;
  /** What otpd uses where the document leaves this out (`x-builtIn`): shown in empty inputs. */
  fallback?: unknown;
  /** Whether the value is secret though the schema cannot say (a map's key decides). */
  secret?: boolean;
}

export interface FormContext {
  root: Schema;
  words: Words;
  /** Messages by the pointer of the field that shows them. */
  errors: ReadonlyMap<string, readonly string[]>;
  /** Renders any field: the dispatcher, given here so the field files need not import it. */
  Field(props: FieldProps): JSX.Element | null;
  /** Something drawn beside a place's fields (the messenger's preview), by pointer. */
  asides: Readonly<Record<string, (value: unknown) => JSX.Element>>;
  /** A field's own complaint (JSON that does not parse), or null when it is fine again. */
  invalid(pointer: string, message: string | null): void;
}

export const SchemaFormContext = createContext<FormContext | null>(null);

/** The ids a field's input and its hint and errors go by. */
export function idsOf(path: Path) {
  const pointer = pointerOf(path);
  const id = idOf(pointer);
  return { pointer, id, hint: `${id}-hint`, error: `${id}-error` };
}

/** The first control inside an element (or the element), focused once the page has drawn it. */
export function focusSoon(id: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    const control = element?.matches('input, select, textarea, button')
      ? element
      : (element?.querySelector<HTMLElement>('input, select, textarea') ??
        element?.querySelector<HTMLElement>('button'));
    (control ?? element)?.focus();
  });
}
