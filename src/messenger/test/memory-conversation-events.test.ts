import { createMemoryConversationEvents } from '../adapters/memory-conversation-events.ts';
import { describeConversationEventsContract } from './conversation-events-contract.ts';

// One process: the other instance is the same bus, as two requests of one server share it.
describeConversationEventsContract('memory', async () => {
  const events = createMemoryConversationEvents();
  return { events, second: events, ready: async () => {}, cleanup: () => events.close() };
});
