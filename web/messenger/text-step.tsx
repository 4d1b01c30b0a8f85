import { useState } from 'preact/hooks';
import type { Words } from './catalogue.ts';
import { StepForm } from './step-form.tsx';

interface TextStepProps {
  kind: 'name' | 'email';
  header: string;
  description: string;
  initial: string;
  words: Words;
  onDone: (value: string) => void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The optional name and email steps. */
export function TextStep({ kind, header, description, initial, words, onDone }: TextStepProps) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const id = `${kind}-input`;
  return (
    <StepForm
      header={header}
      description={description}
      inputId={id}
      error={error}
      submitLabel={words.say('continue')}
      busy={false}
      onSubmit={() => {
        const trimmed = value.trim();
        if (!trimmed) return setError(words.say('required'));
        if (kind === 'email' && !EMAIL.test(trimmed)) return setError(words.say('invalidEmail'));
        onDone(trimmed);
      }}
    >
      <input
        id={id}
        name={kind}
        type={kind === 'email' ? 'email' : 'text'}
        autocomplete={kind === 'email' ? 'email' : 'name'}
        maxLength={kind === 'email' ? 254 : 100}
        aria-describedby={`${id}-description`}
        aria-invalid={error !== null}
        value={value}
        onInput={(event) => {
          setValue(event.currentTarget.value);
          setError(null);
        }}
      />
    </StepForm>
  );
}
