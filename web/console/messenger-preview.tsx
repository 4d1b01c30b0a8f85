import { useEffect, useRef, useState } from 'preact/hooks';
import { wordsFor as messengerWordsFor } from '../messenger/catalogue.ts';
import type { Words } from './catalogue.ts';

type Texts = Record<string, string>;
type Overrides = Record<string, Record<string, unknown>>;

/** `pt-BR` → `pt-br`, `pt`: a tag and its shorter prefixes, longest first. */
const prefixesOf = (tag: string) => {
  const parts = tag.toLowerCase().split('-');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('-'));
};

/**
 * The gate's texts for a locale as the messenger picks them (src/messenger/domain/messenger-texts.ts
 * `resolveTexts`): the first of the tag and its prefixes that the app overrides or otpd has
 * built in, the app's texts over the built-in ones, key by key; English underneath.
 */
export function gateTexts(locale: string, overrides: Overrides, builtIn: Overrides): Texts {
  const strings = (entry: Record<string, unknown> | undefined): Texts =>
    Object.fromEntries(
      Object.entries(entry ?? {}).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
      ),
    );
  const own = new Map(Object.entries(overrides).map(([tag, t]) => [tag.toLowerCase(), t]));
  const english = strings(builtIn.en);
  for (const candidate of prefixesOf(locale)) {
    const base = builtIn[candidate];
    const mine = own.get(candidate);
    if (base || mine) return { ...english, ...strings(base), ...strings(mine) };
  }
  return { ...english, ...strings(own.get('en')) };
}

/** The first locale whose texts differ between two versions of the overrides. */
function changedLocale(before: Overrides, after: Overrides): string | undefined {
  return Object.keys(after).find(
    (tag) => tag !== '' && JSON.stringify(before[tag]) !== JSON.stringify(after[tag]),
  );
}

function Step(props: {
  name: string;
  header?: string;
  description?: string;
  button: string;
  input: string;
}) {
  return (
    <div class="gate-step">
      <p class="gate-step-name">{props.name}</p>
      <p class="gate-step-header">{props.header}</p>
      <p class="gate-step-description">{props.description}</p>
      <div class="gate-input" aria-hidden="true">
        {props.input}
      </div>
      <div class="gate-button" aria-hidden="true">
        {props.button}
      </div>
    </div>
  );
}

/**
 * The messenger's gate as a visitor would see it with the settings being edited, before
 * they are saved: the name, email, phone and code steps the settings ask for and the chat's
 * welcome line, in the chosen locale, following the locale whose texts were changed last.
 * A drawing of the messenger page (its own components submit and take the focus).
 */
export function MessengerPreview(props: { value: unknown; builtIn: Overrides; words: Words }) {
  const { words, builtIn } = props;
  const settings = (typeof props.value === 'object' && props.value ? props.value : {}) as Record<
    string,
    unknown
  >;
  const overrides = (
    typeof settings.texts === 'object' && settings.texts ? settings.texts : {}
  ) as Overrides;
  const [locale, setLocale] = useState(words.locale);
  const previous = useRef(overrides);
  useEffect(() => {
    const changed = changedLocale(previous.current, overrides);
    previous.current = overrides;
    if (changed && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(changed)) setLocale(changed);
  }, [JSON.stringify(overrides)]);

  const locales = [...new Set([...Object.keys(builtIn), ...Object.keys(overrides), locale])]
    .filter((tag) => tag !== '')
    .sort();
  const texts = gateTexts(locale, overrides, builtIn);
  const mw = messengerWordsFor([locale]);
  const otp = settings.authentication !== 'none';
  return (
    <aside class="gate-preview" aria-labelledby="gate-preview-title">
      <h2 id="gate-preview-title">{words.say('settingsPreview')}</h2>
      <label for="gate-preview-locale">{words.say('settingsPreviewLocale')}</label>
      <select
        id="gate-preview-locale"
        value={locale}
        aria-describedby="gate-preview-hint"
        onChange={(event) => setLocale(event.currentTarget.value)}
      >
        {locales.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      <p id="gate-preview-hint" class="sf-hint">
        {words.say('settingsPreviewHint')}
      </p>
      <div class="gate-steps" lang={locale} dir={mw.dir}>
        {settings.askName === true && (
          <Step
            name={words.say('settingsStepName')}
            header={texts.nameHeader}
            description={texts.nameDescription}
            input=""
            button={mw.say('continue')}
          />
        )}
        {settings.askEmail === true && (
          <Step
            name={words.say('settingsStepEmail')}
            header={texts.emailHeader}
            description={texts.emailDescription}
            input="name@example.com"
            button={mw.say('continue')}
          />
        )}
        {otp && (
          <Step
            name={words.say('settingsStepPhone')}
            header={texts.phoneHeader}
            description={texts.phoneDescription}
            input="+90 555 000 00 00"
            button={mw.say('sendCode')}
          />
        )}
        {otp && (
          <Step
            name={words.say('settingsStepCode')}
            header={texts.smsHeader}
            description={texts.smsDescription}
            input="• • • • • •"
            button={mw.say('verify')}
          />
        )}
        <div class="gate-step">
          <p class="gate-step-name">{words.say('settingsStepChat')}</p>
          <p class="gate-bubble">{texts.welcome}</p>
        </div>
      </div>
    </aside>
  );
}
