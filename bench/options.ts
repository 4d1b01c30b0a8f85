import { parseArgs } from 'node:util';

/**
 * The scenarios of `npm run bench`, in the order they run. Each measures the same
 * create+check workload (hello world: its own), after a warm-up, for `--duration` seconds.
 */
export const SCENARIOS = {
  hello: 'bare Fastify hello world, the ceiling every ratio is taken against',
  minimal: 'the least server for the same workload, the floor of what its work costs',
  'minimal-half-load':
    'the minimal server again at half of its own peak rate, paced as half-load is: the latency floor',
  embedded: 'embedded otpd on SQLite (synchronous=NORMAL), gateway and webhooks on, full load',
  'half-load':
    "the embedded otpd again at half of embedded's request rate, started at evenly spaced times",
  'full-sync': 'a fresh embedded otpd with OTPD_SQLITE_SYNCHRONOUS=full, full load',
  million:
    'a fresh embedded otpd seeded with --seed-rows past verifications, full load, between ' +
    'two half-length loads of a fresh empty twin',
  clustered: 'two otpd instances on one PostgreSQL database and Redis, load spread over both',
  'minimal-clustered': 'two minimal servers on one PostgreSQL database, the clustered floor',
} as const;

export type ScenarioName = keyof typeof SCENARIOS;

/** What a scenario's figures are compared with: it runs the scenarios it needs too. */
const NEEDS: Record<ScenarioName, ScenarioName[]> = {
  hello: [],
  minimal: ['hello'],
  'minimal-half-load': ['minimal'],
  embedded: ['hello'],
  'full-sync': ['hello'],
  'half-load': ['embedded'],
  million: [],
  clustered: [],
  'minimal-clustered': [],
};

export interface Options {
  scenarios: ScenarioName[];
  duration: number;
  connections: number;
  warmup: number;
  seedRows: number;
  json: boolean;
  logLevel: string;
  cpuProf: boolean;
  sqlStats: boolean;
}

export const USAGE = `usage: npm run bench -- [--only SCENARIO,...] [--clustered] [--duration S]
                        [--connections N] [--warmup S] [--seed-rows N] [--json]
                        [--log-level LEVEL] [--cpu-prof] [--sql-stats]

Runs every scenario unless --only names some (the scenarios they are compared with run
too); --clustered is --only clustered. Defaults: --duration 8 --connections 10 --warmup 8
--seed-rows 1000000. Scenarios:
${Object.entries(SCENARIOS)
  .map(([name, what]) => `  ${name.padEnd(10)} ${what}`)
  .join('\n')}
`;

/** The named scenarios and everything they need, in running order. */
export function selectScenarios(names: readonly string[]): ScenarioName[] {
  const chosen = new Set<ScenarioName>();
  const add = (name: string) => {
    if (!(name in SCENARIOS)) {
      throw new Error(`unknown scenario "${name}" (one of ${Object.keys(SCENARIOS).join(', ')})`);
    }
    const scenario = name as ScenarioName;
    if (chosen.has(scenario)) return;
    chosen.add(scenario);
    for (const needed of NEEDS[scenario]) add(needed);
  };
  for (const name of names) add(name);
  return (Object.keys(SCENARIOS) as ScenarioName[]).filter((name) => chosen.has(name));
}

/** Parses the bench's arguments; `help` is true when --help asked for the usage text. */
export function parseOptions(args: string[]): { help: true } | { help: false; options: Options } {
  const { values } = parseArgs({
    args,
    options: {
      only: { type: 'string' },
      clustered: { type: 'boolean', default: false },
      duration: { type: 'string', default: '8' },
      connections: { type: 'string', default: '10' },
      // Long enough for V8's optimising compiler to have compiled the hot path: a fresh server
      // measured after 2 s was still compiling through its window, and its first window
      // answered 22–29 % fewer requests per second than its second (docs/performance.md,
      // "Method").
      warmup: { type: 'string', default: '8' },
      'seed-rows': { type: 'string', default: '1000000' },
      json: { type: 'boolean', default: false },
      'log-level': { type: 'string', default: 'warn' },
      'cpu-prof': { type: 'boolean', default: false },
      'sql-stats': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return { help: true };
  const integer = (name: string, raw: string, min: number) => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const named = [
    ...(values.only ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    ...(values.clustered ? ['clustered'] : []),
  ];
  return {
    help: false,
    options: {
      scenarios: selectScenarios(named.length > 0 ? named : Object.keys(SCENARIOS)),
      duration: integer('duration', values.duration, 1),
      connections: integer('connections', values.connections, 1),
      warmup: integer('warmup', values.warmup, 0),
      seedRows: integer('seed-rows', values['seed-rows'], 1),
      json: values.json,
      logLevel: values['log-level'],
      cpuProf: values['cpu-prof'],
      sqlStats: values['sql-stats'],
    },
  };
}
