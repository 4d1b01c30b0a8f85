import { describe, expect, it } from 'vitest';
import { percentile } from '../percentile.ts';
import { type Figures, floorLines, formatTargets, judge, THRESHOLDS } from '../targets.ts';

const PASSING: Figures = {
  helloRate: 10_000,
  embeddedRate: 2_500,
  fullSyncRate: 2_000,
  outbox: { created: 10_000, delivered: 9_600, seconds: 8, backlogEnd: 1_250 },
  halfLoadCheckP99Ms: 9.9,
  millionRate: 2_250,
  millionEmptyRate: 2_500,
  millionRssBytes: 255 * 2 ** 20,
  clusteredPairsPerSecond: 1_500,
};

const verdictOf = (figures: Figures, id: string) => judge(figures).find((v) => v.id === id);

describe('bench targets', () => {
  it('judge every target whose figures are there, in order, each at its threshold', () => {
    const verdicts = judge(PASSING);
    expect(verdicts.map((v) => [v.id, v.met])).toEqual([
      ['embedded-ratio', true],
      ['full-sync-ratio', true],
      ['outbox-keeps-up', true],
      ['check-p99-half-load', true],
      ['million-ratio', true],
      ['million-rss', true],
      ['clustered-pairs', true],
    ]);
    expect(verdicts.map((v) => v.value)).toEqual([
      '0.250×',
      '0.200×',
      '0.96, 1250 jobs',
      '9.9 ms',
      '0.900×',
      '255 MB',
      '1500/s',
    ]);
  });

  it('fall short just past each threshold', () => {
    const below = (patch: Partial<Figures>, id: string) =>
      expect(verdictOf({ ...PASSING, ...patch }, id)?.met).toBe(false);
    below({ embeddedRate: 1_999 }, 'embedded-ratio');
    below({ fullSyncRate: 1_999 }, 'full-sync-ratio');
    below({ halfLoadCheckP99Ms: THRESHOLDS.checkP99Ms }, 'check-p99-half-load');
    below({ millionRate: 2_249 }, 'million-ratio');
    below({ millionRssBytes: 256 * 2 ** 20 }, 'million-rss');
    below({ clusteredPairsPerSecond: 1_499 }, 'clustered-pairs');
  });

  it('ask the outbox to deliver 95% of creations and hold at most a second of them', () => {
    const outbox = (patch: Partial<NonNullable<Figures['outbox']>>) =>
      verdictOf(
        { outbox: { created: 1_000, delivered: 1_000, seconds: 10, backlogEnd: 0, ...patch } },
        'outbox-keeps-up',
      )?.met;
    expect(outbox({ delivered: 950, backlogEnd: 100 })).toBe(true);
    expect(outbox({ delivered: 949 })).toBe(false);
    expect(outbox({ backlogEnd: 101 })).toBe(false);
    expect(outbox({ created: 0, delivered: 0 })).toBe(false);
  });

  it('name the number of stored verifications when it is not a million', () => {
    const labels = judge({ ...PASSING, seededRows: 200_000 }).map((v) => v.label);
    expect(labels).toContain('200,000 stored verifications ≥ 0.9× empty');
    expect(labels).toContain('RSS after 200,000 verifications < 256 MB');
    expect(judge(PASSING).map((v) => v.label)).toContain('1M stored verifications ≥ 0.9× empty');
  });

  it('judge nothing whose scenario did not run', () => {
    expect(judge({})).toEqual([]);
    expect(
      judge({ embeddedRate: 100, millionEmptyRate: 100, millionRate: 90 }).map((v) => v.id),
    ).toEqual(['million-ratio']);
    expect(judge({ helloRate: 0, embeddedRate: 100 })).toEqual([]);
  });

  it('print one aligned line per target ending in PASS or FALL SHORT', () => {
    const text = formatTargets(
      judge({ helloRate: 1_000, embeddedRate: 31, clusteredPairsPerSecond: 1_600 }),
    );
    expect(text.split('\n')).toEqual([
      'targets',
      '  create+check ≥ 0.2× hello world (synchronous=NORMAL)  0.031×  FALL SHORT',
      '  clustered, 2 instances ≥ 1,500 pairs/s                1600/s  PASS',
    ]);
    expect(formatTargets([])).toBe('targets\n  (none measured)');
  });

  it('close with what the minimal servers reached, when they ran: the floors of the targets', () => {
    const floor = floorLines({
      helloRate: 40_000,
      minimalRate: 4_000,
      minimalHalfLoadCheckP99Ms: 9.14,
      minimalClusteredPairsPerSecond: 812.4,
    });
    expect(floor).toEqual([
      'the minimal server for the same workload reaches 0.100× hello world',
      'the minimal server at half of its peak: check p99 9.1 ms',
      'two minimal servers on PostgreSQL reach 812 pairs/s',
    ]);
    expect(formatTargets([], floor).split('\n')).toEqual([
      'targets',
      '  (none measured)',
      `  (${floor[0]})`,
      `  (${floor[1]})`,
      `  (${floor[2]})`,
    ]);
    expect(floorLines({ helloRate: 40_000 })).toEqual([]);
    expect(floorLines({ minimalRate: 4_000 })).toEqual([]);
  });
});

describe('percentile', () => {
  it('takes the nearest rank, whatever the order', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 99)).toBe(0);
  });
});
