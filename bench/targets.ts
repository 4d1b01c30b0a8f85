/**
 * otpd's speed targets, and the verdict on each from a run's figures. A target whose
 * scenarios did not run (`--only`) gets no verdict. Missing a target is a finding, not an
 * error: the bench still exits 0.
 */

export const THRESHOLDS = {
  /** create+check request rate as a share of hello world's, at either durability. */
  ratioToHello: 0.2,
  /** Messages the gateway received as a share of verifications created, same window. */
  deliveredShare: 0.95,
  /** Pending delivery jobs at the end of the window, in seconds of creations. */
  backlogSeconds: 1,
  /** p99 latency of the checks at half of the peak request rate, ms (strictly below). */
  checkP99Ms: 10,
  /** Request rate with a million stored verifications as a share of the empty store's. */
  storedRatio: 0.9,
  /** Server RSS after the million-row scenario, MB of 2^20 bytes (strictly below). */
  rssMb: 256,
  /** Clustered create+check pairs per second, two instances together. */
  clusteredPairsPerSecond: 1_500,
} as const;

/** What a run measured; each field is absent when its scenario did not run. */
export interface Figures {
  helloRate?: number;
  /** The minimal server's request rate on otpd's workload (bench/minimal-server.ts). */
  minimalRate?: number;
  /** The minimal server's check p99 at half of its own peak rate, ms. */
  minimalHalfLoadCheckP99Ms?: number;
  /** embedded (synchronous=NORMAL) and full-sync request rates, req/s. */
  embeddedRate?: number;
  fullSyncRate?: number;
  /** During embedded's window: creations answered 201, messages received, jobs pending. */
  outbox?: { created: number; delivered: number; seconds: number; backlogEnd: number };
  halfLoadCheckP99Ms?: number;
  millionRate?: number;
  /** The million scenario's empty twin, mean of its windows before and after, req/s. */
  millionEmptyRate?: number;
  millionRssBytes?: number;
  /** Verifications seeded before the million scenario (--seed-rows); 1,000,000 unless told. */
  seededRows?: number;
  clusteredPairsPerSecond?: number;
  /** Two minimal servers on PostgreSQL, pairs per second (bench/minimal-server.ts). */
  minimalClusteredPairsPerSecond?: number;
}

export interface Verdict {
  id: string;
  label: string;
  /** The figure as the table prints it. */
  value: string;
  met: boolean;
}

const ratio = (x: number) => `${x.toFixed(3)}×`;
const rowsLabel = (rows = 1_000_000) => (rows === 1_000_000 ? '1M' : rows.toLocaleString('en'));

/** One verdict per target whose figures are all present, in the targets' order. */
export function judge(f: Figures): Verdict[] {
  const verdicts: Verdict[] = [];
  const t = THRESHOLDS;
  if (f.helloRate && f.embeddedRate !== undefined) {
    const r = f.embeddedRate / f.helloRate;
    verdicts.push({
      id: 'embedded-ratio',
      label: `create+check ≥ ${t.ratioToHello}× hello world (synchronous=NORMAL)`,
      value: ratio(r),
      met: r >= t.ratioToHello,
    });
  }
  if (f.helloRate && f.fullSyncRate !== undefined) {
    const r = f.fullSyncRate / f.helloRate;
    verdicts.push({
      id: 'full-sync-ratio',
      label: `create+check ≥ ${t.ratioToHello}× hello world (synchronous=FULL)`,
      value: ratio(r),
      met: r >= t.ratioToHello,
    });
  }
  if (f.outbox) {
    const { created, delivered, seconds, backlogEnd } = f.outbox;
    const share = created > 0 ? delivered / created : 0;
    const bound = (created / seconds) * t.backlogSeconds;
    verdicts.push({
      id: 'outbox-keeps-up',
      label: `outbox keeps up (delivered/created ≥ ${t.deliveredShare}, backlog ≤ ${t.backlogSeconds} s)`,
      value: `${share.toFixed(2)}, ${backlogEnd} jobs`,
      met: created > 0 && share >= t.deliveredShare && backlogEnd <= bound,
    });
  }
  if (f.halfLoadCheckP99Ms !== undefined) {
    verdicts.push({
      id: 'check-p99-half-load',
      label: `check p99 < ${t.checkP99Ms} ms at half of peak`,
      value: `${f.halfLoadCheckP99Ms.toFixed(1)} ms`,
      met: f.halfLoadCheckP99Ms < t.checkP99Ms,
    });
  }
  if (f.millionEmptyRate && f.millionRate !== undefined) {
    const r = f.millionRate / f.millionEmptyRate;
    verdicts.push({
      id: 'million-ratio',
      label: `${rowsLabel(f.seededRows)} stored verifications ≥ ${t.storedRatio}× empty`,
      value: ratio(r),
      met: r >= t.storedRatio,
    });
  }
  if (f.millionRssBytes !== undefined) {
    const mb = f.millionRssBytes / 2 ** 20;
    verdicts.push({
      id: 'million-rss',
      label: `RSS after ${rowsLabel(f.seededRows)} verifications < ${t.rssMb} MB`,
      value: `${Math.round(mb)} MB`,
      met: mb < t.rssMb,
    });
  }
  if (f.clusteredPairsPerSecond !== undefined) {
    verdicts.push({
      id: 'clustered-pairs',
      label: `clustered, 2 instances ≥ ${t.clusteredPairsPerSecond.toLocaleString('en')} pairs/s`,
      value: `${Math.round(f.clusteredPairsPerSecond)}/s`,
      met: f.clusteredPairsPerSecond >= t.clusteredPairsPerSecond,
    });
  }
  return verdicts;
}

export const verdictWord = (v: Verdict) => (v.met ? 'PASS' : 'FALL SHORT');

/**
 * What the minimal servers reached, beside the targets: what the workload's own work (a row
 * written and updated, the code and two events sent over HTTP) leaves of the ceiling, and
 * the check p99 the least server has at half of its own peak. A target beyond a floor cannot
 * be met by any server doing that work on this machine.
 */
export function floorLines(f: Figures): string[] {
  const lines: string[] = [];
  if (f.helloRate && f.minimalRate !== undefined) {
    lines.push(
      `the minimal server for the same workload reaches ${ratio(f.minimalRate / f.helloRate)} hello world`,
    );
  }
  if (f.minimalHalfLoadCheckP99Ms !== undefined) {
    const p99 = f.minimalHalfLoadCheckP99Ms.toFixed(1);
    lines.push(`the minimal server at half of its peak: check p99 ${p99} ms`);
  }
  if (f.minimalClusteredPairsPerSecond !== undefined) {
    const pairs = Math.round(f.minimalClusteredPairsPerSecond);
    lines.push(`two minimal servers on PostgreSQL reach ${pairs} pairs/s`);
  }
  return lines;
}

/** The closing block of the bench's output: one line per verdict, PASS or FALL SHORT. */
export function formatTargets(verdicts: readonly Verdict[], floor: readonly string[] = []): string {
  const labelWidth = Math.max(0, ...verdicts.map((v) => v.label.length));
  const valueWidth = Math.max(0, ...verdicts.map((v) => v.value.length));
  const lines = verdicts.map(
    (v) => `  ${v.label.padEnd(labelWidth)}  ${v.value.padStart(valueWidth)}  ${verdictWord(v)}`,
  );
  const block = ['targets', ...(lines.length > 0 ? lines : ['  (none measured)'])];
  for (const line of floor) block.push(`  (${line})`);
  return block.join('\n');
}
