/**
 * An instant as a `<time>`: its date and its time-of-day each kept on one line, so a narrow
 * table cell breaks between them and nowhere else.
 */
export function whenFormat(locale: string, timeStyle: 'short' | 'medium' = 'medium') {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const clock = new Intl.DateTimeFormat(locale, { timeStyle });
  return (at: string) => {
    const instant = new Date(at);
    return (
      <time dateTime={at}>
        <span class="nowrap">{date.format(instant)}</span>{' '}
        <span class="nowrap">{clock.format(instant)}</span>
      </time>
    );
  };
}
