import type { CountryCode } from 'libphonenumber-js/min';
import { useEffect, useState } from 'preact/hooks';
import { type Api, ApiProblem, type GateVerification, type MessengerConfig } from './api.ts';
import type { Words } from './catalogue.ts';
import { Chat } from './chat.tsx';
import { CodeStep } from './code-step.tsx';
import { PhoneStep } from './phone-step.tsx';
import { sentenceFor } from './problems.ts';
import { TextStep } from './text-step.tsx';

type Screen =
  | { kind: 'loading' }
  | { kind: 'failed'; sentence: string }
  | { kind: 'name' | 'email' | 'phone' }
  | { kind: 'code'; verification: GateVerification }
  | { kind: 'chat'; status: string };

/** The region of the browser's language (`en-GB` → `GB`), the last guess for the country. */
function browserCountry(): CountryCode {
  const region = navigator.languages
    .map((tag) => /-([A-Z]{2})\b/.exec(tag)?.[1])
    .find((code) => code !== undefined);
  return (region ?? 'US') as CountryCode;
}

/** The whole messenger: the gate's steps in order, then the chat. */
export function Messenger({ api, words }: { api: Api; words: Words }) {
  const [config, setConfig] = useState<MessengerConfig | null>(null);
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });
  const [profile, setProfile] = useState<{ name?: string; email?: string }>({});
  const [typed, setTyped] = useState<{ phone: string; country?: CountryCode }>({ phone: '' });
  // Each chat of this visit is its own: a new one starts with an empty history.
  const [chats, setChats] = useState(0);

  useEffect(() => {
    (async () => {
      const loaded = await api.config(words.locale);
      setConfig(loaded);
      document.title = loaded.appName;
      const session = await api.session().catch((failure) => {
        if (failure instanceof ApiProblem && failure.status === 401) return null;
        throw failure;
      });
      if (session) return setScreen({ kind: 'chat', status: session.status });
      const first = firstStep(loaded);
      if (first) return setScreen(first);
      const opened = await api.openWithoutCode({ locale: words.locale });
      setScreen({ kind: 'chat', status: opened.status });
    })().catch((failure) => setScreen({ kind: 'failed', sentence: sentenceFor(failure, words) }));
  }, [api]);

  /** The chat ended: leave its session and take the gate's steps again for a new one. */
  const newChat = () => {
    if (!config) return;
    setScreen({ kind: 'loading' });
    setChats((n) => n + 1);
    (async () => {
      await api.logout();
      const first = firstStep(config);
      if (first) return setScreen(first);
      const opened = await api.openWithoutCode({ ...profile, locale: words.locale });
      setScreen({ kind: 'chat', status: opened.status });
    })().catch((failure) => setScreen({ kind: 'failed', sentence: sentenceFor(failure, words) }));
  };

  const after = (step: 'name' | 'email', next: { name?: string; email?: string }) => {
    if (!config) return;
    const merged = { ...profile, ...next };
    setProfile(merged);
    if (step === 'name' && config.askEmail) return setScreen({ kind: 'email' });
    if (config.authentication === 'otp') return setScreen({ kind: 'phone' });
    api
      .openWithoutCode({ ...merged, locale: words.locale })
      .then((c) => setScreen({ kind: 'chat', status: c.status }))
      .catch((failure) => setScreen({ kind: 'failed', sentence: sentenceFor(failure, words) }));
  };

  if (screen.kind === 'loading' || !config) {
    return screen.kind === 'failed' ? (
      <p class="step-error" role="alert">
        {screen.sentence}
      </p>
    ) : (
      <p class="loading">{words.say('loading')}</p>
    );
  }
  const { texts } = config;
  switch (screen.kind) {
    case 'failed':
      return (
        <p class="step-error" role="alert">
          {screen.sentence}
        </p>
      );
    case 'name':
    case 'email':
      return (
        <TextStep
          key={screen.kind}
          kind={screen.kind}
          header={texts[`${screen.kind}Header`]}
          description={texts[`${screen.kind}Description`]}
          initial={profile[screen.kind] ?? ''}
          words={words}
          onDone={(value) => after(screen.kind as 'name' | 'email', { [screen.kind]: value })}
        />
      );
    case 'phone':
      return (
        <PhoneStep
          api={api}
          words={words}
          header={texts.phoneHeader}
          description={texts.phoneDescription}
          country={
            typed.country ?? ((config.preferredCountry as CountryCode | null) || browserCountry())
          }
          initial={typed.phone}
          profile={profile}
          onSent={(verification, entered) => {
            setTyped(entered);
            setScreen({ kind: 'code', verification });
          }}
        />
      );
    case 'code':
      return (
        <CodeStep
          api={api}
          words={words}
          header={texts.smsHeader}
          description={texts.smsDescription}
          codeLength={config.codeLength}
          verification={screen.verification}
          onVerified={() => setScreen({ kind: 'chat', status: 'bot' })}
          onChangeNumber={() => setScreen({ kind: 'phone' })}
        />
      );
    case 'chat':
      return (
        <Chat
          key={chats}
          api={api}
          words={words}
          appName={config.appName}
          welcome={texts.welcome}
          codeLabel={texts.smsHeader}
          status={screen.status}
          onNewChat={newChat}
        />
      );
  }
}

/** The first step to show; none when the chat opens at once. */
function firstStep(config: MessengerConfig): Screen | null {
  if (config.askName) return { kind: 'name' };
  if (config.askEmail) return { kind: 'email' };
  return config.authentication === 'otp' ? { kind: 'phone' } : null;
}
