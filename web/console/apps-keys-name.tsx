import type { Phrase } from './catalogue.ts';

// The server's rule for an app's name (console-app-schemas.ts): 1-100 characters once
// trimmed, no control characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why a typed name would be refused, before asking the server; null when it would not. */
export function nameProblem(name: string): Phrase | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'required';
  if (trimmed.length > 100 || CONTROL.test(trimmed)) return 'nameInvalid';
  return null;
}

/** A labelled name input; its error is announced and tied to it. */
export function NameField(props: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  onInput(value: string): void;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        autocomplete="off"
        required
        maxLength={100}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? errorId : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.error && (
        <p class="error" role="alert" id={errorId}>
          {props.error}
        </p>
      )}
    </div>
  );
}
