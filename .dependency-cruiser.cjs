/**
 * Import rules for otpd, checked by `npm run lint:deps` (part of `npm test`).
 * The code is cut by feature (src/<feature>/), and each feature by role:
 *   domain/    pure values and rules: import only the domain and the kernel;
 *   *.ts       the feature's services and its ports (`*-ports.ts`);
 *   http/      its routes, request schemas and views;
 *   adapters/  the concrete implementations of its ports.
 * Data flows one way, route → service → port; only the composition root picks adapters.
 *   test/      its tests, which may import anything of theirs (the rules below are for the
 *              code they test) and are imported by nothing but other tests.
 * Type-only imports count: a type that points the wrong way couples the code all the same.
 */

/** The feature folders. */
const FEATURES =
  'verification|delivery|receipts|webhooks|abuse|settings|apps|message-log|analytics|messenger|console|dialects';

/** Adapters shared by every feature: the tables, the database plumbing, keys, outbound calls. */
const PLATFORM_ADAPTERS = 'store|database|keyring|outbound';

/** Every concrete adapter: the platform's and each feature's `adapters/` folder. */
const ADAPTER = `^src/(${PLATFORM_ADAPTERS})/|^src/[^/]+/adapters/`;

/** The HTTP layer: the shared kit (src/http), each feature's http/ folder, the dialects' routes. */
const HTTP_LAYER = '^src/http/|^src/[^/]+/http/|^src/dialects/(beem|convertalk|diyalog|twilio)/';

/** The services of a feature (and the shared worker runner): the files at a feature's top. */
const SERVICES = `^src/(${FEATURES}|workers)/[^/]+\\.ts$`;

/** Files that wire concrete adapters together (the composition root). */
const COMPOSITION_ROOT = '^src/(deps\\.ts$|deps/|main\\.ts$|cli/|service-graph\\.ts$)';

/** A feature's (or the platform's) tests: src/<folder>/test/, src/dialects/<vendor>/test/. */
const TESTS = '^src/.*/test/';

/** The HTTP servers: app.ts (the API) and metrics-server.ts (/metrics alone). */
const HTTP_SERVERS = '^src/(app|metrics-server)\\.ts$';

const RULES = [
  {
    name: 'no-circular',
    comment: 'Import cycles make load order fragile and hide which module owns what.',
    from: { path: '^(src|web)/' },
    to: { circular: true },
  },
  {
    name: 'kernel-stands-alone',
    comment:
      'src/kernel (errors, ids, clock, config, recipients, phone facts) is spoken by every ' +
      'feature and imports nothing of theirs.',
    from: { path: '^src/kernel/' },
    to: { path: '^src/', pathNot: '^src/kernel/' },
  },
  {
    name: 'domain-is-pure',
    comment:
      "A feature's domain/ imports only the domain (its own or another feature's) and the kernel.",
    from: { path: '^src/[^/]+/domain/' },
    to: { path: '^src/', pathNot: '^src/([^/]+/domain|kernel)/' },
  },
  {
    name: 'ports-know-only-the-domain',
    comment:
      "A port (src/ports, or a feature's `*-ports.ts`) describes a way out of the core in terms " +
      'of the domain, the kernel and other ports.',
    from: { path: '^src/ports/|^src/[^/]+/[^/]+-ports\\.ts$' },
    to: {
      path: '^src/',
      pathNot: '^src/([^/]+/domain|kernel|ports)/|^src/[^/]+/[^/]+-ports\\.ts$',
    },
  },
  {
    name: 'services-use-ports',
    comment:
      'Services depend on ports, the domain, the kernel, other services and the logger type; ' +
      'never on an adapter or the HTTP layer.',
    from: { path: SERVICES },
    to: {
      path: '^src/',
      pathNot: `${SERVICES}|^src/([^/]+/domain|kernel|ports)/|^src/observability/logger\\.ts$`,
    },
  },
  {
    name: 'services-logger-is-a-type',
    comment: 'Services are handed their logger; they import only its type.',
    from: { path: SERVICES },
    to: { path: '^src/observability/logger\\.ts$', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'http-layer-from-above',
    comment:
      'Routes, the HTTP kit and views are imported by the HTTP layer, the HTTP servers and the ' +
      'composition root only: nothing below a route reaches up to it.',
    from: { path: '^src/', pathNot: `${HTTP_LAYER}|${HTTP_SERVERS}|${COMPOSITION_ROOT}` },
    to: { path: HTTP_LAYER },
  },
  {
    name: 'adapters-from-composition-root',
    comment:
      'A concrete adapter is imported only by the composition root and by other adapters; ' +
      'everything else, the HTTP servers included, goes through a port.',
    from: { path: '^src/', pathNot: `${COMPOSITION_ROOT}|${ADAPTER}` },
    to: { path: ADAPTER },
  },
  {
    name: 'feature-adapters-keep-to-their-folder',
    comment: "A feature's adapters import no other feature's or platform's adapters.",
    from: { path: '^src/([^/]+)/adapters/' },
    to: { path: ADAPTER, pathNot: '^src/$1/adapters/' },
  },
  {
    name: 'platform-adapters-keep-to-their-folder',
    comment: 'A platform adapter imports no other adapter.',
    from: { path: `^src/(${PLATFORM_ADAPTERS})/` },
    to: { path: ADAPTER, pathNot: '^src/$1/' },
  },
  {
    name: 'root-from-nowhere',
    comment: 'Nothing imports the composition root or the servers; they import everything else.',
    from: { path: '^src/', pathNot: `${COMPOSITION_ROOT}|${HTTP_SERVERS}` },
    to: { path: `${COMPOSITION_ROOT}|${HTTP_SERVERS}` },
  },
  {
    name: 'src-not-from-tests',
    comment: 'Production code never imports tests, their helpers or benchmarks.',
    from: { path: '^src/' },
    to: { path: `^(test|bench)/|${TESTS}` },
  },
  {
    name: 'web-stands-alone',
    comment: 'Browser code is built on its own; it imports nothing from src/.',
    from: { path: '^web/' },
    to: { path: '^src/' },
  },
];

/**
 * Named exceptions: each lets exactly the files in `from` import the files in `to` despite
 * `rule`, and says why. A path ending in `/` stands for a whole folder. Remove an exception
 * once its reason is gone; never widen one to silence a new import.
 */
const EXCEPTIONS = [
  {
    name: 'database-plumbing',
    rule: ['feature-adapters-keep-to-their-folder', 'platform-adapters-keep-to-their-folder'],
    because:
      'src/database is the plumbing shared by the adapters that keep files and tables: the ' +
      'SQLite opener, private files, the migration runner. No one adapter owns it.',
    from: ['src/store/', 'src/message-log/adapters/', 'src/keyring/server-key-file.ts'],
    to: ['src/database/'],
  },
  {
    name: 'plug-ins-build-on-outbound',
    rule: ['feature-adapters-keep-to-their-folder'],
    because:
      'Every call to an app-configured URL goes through the one guarded client and its request ' +
      'templates (DESIGN.md); the provider and validator plug-ins that make such calls use them.',
    from: [
      'src/delivery/adapters/http-provider-config.ts',
      'src/delivery/adapters/http-provider.ts',
      'src/delivery/adapters/outbound-failure.ts',
      'src/delivery/adapters/provider-registry.ts',
      'src/delivery/adapters/smtp-provider.ts',
      'src/delivery/adapters/twilio-verify-config.ts',
      'src/verification/adapters/http-validator-config.ts',
      'src/verification/adapters/http-validator.ts',
      'src/verification/adapters/twilio-verify-validator.ts',
    ],
    to: ['src/outbound/'],
  },
  {
    name: 'twilio-verify-config-shared',
    rule: ['feature-adapters-keep-to-their-folder'],
    because:
      "Twilio Verify's provider (it sends) and validator (it checks) share one config and client.",
    from: ['src/verification/adapters/twilio-verify-validator.ts'],
    to: ['src/delivery/adapters/twilio-verify-config.ts'],
  },
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `src/x.ts` → one file; `src/x/` → the folder. */
const pattern = (path) => `(?:^${escapeRegExp(path)}${path.endsWith('/') ? '' : '$'})`;
const anyOf = (...patterns) => patterns.filter(Boolean).join('|');

/**
 * A rule with its exceptions: the rule as written for every file but the excepted ones, and
 * for each excepted file a copy that also lets it import what its exceptions name.
 */
function withExceptions(rule) {
  const exceptions = EXCEPTIONS.filter((e) => e.rule.includes(rule.name));
  const files = [...new Set(exceptions.flatMap((e) => e.from))];
  // The rules hold the code under test; a test may reach whatever it sets up and checks.
  const base = {
    ...rule,
    severity: 'error',
    from: {
      ...rule.from,
      pathNot:
        anyOf(rule.from.pathNot, rule.name === 'no-circular' ? '' : TESTS, ...files.map(pattern)) ||
        undefined,
    },
  };
  const copies = files.map((file) => {
    const allowed = exceptions.filter((e) => e.from.includes(file)).flatMap((e) => e.to);
    return {
      ...base,
      // A lookahead keeps the rule's own capture groups (`$1`) numbered as written.
      from: { path: `^(?=${pattern(file)})${rule.from.path.slice(1)}`, pathNot: TESTS },
      to: { ...rule.to, pathNot: anyOf(rule.to.pathNot, ...allowed.map(pattern)) },
    };
  });
  return [base, ...copies];
}

for (const exception of EXCEPTIONS) {
  for (const name of exception.rule) {
    if (!RULES.some((rule) => rule.name === name)) {
      throw new Error(`exception ${exception.name}: no rule ${name}`);
    }
  }
}

module.exports = {
  forbidden: RULES.flatMap(withExceptions),
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    // A repeated run over unchanged files (and unchanged rules) reads its answer from here.
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
  },
};
