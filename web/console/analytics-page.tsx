import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  localInput,
  type Preset,
  presetRange,
  type Range,
  toLocalInput,
} from './analytics-range.ts';
import { AnalyticsTable } from './analytics-table.tsx';
import { type Analytics, type Api, ApiProblem } from './api.ts';
import type { Words } from './catalogue.ts';
import { type ChartSeries, TimeChart } from './time-chart.tsx';

const GROUPS = ['app', 'channel', 'provider', 'country'] as const;
const COLORS = { started: '#1f5fd1', approved: '#2e7d32', delivered: '#2e7d32', failed: '#c62828' };
const TABLE_ID = 'analytics-table';

/** The per-bucket sums over every group: what the charts draw. */
function overTime(answer: Analytics) {
  const byStart = new Map<string, Analytics['data']>();
  for (const bucket of answer.data) {
    byStart.set(bucket.start, [...(byStart.get(bucket.start) ?? []), bucket]);
  }
  const buckets = [...byStart.entries()];
  const sum = (pick: (b: Analytics['data'][number]) => number) =>
    buckets.map(([, group]) => group.reduce((total, b) => total + pick(b), 0));
  return {
    times: buckets.map(([start]) => Date.parse(start)),
    started: sum((b) => b.verifications.started),
    approved: sum((b) => b.verifications.approved),
    delivered: sum((b) => b.messages.delivered),
    failed: sum((b) => b.messages.failed),
  };
}

/** Verifications and delivery of the admin's apps over a range, as charts and a table. */
export function AnalyticsPage(props: {
  api: Api;
  words: Words;
  onProblem(problem: unknown): void;
}) {
  const { api, words, onProblem } = props;
  const [preset, setPreset] = useState<Preset>('day');
  const [custom, setCustom] = useState(() => {
    const range = presetRange('day', Date.now());
    return { from: toLocalInput(range.from), to: toLocalInput(range.to) };
  });
  const [interval, setBucket] = useState<'hour' | 'day'>('hour');
  const [groupBy, setGroupBy] = useState('');
  const [answer, setAnswer] = useState<Analytics | null>(null);
  const [error, setError] = useState('');

  async function load() {
    setError('');
    let range: Range;
    if (preset === 'custom') {
      const from = localInput(custom.from);
      const to = localInput(custom.to);
      if (!from || !to || from >= to) {
        setError(words.say('badRange'));
        return;
      }
      range = { from, to };
    } else {
      range = presetRange(preset, Date.now());
    }
    try {
      setAnswer(await api.analytics({ ...range, interval, ...(groupBy ? { groupBy } : {}) }));
    } catch (problem) {
      onProblem(problem);
      const invalid = problem instanceof ApiProblem && problem.status === 400;
      setError(words.say(invalid ? 'rangeTooLong' : 'failed'));
    }
  }
  useEffect(() => {
    void load();
  }, []);

  const series = useMemo(() => (answer ? overTime(answer) : null), [answer]);
  const verificationLines = useMemo<ChartSeries[]>(
    () =>
      series
        ? [
            { label: words.say('started'), color: COLORS.started, values: series.started },
            { label: words.say('approved'), color: COLORS.approved, values: series.approved },
          ]
        : [],
    [series],
  );
  const messageLines = useMemo<ChartSeries[]>(
    () =>
      series
        ? [
            { label: words.say('delivered'), color: COLORS.delivered, values: series.delivered },
            { label: words.say('messagesFailed'), color: COLORS.failed, values: series.failed },
          ]
        : [],
    [series],
  );
  const when = new Intl.DateTimeFormat(words.locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title">{words.say('analytics')}</h1>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          void load();
        }}
      >
        <div>
          <label for="analytics-range">{words.say('range')}</label>
          <select
            id="analytics-range"
            value={preset}
            onChange={(e) => setPreset(e.currentTarget.value as Preset)}
          >
            <option value="day">{words.say('last24Hours')}</option>
            <option value="week">{words.say('last7Days')}</option>
            <option value="month">{words.say('last30Days')}</option>
            <option value="custom">{words.say('customRange')}</option>
          </select>
        </div>
        {preset === 'custom' && (
          <>
            <div>
              <label for="analytics-from">{words.say('from')}</label>
              <input
                id="analytics-from"
                type="datetime-local"
                required
                value={custom.from}
                onInput={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
              />
            </div>
            <div>
              <label for="analytics-to">{words.say('to')}</label>
              <input
                id="analytics-to"
                type="datetime-local"
                required
                value={custom.to}
                onInput={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
              />
            </div>
          </>
        )}
        <div>
          <label for="analytics-interval">{words.say('interval')}</label>
          <select
            id="analytics-interval"
            value={interval}
            onChange={(e) => setBucket(e.currentTarget.value as 'hour' | 'day')}
          >
            <option value="hour">{words.say('byHour')}</option>
            <option value="day">{words.say('byDay')}</option>
          </select>
        </div>
        <div>
          <label for="analytics-group">{words.say('groupBy')}</label>
          <select
            id="analytics-group"
            value={groupBy}
            onChange={(e) => setGroupBy(e.currentTarget.value)}
          >
            <option value="">{words.say('noGrouping')}</option>
            {GROUPS.map((group) => (
              <option key={group} value={group}>
                {words.say(`group_${group}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="filters-submit">
          {words.say('show')}
        </button>
      </form>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {answer === null || series === null ? (
        !error && <p>{words.say('loading')}</p>
      ) : (
        <>
          <p class="range" role="status">
            {words.say('showing')}{' '}
            <time dateTime={answer.from}>{when.format(new Date(answer.from))}</time> –{' '}
            <time dateTime={answer.to}>{when.format(new Date(answer.to))}</time>
          </p>
          <h2>{words.say('verificationsChart')}</h2>
          <TimeChart
            label={words.say('verificationsChartAlt')}
            locale={words.locale}
            timeLabel={words.say('when')}
            times={series.times}
            series={verificationLines}
          />
          <h2>{words.say('messagesChart')}</h2>
          <TimeChart
            label={words.say('messagesChartAlt')}
            locale={words.locale}
            timeLabel={words.say('when')}
            times={series.times}
            series={messageLines}
          />
          <AnalyticsTable id={TABLE_ID} answer={answer} words={words} />
        </>
      )}
    </section>
  );
}
