import type { FastifyInstance } from 'fastify';
import type { AppService } from '../../apps/apps.ts';
import type { Clock } from '../../kernel/clock.ts';
import { DIALECT_PREFIXES } from '../../kernel/dialect-hosts.ts';
import type { Logger } from '../../observability/logger.ts';
import type { SettingsService } from '../../settings/settings-service.ts';
import type { VerificationService } from '../../verification/verifications.ts';
import { beemRoutes } from '../beem/beem-routes.ts';
import { twilioRoutes } from '../twilio/twilio-routes.ts';

export interface DialectDeps {
  apps: Pick<AppService, 'authenticate'>;
  verifications: VerificationService;
  /** The app's settings: what the Twilio dialect accepts (custom codes, channels, templates). */
  settings: Pick<SettingsService, 'get'>;
  clock: Clock;
  logger: Logger;
}

/** The compatible APIs, each in its own scope (own auth, body parsers and error shapes). */
export async function registerDialects(app: FastifyInstance, deps: DialectDeps): Promise<void> {
  await app.register((scope) => twilioRoutes(scope, deps), { prefix: DIALECT_PREFIXES.twilio });
  await app.register((scope) => beemRoutes(scope, deps), { prefix: DIALECT_PREFIXES.beem });
}
