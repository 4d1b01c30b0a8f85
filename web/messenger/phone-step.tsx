import {
  AsYouType,
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';
import { useMemo, useState } from 'preact/hooks';
import type { Api, GateVerification } from './api.ts';
import { leftToRight } from './bidi.ts';
import type { Words } from './catalogue.ts';
import { sentenceFor } from './problems.ts';
import { StepForm } from './step-form.tsx';

interface PhoneStepProps {
  api: Api;
  words: Words;
  header: string;
  description: string;
  country: CountryCode;
  initial: string;
  profile: { name?: string; email?: string };
  onSent: (verification: GateVerification, typed: { phone: string; country: CountryCode }) => void;
}

/** Countries by their name in the visitor's language, with their calling codes. */
function countryOptions(locale: string) {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const calling = (code: CountryCode) => leftToRight(`+${getCountryCallingCode(code)}`);
  return getCountries()
    .map((code) => ({ code, label: `${names.of(code) ?? code} (${calling(code)})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** The phone step: country picker, formatting as the visitor types, a check before sending. */
export function PhoneStep(props: PhoneStepProps) {
  const { api, words } = props;
  const [country, setCountry] = useState<CountryCode>(props.country);
  const [value, setValue] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => countryOptions(words.locale), [words.locale]);

  const onInput = (raw: string, atEnd: boolean) => {
    setError(null);
    // Formatting mid-edit would move the caret; only format when typing at the end.
    if (!atEnd) return setValue(raw);
    const typer = new AsYouType(country);
    const formatted = typer.input(raw);
    const detected = typer.getCountry();
    if (raw.startsWith('+') && detected) setCountry(detected);
    setValue(raw.length < value.length ? raw : formatted);
  };

  const submit = async () => {
    const parsed = parsePhoneNumberFromString(value, country);
    if (!parsed?.isValid()) return setError(words.say('invalidPhone'));
    setBusy(true);
    try {
      const verification = await api.start({
        phone: parsed.number,
        country,
        ...props.profile,
        locale: words.locale,
      });
      props.onSent(verification, { phone: value, country });
    } catch (failure) {
      setError(sentenceFor(failure, words));
      setBusy(false);
    }
  };

  return (
    <StepForm
      header={props.header}
      description={props.description}
      inputId="phone-input"
      error={error}
      submitLabel={words.say('sendCode')}
      busy={busy}
      onSubmit={submit}
    >
      <div class="phone-row">
        <label class="field-label" for="country-select">
          {words.say('country')}
        </label>
        <select
          id="country-select"
          name="country"
          autocomplete="country"
          value={country}
          onChange={(event) => setCountry(event.currentTarget.value as CountryCode)}
        >
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
        <input
          id="phone-input"
          name="phone"
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          maxLength={32}
          aria-describedby="phone-input-description"
          aria-invalid={error !== null}
          value={value}
          onInput={(event) => {
            const input = event.currentTarget;
            onInput(input.value, input.selectionStart === input.value.length);
          }}
        />
      </div>
    </StepForm>
  );
}
