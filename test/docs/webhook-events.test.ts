import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  eventPayload,
  type LifecycleEvent,
} from '../../src/webhooks/domain/events.ts';
import { verificationRecord } from '../helpers/records.ts';
import { codeSpans, read, tableAfter } from './markdown.ts';

const WEBHOOKS = read('docs/webhooks.md');
const API = read('docs/api.md');

/** The backticked names in column 1 of the first table after the line starting `heading`. */
const tableFields = (page: string, heading: string): string[] =>
  tableAfter(page, heading).flatMap((row) => codeSpans(row[0] ?? ''));

/** Every key of `data` in the payload of one event of `type`. */
function payloadFields(type: (typeof EVENT_TYPES)[number]): string[] {
  const verification = verificationRecord({});
  const event = (
    type.startsWith('message.')
      ? { type, verification, message: { provider: 'p', status: 'sent', error: null } }
      : { type, verification }
  ) as LifecycleEvent;
  return Object.keys(eventPayload(event, 0).data);
}

/** The pages' description of each event's payload matches what the event carries. */
describe('docs/webhooks.md: every field of every event type', () => {
  it.each(EVENT_TYPES.filter((t) => t.startsWith('verification.')))('%s', (type) => {
    expect(tableFields(API, '## The verification object').sort()).toEqual(
      payloadFields(type).sort(),
    );
  });

  it.each(EVENT_TYPES.filter((t) => t.startsWith('message.')))('%s', (type) => {
    expect(WEBHOOKS).toContain(`\`${type}\``);
    expect(tableFields(WEBHOOKS, 'For the `message.*`').sort()).toEqual(payloadFields(type).sort());
  });

  it('lists every event type, and only those, in the webhooks table', () => {
    expect(tableFields(WEBHOOKS, '# Webhooks').sort()).toEqual([...EVENT_TYPES].sort());
  });
});
