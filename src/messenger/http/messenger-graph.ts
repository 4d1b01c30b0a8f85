import type { RateLimiter } from '../../abuse/rate-limiter-ports.ts';
import type { AppStore } from '../../apps/app-store-ports.ts';
import type { DiyalogPostbacks } from '../../dialects/diyalog-postbacks.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Keyring } from '../../ports/keyring.ts';
import type { OutboundClient } from '../../ports/outbound.ts';
import type { AppSettings } from '../../settings/domain/settings.ts';
import type { VerificationService } from '../../verification/verifications.ts';
import { createBotRelay } from '../bot-relay.ts';
import type { ConversationEvents } from '../conversation-events.ts';
import { createConversationService } from '../conversation-service.ts';
import type { ConversationStore } from '../conversation-store.ts';
import { createGateService } from '../gate-service.ts';
import { createSessions } from '../sessions.ts';
import type { MessengerRouteDeps } from './messenger-http.ts';

/** The web messenger's use cases over its ports. */
export function createMessenger(ports: {
  store: Pick<AppStore, 'getApp'>;
  conversationStore: ConversationStore;
  events: ConversationEvents;
  settingsFor: (appId: string) => Promise<AppSettings>;
  verifications: VerificationService;
  /** Presses on messages sent through Diyalog's sendmok go back this way. */
  diyalogPostbacks: Pick<DiyalogPostbacks, 'press'>;
  limiter: RateLimiter;
  keyring: Keyring;
  outbound: OutboundClient;
  clock: Clock;
  logger: Logger;
}): MessengerRouteDeps {
  const { clock, logger, settingsFor } = ports;
  const conversations = createConversationService({
    conversations: ports.conversationStore,
    events: ports.events,
    relay: createBotRelay({ outbound: ports.outbound, clock, logger }),
    messengerFor: async (appId) => (await settingsFor(appId)).messenger,
    diyalog: ports.diyalogPostbacks,
    verifications: ports.verifications,
    clock,
    logger,
  });
  const gate = createGateService({
    apps: ports.store,
    settingsFor,
    verifications: ports.verifications,
    conversations: ports.conversationStore,
    limiter: ports.limiter,
    keyring: ports.keyring,
    clock,
    logger,
    onCreated: (c) => conversations.started(c),
  });
  const sessions = createSessions({ conversations: ports.conversationStore, clock });
  return { gate, sessions, conversations, events: ports.events, clock };
}
