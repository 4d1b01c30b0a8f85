/**
 * Import rules for otpd, checked by `npm run lint:deps` (part of `npm test`).
 * Data flows one way: HTTP → services → ports; the pure core (src/domain) and the ports know
 * nothing of the adapters, and only the composition root picks concrete adapters.
 * Type-only imports count: a type that points the wrong way couples the code all the same.
 */

/** The adapter folders: each may import itself, the core and the ports. */
const ADAPTERS = 'store|database|providers|keyring|limits|message-log|outbound|validators|http';

/** Files that wire concrete adapters together (the composition root). */
const COMPOSITION_ROOT = '^src/(deps\\.ts$|deps/|main\\.ts$|cli/|service-graph\\.ts$)';

/** The HTTP servers: app.ts (the API) and metrics-server.ts (/metrics alone). */
const HTTP_SERVERS = '^src/(app|metrics-server)\\.ts$';

const RULES = [
  {
    name: 'no-circular',
    comment: 'Import cycles make load order fragile and hide which module owns what.',
    from: { path: '^src/' },
    to: { circular: true },
  },
  {
    name: 'domain-is-pure',
    comment: 'src/domain imports nothing from src/ but src/domain (libraries are fine).',
    from: { path: '^src/domain/' },
    to: { path: '^src/', pathNot: '^src/domain/' },
  },
  {
    name: 'ports-know-only-the-domain',
    comment:
      'src/ports describes the ways out of the core in terms of src/domain and other ports; ' +
      "a feature folder's own ports file (src/analytics/analytics-ports.ts) is a port too.",
    from: { path: '^src/ports/' },
    to: {
      path: '^src/',
      pathNot: `^src/(domain|ports)/|^src/(?!(${ADAPTERS})/)[^/]+/[^/]+-ports\\.ts$`,
    },
  },
  {
    name: 'services-use-ports',
    comment:
      'Services depend on ports, the domain, other services and the logger type; never on an ' +
      'adapter, the HTTP layer or a feature folder.',
    from: { path: '^src/services/' },
    to: { path: '^src/', pathNot: '^src/(services|domain|ports)/|^src/observability/logger\\.ts$' },
  },
  {
    name: 'services-logger-is-a-type',
    comment: 'Services are handed their logger; they import only its type.',
    from: { path: '^src/services/' },
    to: { path: '^src/observability/logger\\.ts$', dependencyTypesNot: ['type-only'] },
  },
  {
    name: 'adapters-from-composition-root',
    comment:
      'A concrete adapter is imported only by the composition root and by the files of its own ' +
      'folder (the HTTP servers may import src/http); everything else goes through a port.',
    from: { path: '^src/([^/]+)', pathNot: `${COMPOSITION_ROOT}|${HTTP_SERVERS}` },
    to: { path: `^src/(${ADAPTERS})/`, pathNot: '^src/$1/' },
  },
  {
    name: 'http-servers-take-only-http',
    comment: 'The HTTP servers are handed every other adapter; they import only src/http.',
    from: { path: HTTP_SERVERS },
    to: { path: `^src/(${ADAPTERS})/`, pathNot: '^src/http/' },
  },
  {
    name: 'src-not-from-tests',
    comment: 'Production code never imports tests or benchmarks.',
    from: { path: '^src/' },
    to: { path: '^(test|bench)/' },
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
    rule: 'adapters-from-composition-root',
    because:
      'src/database is the plumbing shared by the adapters that keep files and tables: the ' +
      'SQLite opener, private files, the migration runner. No one adapter owns it.',
    from: ['src/store/', 'src/message-log/', 'src/keyring/server-key-file.ts'],
    to: ['src/database/'],
  },
  {
    name: 'plug-ins-build-on-outbound',
    rule: 'adapters-from-composition-root',
    because:
      'Every call to an app-configured URL goes through the one guarded client and its request ' +
      'templates (DESIGN.md); the provider and validator plug-ins that make such calls use them.',
    from: [
      'src/providers/http-provider-config.ts',
      'src/providers/http-provider.ts',
      'src/providers/outbound-failure.ts',
      'src/providers/registry.ts',
      'src/providers/smtp-provider.ts',
      'src/providers/twilio-verify-config.ts',
      'src/validators/http-validator-config.ts',
      'src/validators/http-validator.ts',
      'src/validators/twilio-verify-validator.ts',
    ],
    to: ['src/outbound/'],
  },
  {
    name: 'twilio-verify-config-shared',
    rule: 'adapters-from-composition-root',
    because:
      "Twilio Verify's provider (it sends) and validator (it checks) share one config and client.",
    from: ['src/validators/twilio-verify-validator.ts'],
    to: ['src/providers/twilio-verify-config.ts'],
  },
  {
    name: 'feature-routes-use-the-http-kit',
    rule: 'adapters-from-composition-root',
    because:
      "The feature folders' route files are part of the HTTP layer: they share its auth, " +
      'schemas, views, OpenAPI helpers and two v1 route bodies. The kit moves into a shared ' +
      'kernel with the folder-per-feature layout.',
    from: [
      'src/analytics/analytics-routes.ts',
      'src/console/audit-routes.ts',
      'src/console/console-analytics-routes.ts',
      'src/console/console-app-routes.ts',
      'src/console/console-auth-routes.ts',
      'src/console/console-fraud-routes.ts',
      'src/console/console-http.ts',
      'src/console/console-inbox-events.ts',
      'src/console/console-inbox-routes.ts',
      'src/console/console-message-routes.ts',
      'src/console/console-message-schemas.ts',
      'src/console/console-settings-routes.ts',
      'src/console/console-webhook-routes.ts',
      'src/console/console-webhook-schemas.ts',
      'src/messenger/conversation-routes.ts',
      'src/messenger/event-routes.ts',
      'src/messenger/gate-routes.ts',
      'src/messenger/messenger-http.ts',
      'src/messenger/session-routes.ts',
      'src/messenger/visitor-routes.ts',
    ],
    to: [
      'src/http/auth.ts',
      'src/http/fraud-views.ts',
      'src/http/message-filters.ts',
      'src/http/message-schemas.ts',
      'src/http/message-views.ts',
      'src/http/openapi.ts',
      'src/http/schemas.ts',
      'src/http/views.ts',
      'src/http/webhook-views.ts',
      'src/http/routes/v1/message-export.ts',
      'src/http/routes/v1/settings-routes.ts',
      'src/http/routes/v1/test-send-routes.ts',
    ],
  },
  {
    name: 'config-parsers',
    rule: 'adapters-from-composition-root',
    because:
      'The config schema parses two settings with the parsers of the code that uses them: ' +
      'dialect host names (src/http/dialects) and CIDR ranges (the outbound address policy).',
    from: ['src/config/config-schema.ts', 'src/config/setting-types.ts'],
    to: ['src/http/dialects/dialect-hosts.ts', 'src/outbound/address-policy.ts'],
  },
  {
    name: 'settings-hold-the-messenger-section',
    rule: 'domain-is-pure',
    because:
      "An app's settings document includes the messenger's section, whose schema (and the " +
      'texts it names) the messenger feature folder owns.',
    from: ['src/domain/settings.ts'],
    to: ['src/messenger/messenger-settings.ts'],
  },
  {
    name: 'insert-masks-destinations',
    rule: 'services-use-ports',
    because: 'Logs a masked destination with the pure mask the logger redaction uses.',
    from: ['src/services/verification-insert.ts'],
    to: ['src/observability/mask.ts'],
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
  const exceptions = EXCEPTIONS.filter((e) => e.rule === rule.name);
  const files = [...new Set(exceptions.flatMap((e) => e.from))];
  const base = {
    ...rule,
    severity: 'error',
    from: { ...rule.from, pathNot: anyOf(rule.from.pathNot, ...files.map(pattern)) || undefined },
  };
  const copies = files.map((file) => {
    const allowed = exceptions.filter((e) => e.from.includes(file)).flatMap((e) => e.to);
    return {
      ...base,
      // A lookahead keeps the rule's own capture groups (`$1`) numbered as written.
      from: { path: `^(?=${pattern(file)})${rule.from.path.slice(1)}` },
      to: { ...rule.to, pathNot: anyOf(rule.to.pathNot, ...allowed.map(pattern)) },
    };
  });
  return [base, ...copies];
}

for (const exception of EXCEPTIONS) {
  if (!RULES.some((rule) => rule.name === exception.rule)) {
    throw new Error(`exception ${exception.name}: no rule ${exception.rule}`);
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
