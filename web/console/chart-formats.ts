const DAY_SECONDS = 86_400;

/**
 * How a chart writes its times and counts in the page's language. uPlot's own formats are
 * American English ("12pm", "12/6/26", a legend titled "Time"), whatever the page's language;
 * these follow `Intl` as the table beside the chart does. Times are uPlot's: seconds since the
 * epoch, shown in the browser's time zone.
 */
export function chartFormats(locale: string) {
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  // The same words as the table's first column, so a hovered point reads like its row.
  const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const count = new Intl.NumberFormat(locale);
  const dayOf = (seconds: number) => new Date(seconds * 1000).toDateString();
  return {
    /** Tick labels: days a day or more apart, else times, the day under each day's first. */
    ticks(splits: number[], increment: number): string[] {
      if (increment >= DAY_SECONDS) return splits.map((s) => day.format(s * 1000));
      return splits.map((s, i) => {
        const time = clock.format(s * 1000);
        const previous = splits[i - 1];
        const newDay = previous === undefined || dayOf(previous) !== dayOf(s);
        return newDay ? `${time}\n${day.format(s * 1000)}` : time;
      });
    },
    instant: (seconds: number | null) =>
      seconds === null || seconds === undefined ? '—' : instant.format(seconds * 1000),
    count: (n: number | null) => (n === null || n === undefined ? '—' : count.format(n)),
  };
}
