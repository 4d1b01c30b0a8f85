import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { cruise, type IForbiddenRuleType, type IReporterOutput } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The import rules of .dependency-cruiser.cjs over a small source tree written for the test:
 * every import the layout allows passes, and each kind of forbidden import is reported by the
 * rule meant for it (and only by it).
 */

const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as {
  forbidden: IForbiddenRuleType[];
};

/** file → the files it imports (`type:` marks a type-only import). */
const ALLOWED: Record<string, string[]> = {
  'src/kernel/errors.ts': [],
  'src/kernel/ids.ts': ['src/kernel/errors.ts'],
  'src/settings/domain/settings.ts': ['src/kernel/ids.ts', 'src/messenger/domain/texts.ts'],
  'src/messenger/domain/texts.ts': [],
  'src/delivery/provider-ports.ts': ['src/settings/domain/settings.ts', 'src/ports/store.ts'],
  'src/ports/store.ts': ['src/kernel/ids.ts'],
  'src/observability/logger.ts': [],
  'src/delivery/dispatcher.ts': [
    'src/delivery/provider-ports.ts',
    'src/workers/work-pool.ts',
    'type:src/observability/logger.ts',
  ],
  'src/workers/work-pool.ts': ['src/kernel/errors.ts'],
  'src/verification/verifications.ts': ['src/delivery/dispatcher.ts', 'src/ports/store.ts'],
  'src/http/schemas.ts': ['src/kernel/errors.ts'],
  'src/verification/http/routes.ts': ['src/verification/verifications.ts', 'src/http/schemas.ts'],
  'src/dialects/twilio/twilio-routes.ts': ['src/verification/http/routes.ts'],
  'src/delivery/adapters/http-provider.ts': [
    'src/delivery/provider-ports.ts',
    'src/delivery/adapters/provider-route.ts',
  ],
  'src/delivery/adapters/provider-route.ts': [],
  'src/store/kysely-store.ts': ['src/ports/store.ts'],
  'src/app.ts': ['src/verification/http/routes.ts', 'src/dialects/twilio/twilio-routes.ts'],
  'src/deps.ts': ['src/store/kysely-store.ts', 'src/delivery/adapters/http-provider.ts'],
  'src/service-graph.ts': ['src/deps.ts', 'src/verification/verifications.ts'],
  'src/main.ts': ['src/app.ts', 'src/service-graph.ts'],
  // A feature's tests set up whatever they check: adapters, the composition root, routes.
  'src/verification/test/flow.test.ts': [
    'src/store/kysely-store.ts',
    'src/deps.ts',
    'src/verification/http/routes.ts',
    'test/helpers/harness.ts',
  ],
  'src/kernel/test/ids.test.ts': ['src/kernel/ids.ts', 'src/settings/domain/settings.ts'],
  'test/helpers/harness.ts': ['src/app.ts'],
};

/** Each forbidden import: the file that makes it, what it imports, the rules it breaks. */
const FORBIDDEN: [string, string, string[]][] = [
  ['src/kernel/clock.ts', 'src/settings/domain/settings.ts', ['kernel-stands-alone']],
  ['src/abuse/domain/geo.ts', 'src/delivery/dispatcher.ts', ['domain-is-pure']],
  ['src/abuse/rate-limiter-ports.ts', 'src/workers/work-pool.ts', ['ports-know-only-the-domain']],
  [
    'src/abuse/send-gate.ts',
    'src/verification/http/routes.ts',
    ['services-use-ports', 'http-layer-from-above'],
  ],
  ['src/abuse/limit-guard.ts', 'src/observability/logger.ts', ['services-logger-is-a-type']],
  [
    'src/abuse/fraud-guard.ts',
    'src/store/kysely-store.ts',
    ['services-use-ports', 'adapters-from-composition-root'],
  ],
  [
    'src/abuse/http/fraud-routes.ts',
    'src/delivery/adapters/provider-route.ts',
    ['adapters-from-composition-root'],
  ],
  [
    'src/verification/adapters/http-validator.ts',
    'src/delivery/adapters/provider-route.ts',
    ['feature-adapters-keep-to-their-folder'],
  ],
  [
    'src/keyring/hmac-keyring.ts',
    'src/store/kysely-store.ts',
    ['platform-adapters-keep-to-their-folder'],
  ],
  ['src/metrics-server.ts', 'src/store/kysely-store.ts', ['adapters-from-composition-root']],
  ['src/verification/verifications.ts', 'test/helpers/harness.ts', ['src-not-from-tests']],
  [
    'src/delivery/dispatcher.ts',
    'src/verification/test/flow.test.ts',
    ['services-use-ports', 'src-not-from-tests'],
  ],
  ['src/webhooks/http/webhook-routes.ts', 'src/service-graph.ts', ['root-from-nowhere']],
  ['src/receipts/receipts.ts', 'src/receipts/receipt-sources.ts', []],
  ['src/receipts/receipt-sources.ts', 'src/receipts/receipts.ts', ['no-circular']],
  ['web/console/page.tsx', 'web/console/app.tsx', []],
  ['web/console/app.tsx', 'web/console/page.tsx', ['no-circular']],
];

/** Where each test cycle is reported (every file of a cycle reports it; one is enough). */
const CYCLE_REPORTERS = ['src/receipts/receipt-sources.ts', 'web/console/app.tsx'];

let base = '';

function write(file: string, imports: string[]): void {
  const lines = imports.map((spec, i) => {
    const typeOnly = spec.startsWith('type:');
    let path = relative(dirname(file), typeOnly ? spec.slice(5) : spec);
    if (!path.startsWith('.')) path = `./${path}`;
    return `import ${typeOnly ? 'type ' : ''}* as m${i} from '${path}';`;
  });
  mkdirSync(dirname(join(base, file)), { recursive: true });
  writeFileSync(join(base, file), `${[...lines, 'export const v = 1;'].join('\n')}\n`);
}

let output: IReporterOutput;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'otpd-import-rules-'));
  for (const [file, imports] of Object.entries(ALLOWED)) write(file, imports);
  const extra = new Map<string, string[]>();
  for (const [file, target] of FORBIDDEN) extra.set(file, [...(extra.get(file) ?? []), target]);
  for (const [file, targets] of extra) write(file, targets);
  output = await cruise(
    ['src', 'web'],
    {
      baseDir: base,
      validate: true,
      ruleSet: { forbidden: rules.forbidden },
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
    },
    { extensions: ['.ts'] },
  );
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the import rules', () => {
  it('report each forbidden import under its rule, and nothing the layout allows', () => {
    if (typeof output.output === 'string') throw new Error('expected a cruise result');
    const found = output.output.summary.violations
      .filter((v) => v.rule.name !== 'no-circular' || CYCLE_REPORTERS.includes(v.from))
      .map((v) => `${v.from} → ${v.to}: ${v.rule.name}`)
      .sort();
    const expected = FORBIDDEN.flatMap(([from, to, names]) =>
      names.map((name) => `${from} → ${to}: ${name}`),
    ).sort();
    expect(found).toEqual(expected);
  });
});
