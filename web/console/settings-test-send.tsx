import { useState } from 'preact/hooks';
import { ApiProblem } from './api.ts';
import type { Words } from './catalogue.ts';
import type { SettingsApi, TestAttempt } from './settings-api.ts';

/**
 * One test message through the app's saved providers of a channel, and what each provider
 * tried answered: its outcome, its error and the gateway's answer, as the service returns them.
 */
export function TestSendForm(props: {
  settings: SettingsApi;
  appId: string;
  channels: readonly string[];
  words: Words;
  onProblem(problem: unknown): void;
}) {
  const { words } = props;
  const [channel, setChannel] = useState(props.channels[0] ?? 'sms');
  const [to, setTo] = useState('');
  const [country, setCountry] = useState('');
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState<TestAttempt[] | null>(null);
  const [error, setError] = useState('');

  async function send(event: Event) {
    event.preventDefault();
    if (busy) return;
    setError('');
    if (!to.trim()) {
      setError(words.say('settingsTestNeedsTo'));
      document.getElementById('test-send-to')?.focus();
      return;
    }
    setBusy(true);
    try {
      const input = {
        channel,
        to: to.trim(),
        ...(country.trim() ? { country: country.trim() } : {}),
      };
      setAttempts((await props.settings.testSend(props.appId, input)).attempts);
    } catch (problem) {
      props.onProblem(problem);
      setAttempts(null);
      setError(
        problem instanceof ApiProblem && problem.detail
          ? words.say('settingsRefused', { detail: problem.detail })
          : words.say('failed'),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="test-send" aria-labelledby="test-send-title">
      <h2 id="test-send-title">{words.say('settingsTestSend')}</h2>
      <p class="sf-hint">{words.say('settingsTestSendHint')}</p>
      <form class="test-send-form" onSubmit={send} noValidate aria-busy={busy}>
        <div class="sf-field">
          <label for="test-send-channel">{words.say('channel')}</label>
          <select
            id="test-send-channel"
            value={channel}
            onChange={(event) => setChannel(event.currentTarget.value)}
          >
            {props.channels.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div class="sf-field">
          <label for="test-send-to">{words.say('destination')}</label>
          <input
            id="test-send-to"
            type="text"
            autocomplete="off"
            aria-describedby="test-send-to-hint"
            aria-invalid={error !== '' && !to.trim() ? true : undefined}
            value={to}
            onInput={(event) => setTo(event.currentTarget.value)}
          />
          <p id="test-send-to-hint" class="sf-hint">
            {words.say('settingsTestToHint')}
          </p>
        </div>
        <div class="sf-field">
          <label for="test-send-country">{words.say('settingsCountry')}</label>
          <input
            id="test-send-country"
            type="text"
            maxLength={2}
            autocomplete="off"
            aria-describedby="test-send-country-hint"
            value={country}
            onInput={(event) => setCountry(event.currentTarget.value.toUpperCase())}
          />
          <p id="test-send-country-hint" class="sf-hint">
            {words.say('settingsCountryHint')}
          </p>
        </div>
        <div class="sf-actions">
          {/* Not `disabled`: that would take the focus from it while the message is sent. */}
          <button type="submit" aria-disabled={busy}>
            {words.say('settingsSendTest')}
          </button>
        </div>
      </form>
      <p class="error" role="alert">
        {error}
      </p>
      <div role="status">
        {attempts && (
          <div class="table-scroll">
            <table>
              <caption>{words.say('settingsAttempts', { n: attempts.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{words.say('provider')}</th>
                  <th scope="col">{words.say('settingsOutcome')}</th>
                  <th scope="col">{words.say('errorCode')}</th>
                  <th scope="col">{words.say('settingsLatency')}</th>
                  <th scope="col">{words.say('settingsGatewayAnswer')}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((attempt, i) => (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>{attempt.provider}</td>
                    <td class={attempt.ok ? 'outcome-ok' : 'outcome-failed'}>
                      {words.say(attempt.ok ? 'settingsTaken' : 'settingsNotTaken')}
                    </td>
                    <td>
                      {attempt.error ?? '—'}
                      {attempt.detail && attempt.detail !== attempt.error && (
                        <span class="attempt-detail">{attempt.detail}</span>
                      )}
                    </td>
                    <td>{words.say('milliseconds', { n: attempt.latencyMs })}</td>
                    <td class="attempt-answer">
                      {attempt.response
                        ? `${attempt.response.status} ${attempt.response.body}`.trim()
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
