import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface StepFormProps {
  /** The step's header; also the accessible name of its input (`inputId`). */
  header: string;
  description: string;
  inputId: string;
  /** A refusal or an error, shown in the one `role="alert"` of the step. */
  error: string | null;
  submitLabel: string;
  busy: boolean;
  onSubmit: () => void;
  children: ComponentChildren;
  /** Below the submit button: resend, change number. */
  after?: ComponentChildren;
}

/** One gate step: a real form, so Enter in its input submits it. */
export function StepForm(props: StepFormProps) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>(`#${props.inputId}`)?.focus();
  }, [props.inputId]);
  return (
    <form
      ref={form}
      class="step"
      noValidate
      aria-busy={props.busy}
      onSubmit={(event) => {
        event.preventDefault();
        if (!props.busy) props.onSubmit();
      }}
    >
      <h1 class="step-header">
        <label for={props.inputId}>{props.header}</label>
      </h1>
      <p class="step-description" id={`${props.inputId}-description`}>
        {props.description}
      </p>
      {props.children}
      <p class="step-error" role="alert">
        {props.error}
      </p>
      <button class="primary" type="submit" disabled={props.busy}>
        {props.submitLabel}
      </button>
      {props.after}
    </form>
  );
}
