import type { Provider, ProviderRegistry } from '../delivery/provider-ports.ts';
import type { Clock } from '../kernel/clock.ts';
import type { FieldError } from '../kernel/errors.ts';
import { OtpdError } from '../kernel/errors.ts';
import { fieldErrors } from '../kernel/field-errors.ts';
import type { Channel } from '../kernel/recipients.ts';
import type { Keyring } from '../ports/keyring.ts';
import { codeOwnerErrors } from '../verification/code-owner-rules.ts';
import type { Validator, ValidatorRegistry } from '../verification/validator-ports.ts';
import { type AppSettings, createSettingsSchema } from './domain/settings.ts';
import type { DestinationRules } from './domain/settings-destinations.ts';
import { maskedSettingsDiff, type SettingsChange } from './domain/settings-diff.ts';
import {
  findSecrets,
  getAt,
  maskSecret,
  replaceSecrets,
  type SecretSpot,
} from './domain/settings-secrets.ts';
import { movedSecretErrors, unmask } from './settings-masks.ts';
import { providerListErrors } from './settings-provider-rules.ts';
import type { SettingsStore } from './settings-store-ports.ts';

export interface SettingsServiceDeps {
  store: Pick<SettingsStore, 'getAppSettings' | 'replaceAppSettings'>;
  keyring: Pick<Keyring, 'encrypt' | 'decrypt'>;
  clock: Clock;
  registry: ProviderRegistry;
  /** The validator types an app may name as its `validator`. */
  validators: ValidatorRegistry;
  /**
   * How long this process uses an app's cached settings before asking the store whether
   * they changed (one indexed read of the revision): the most a replacement made by another
   * process — the CLI, another instance — stays unseen. Replacements made through this
   * service are seen at once.
   */
  refreshMs: number;
}

export type ReplaceOutcome =
  | {
      status: 'replaced';
      settings: AppSettings;
      revision: number;
      /** What the replacement changed, leaf by leaf, every secret masked: for the audit log. */
      changes: SettingsChange[];
    }
  | { status: 'invalid'; errors: FieldError[] }
  | { status: 'app_not_found' };

/** Settings as shown to their owner: secrets masked. */
export interface ShownSettings {
  settings: AppSettings;
  revision: number;
  updatedAt: number | null;
}

interface CacheEntry {
  revision: number;
  /** Plaintext secrets: lives only in memory. */
  settings: AppSettings;
  /** Built on first use per channel; providers are stateless, so they are shared. */
  providers: Map<Channel, Provider[]>;
  /** Built on first use; null for `builtin`. */
  validator?: Validator | null;
  checkedAt: number;
}

/** A lost compare-and-swap re-reads and merges again; more rounds means a runaway writer. */
const MAX_ROUNDS = 5;

/**
 * App settings: validated, stored with secrets encrypted (AES-256-GCM bound to the app and
 * the field), shown masked, and turned into each app's providers.
 */
export function createSettingsService(deps: SettingsServiceDeps) {
  const { store, keyring, clock, registry, validators, refreshMs } = deps;
  const schema = createSettingsSchema(registry.entrySchema, validators.entrySchema);
  const defaults = (): AppSettings => schema.parse({});
  const secretsOf = (doc: unknown) =>
    findSecrets(doc, registry.secretFieldsOf, validators.secretFieldsOf);
  const destinations: DestinationRules = {
    providerFieldsOf: registry.destinationFieldsOf,
    validatorFieldsOf: validators.destinationFieldsOf,
  };
  const context = (appId: string, spot: SecretSpot) =>
    `app-settings:${appId}:${spot.path.join('.')}`;

  /**
   * Stored JSON → settings with plaintext secrets, defaults filled for fields added since.
   * Settings that can no longer be used — a secret made under a server key since dropped, a
   * plug-in since removed — fail closed: the app's deliveries and new verifications answer
   * 503 naming the cause, never fall back to other providers, until the app replaces them.
   */
  function decode(appId: string, json: string): AppSettings {
    const doc: unknown = JSON.parse(json);
    let plain: unknown;
    try {
      plain = replaceSecrets(doc, secretsOf(doc), (value, spot) =>
        keyring.decrypt(value, context(appId, spot)),
      );
    } catch {
      throw unusable('a stored secret cannot be decrypted with any configured server key');
    }
    const parsed = schema.safeParse(plain);
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error).map((e) => `${e.field}: ${e.message}`);
      throw unusable(`they no longer validate (${fields.join('; ')})`);
    }
    return parsed.data;
  }

  const unusable = (cause: string) =>
    new OtpdError(
      'service_unavailable',
      `the app's stored settings cannot be used: ${cause}; replace them with PUT /v1/settings`,
    );

  /** The stored settings to merge masked secrets from; none when they cannot be read. */
  function previousOf(appId: string, json: string | null): AppSettings | null {
    if (json === null) return null;
    try {
      return decode(appId, json);
    } catch {
      return null; // masked values then match nothing: the caller must send every secret
    }
  }

  function encode(appId: string, settings: AppSettings): string {
    const sealed = replaceSecrets(settings, secretsOf(settings), (value, spot) =>
      keyring.encrypt(value, context(appId, spot)),
    );
    return JSON.stringify(sealed);
  }

  const masked = (settings: AppSettings): AppSettings =>
    replaceSecrets(settings, secretsOf(settings), maskSecret);

  function validate(input: unknown): { settings?: AppSettings; errors: FieldError[] } {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { errors: fieldErrors(parsed.error) };
    const errors = providerListErrors(parsed.data, registry);
    errors.push(...codeOwnerErrors(parsed.data, registry.generatesCode));
    return { settings: parsed.data, errors };
  }

  const cache = new Map<string, CacheEntry>();
  const loading = new Map<string, Promise<CacheEntry>>();
  /** Bumped by each local replacement, so a read that started before it is not cached. */
  const generations = new Map<string, number>();

  async function refresh(appId: string, cached: CacheEntry | undefined): Promise<CacheEntry> {
    const generation = generations.get(appId) ?? 0;
    const stored = await store.getAppSettings(appId);
    const now = clock.now();
    if (cached && stored && cached.revision === stored.revision) {
      cached.checkedAt = now;
      return cached;
    }
    const entry: CacheEntry = {
      revision: stored?.revision ?? 0,
      settings: stored?.json ? decode(appId, stored.json) : defaults(),
      providers: new Map(),
      checkedAt: now,
    };
    if (stored && generation === (generations.get(appId) ?? 0)) cache.set(appId, entry);
    return entry;
  }

  /** The app's current settings, cached; at most `refreshMs` behind the store. */
  function current(appId: string): Promise<CacheEntry> {
    const cached = cache.get(appId);
    if (cached && clock.now() - cached.checkedAt < refreshMs) return Promise.resolve(cached);
    const running = loading.get(appId);
    if (running) return running;
    const pending: Promise<CacheEntry> = refresh(appId, cached).finally(() => {
      if (loading.get(appId) === pending) loading.delete(appId);
    });
    loading.set(appId, pending);
    return pending;
  }

  function forget(appId: string): void {
    generations.set(appId, (generations.get(appId) ?? 0) + 1);
    cache.delete(appId);
    loading.delete(appId);
  }

  /** The providers of an app's channel in the order to try them, built once per revision. */
  async function providersFor(appId: string, channel: Channel): Promise<Provider[]> {
    const entry = await current(appId);
    let providers = entry.providers.get(channel);
    if (!providers) {
      providers = entry.settings.channels[channel].providers.map((e) => registry.create(e));
      entry.providers.set(channel, providers);
    }
    return providers;
  }

  return {
    /** The zod schema of the document (for request validation docs and OpenAPI). */
    schema,

    /** What the provider and validator plug-ins say of themselves, for forms over `schema`. */
    plugins: { providers: registry.metadata, validators: validators.metadata },

    /** An app's settings with plaintext secrets, for the engine's own use; never shown. */
    async get(appId: string): Promise<AppSettings> {
      return (await current(appId)).settings;
    },

    providersFor,

    /**
     * Whether the senders of a channel make their own codes (integration mode 3), in settings
     * the caller already read: the same revision its other steps decide by.
     */
    sendersMakeCode(settings: Pick<AppSettings, 'channels'>, channel: Channel): boolean {
      return settings.channels[channel].providers.some(registry.generatesCode);
    },

    /** The app's third-party validator, built once per revision; null for `builtin`. */
    async validatorFor(appId: string): Promise<Validator | null> {
      const entry = await current(appId);
      if (entry.validator === undefined)
        entry.validator = validators.create(entry.settings.validator);
      return entry.validator;
    },

    /** Every secret string of an app's settings: what an answer shown to the app must not repeat. */
    async secretValues(appId: string): Promise<string[]> {
      const { settings } = await current(appId);
      return secretsOf(settings).map((spot) => getAt(settings, spot.path) as string);
    },

    /** The stored settings, secrets masked, read fresh; undefined for an unknown app. */
    async show(appId: string): Promise<ShownSettings | undefined> {
      const stored = await store.getAppSettings(appId);
      if (!stored) return undefined;
      const settings = stored.json === null ? defaults() : decode(appId, stored.json);
      return { settings: masked(settings), revision: stored.revision, updatedAt: stored.updatedAt };
    },

    /**
     * Validates `input` as a whole settings document and stores it in place of the old one,
     * or stores nothing and names every bad field. Masked secrets keep their stored values,
     * unless their entry's destination changed (then they must be sent again).
     * The write is a compare-and-swap on the revision it merged against: a concurrent
     * replacement makes it merge again rather than overwrite what it did not see.
     */
    async replace(appId: string, input: unknown): Promise<ReplaceOutcome> {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const stored = await store.getAppSettings(appId);
        if (!stored) return { status: 'app_not_found' };
        const previous = previousOf(appId, stored.json);
        const unmasked = unmask(input, previous, secretsOf);
        const { settings, errors } = validate(unmasked.document);
        // A stored secret goes only where it went: a masked one whose entry now points
        // elsewhere must be typed in again by someone who knows it.
        const moved = settings
          ? movedSecretErrors(unmasked.restored, previous, settings, destinations)
          : [];
        const refused = [...unmasked.errors, ...moved];
        const maskedFields = new Set(refused.map((e) => e.field));
        const all = [...refused, ...errors.filter((e) => !maskedFields.has(e.field))];
        if (all.length > 0 || !settings) return { status: 'invalid', errors: all };
        const revision = await store.replaceAppSettings(
          appId,
          encode(appId, settings),
          clock.now(),
          stored.revision,
        );
        if (revision === undefined) continue;
        forget(appId);
        const changes = maskedSettingsDiff(previous ?? defaults(), settings, secretsOf);
        return { status: 'replaced', settings: masked(settings), revision, changes };
      }
      throw new OtpdError('service_unavailable', 'the settings are changing too fast; try again');
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
