import type { Analytics } from './api.ts';
import type { Words } from './catalogue.ts';

/** Every bucket's numbers: the charts' text alternative, and the latency and conversion. */
export function AnalyticsTable(props: { id: string; answer: Analytics; words: Words }) {
  const { answer, words } = props;
  const grouped = answer.groupBy !== null;
  const time = new Intl.DateTimeFormat(words.locale, {
    dateStyle: 'medium',
    ...(answer.interval === 'hour' ? { timeStyle: 'short' } : {}),
  });
  const count = new Intl.NumberFormat(words.locale);
  const percent = new Intl.NumberFormat(words.locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const ms = (value: number | null) =>
    value === null ? '—' : words.say('milliseconds', { n: count.format(value) });
  return (
    // On a narrow screen the table scrolls sideways: reachable and named for keyboards.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus
    <section class="table-scroll" aria-labelledby={`${props.id}-caption`} tabIndex={0}>
      <table id={props.id}>
        <caption id={`${props.id}-caption`}>{words.say('analyticsTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{words.say('when')}</th>
            {grouped && <th scope="col">{words.say('group')}</th>}
            <th scope="col">{words.say('started')}</th>
            <th scope="col">{words.say('approved')}</th>
            <th scope="col">{words.say('expired')}</th>
            <th scope="col">{words.say('verificationsFailed')}</th>
            <th scope="col">{words.say('conversion')}</th>
            <th scope="col">{words.say('sent')}</th>
            <th scope="col">{words.say('delivered')}</th>
            <th scope="col">{words.say('messagesFailed')}</th>
            <th scope="col">{words.say('latencyP50')}</th>
            <th scope="col">{words.say('latencyP95')}</th>
          </tr>
        </thead>
        <tbody>
          {answer.data.map(({ start, group, verifications: v, messages: m }) => (
            <tr key={`${start} ${group}`}>
              <th scope="row">
                <time dateTime={start}>{time.format(new Date(start))}</time>
              </th>
              {grouped && <td>{group ?? words.say('unknown')}</td>}
              <td>{count.format(v.started)}</td>
              <td>{count.format(v.approved)}</td>
              <td>{count.format(v.expired)}</td>
              <td>{count.format(v.failed)}</td>
              <td>{v.conversionRate === null ? '—' : percent.format(v.conversionRate)}</td>
              <td>{count.format(m.sent)}</td>
              <td>{count.format(m.delivered)}</td>
              <td>{count.format(m.failed)}</td>
              <td>{ms(m.latencyP50Ms)}</td>
              <td>{ms(m.latencyP95Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
