import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  screenshot,
  seriousViolations,
  type TestBrowser,
} from '../../../test/helpers/browser.ts';
import { ADMIN_PASSWORD, createAdmin } from '../../../test/helpers/console-admin.ts';
import { startServer, type TestServer } from '../../../test/helpers/harness.ts';
import type { Client } from '../../../test/helpers/http-client.ts';

interface Bucket {
  start: string;
  verifications: {
    started: number;
    approved: number;
    expired: number;
    failed: number;
    conversionRate: number | null;
  };
  messages: {
    sent: number;
    delivered: number;
    failed: number;
    latencyP50Ms: number | null;
    latencyP95Ms: number | null;
  };
}

// A browser and a server share two cores with the rest of the suite.
describe("the console's analytics page in a real browser", { timeout: 120_000 }, () => {
  let server: TestServer;
  let chrome: TestBrowser;
  let client: Client;

  beforeAll(async () => {
    [server, chrome] = await Promise.all([startServer(), launchBrowser()]);
    ({ client } = await server.createApp('Charted Shop'));
    // Three verifications: two approved with the code the sandbox received, one left waiting.
    for (const [i, approve] of [true, true, false].entries()) {
      const started = await client.post('/v1/verifications', { to: `+90555163000${i}` });
      if (!approve) continue;
      const code = await server.readCode(client, started.body.id);
      expect(
        (await client.post(`/v1/verifications/${started.body.id}/check`, { code })).status,
      ).toBe(200);
    }
    for (let i = 0; i < 250; i++) {
      if ((await client.get('/v1/messages')).body.data.length === 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await createAdmin(server, 'owner@example.com');
  });
  afterAll(async () => {
    await chrome?.close();
    await server?.close();
  });

  async function openAnalytics(
    viewport: { width: number; height: number },
    locale = 'en-US',
  ): Promise<Page> {
    const tr = locale === 'tr-TR';
    const context = await chrome.browser.newContext({ viewport, locale });
    const page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await page.getByLabel(tr ? 'E-posta' : 'Email').fill('owner@example.com');
    await page.getByLabel(tr ? 'Parola' : 'Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: tr ? 'Giriş yap' : 'Sign in' }).click();
    await page
      .getByRole('navigation', { name: tr ? 'Konsol' : 'Console' })
      .getByRole('link', { name: tr ? 'Analiz' : 'Analytics' })
      .click();
    await page.getByRole('heading', { name: tr ? 'Analiz' : 'Analytics', level: 1 }).waitFor();
    await page.locator('#analytics-table tbody tr').first().waitFor();
    return page;
  }

  /** Each row of the table: its bucket's start and its cells' text. */
  const rowsOf = (page: Page) =>
    page.$$eval('#analytics-table tbody tr', (rows) =>
      rows.map((row) => ({
        start: row.querySelector('time')?.getAttribute('datetime') ?? '',
        cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
      })),
    );

  /** How many pixels of each chart's canvas uPlot painted. */
  const paintedPixels = (page: Page) =>
    page.$$eval('.chart canvas', (canvases) =>
      (canvases as HTMLCanvasElement[]).map((canvas) => {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0) return 0;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
        return painted;
      }),
    );

  it("shows the app's numbers in a table equal to GET /v1/analytics, and draws the charts", async () => {
    const page = await openAnalytics(DESKTOP);
    const range = await page.$$eval('.range time', (times) =>
      times.map((t) => t.getAttribute('datetime')),
    );
    const answer = await client.get(`/v1/analytics?from=${range[0]}&to=${range[1]}&interval=hour`);
    expect(answer.status).toBe(200);
    const data = answer.body.data as Bucket[];
    expect(data).toHaveLength(24);
    const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
    const ms = (n: number | null) => (n === null ? '—' : `${n} ms`);
    const expected = data.map(({ start, verifications: v, messages: m }) => ({
      start,
      cells: [
        String(v.started),
        String(v.approved),
        String(v.expired),
        String(v.failed),
        v.conversionRate === null ? '—' : percent.format(v.conversionRate),
        String(m.sent),
        String(m.delivered),
        String(m.failed),
        ms(m.latencyP50Ms),
        ms(m.latencyP95Ms),
      ],
    }));
    expect(await rowsOf(page)).toEqual(expected);
    const total = data.reduce((sum, b) => sum + b.verifications.started, 0);
    expect(total).toBe(3);
    expect(data.reduce((sum, b) => sum + b.verifications.approved, 0)).toBe(2);

    const charts = page.getByRole('img', { name: /the table below has the numbers/ });
    expect(await charts.count()).toBe(2);
    const painted = await paintedPixels(page);
    expect(painted).toHaveLength(2);
    for (const pixels of painted) expect(pixels).toBeGreaterThan(500);
    expect(
      await page.getByRole('table', { name: 'Verifications and messages per period' }).count(),
    ).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '7-analytics', 'console');

    // A custom range takes labelled inputs; a day's buckets follow the interval chosen.
    await page.getByLabel('Range').selectOption('custom');
    expect(await page.getByLabel('From').inputValue()).not.toBe('');
    expect(await page.getByLabel('To').inputValue()).not.toBe('');
    await page.getByLabel('Interval').selectOption('day');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForFunction(() => {
      const first = document.querySelector('#analytics-table tbody tr time');
      return first?.getAttribute('datetime')?.endsWith('T00:00:00.000Z');
    });
    const daily = await rowsOf(page);
    const started = daily.reduce((sum, row) => sum + Number(row.cells[0]), 0);
    expect(started).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("writes the charts' legends in Turkish, a hovered point's time as its row in the table", async () => {
    const page = await openAnalytics(DESKTOP, 'tr-TR');
    // uPlot's legend is the one part of the chart in the page's text rather than on the canvas.
    const legends = page.locator('.u-legend');
    expect(await legends.count()).toBe(2);
    for (const legend of await legends.all()) {
      expect(await legend.locator('th').first().textContent()).toBe('Ne zaman');
      expect(await legend.textContent()).not.toMatch(/Time|--/);
    }
    const rowTimes = await page.$$eval('#analytics-table tbody th time', (times) =>
      times.map((t) => t.textContent),
    );
    const plot = page.locator('.u-over').first();
    const box = await plot.boundingBox();
    if (!box) throw new Error('no chart');
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    const shown = legends.first().locator('.u-value').first();
    await expect.poll(() => shown.textContent()).not.toBe('—');
    expect(rowTimes).toContain(await shown.textContent());
    await page.context().close();
  });

  it('fits a 320 px wide screen, the charts drawn to its width', async () => {
    const page = await openAnalytics(PHONE);
    const fits = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
    expect(fits).toBe(true);
    for (const pixels of await paintedPixels(page)) expect(pixels).toBeGreaterThan(200);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '8-analytics-phone', 'console');
  });
});
