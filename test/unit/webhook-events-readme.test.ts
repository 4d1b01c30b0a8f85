import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventPayload, type LifecycleEvent } from '../../src/domain/events.ts';
import { verificationRecord } from '../helpers/records.ts';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The field names of the first table after `heading`: the backticked names in column 1. */
function tableFields(heading: string): string[] {
  const from = README.indexOf(heading);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  const lines = README.slice(from).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[] = [];
  for (let i = first + 2; i < lines.length && lines[i]?.startsWith('|'); i++)
    rows.push(lines[i] as string);
  return rows.flatMap((row) =>
    [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] as string),
  );
}

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

/** The README's description of each event's payload matches what the event carries. */
describe('README webhooks: every field of every event type', () => {
  it.each(EVENT_TYPES.filter((t) => t.startsWith('verification.')))('%s', (type) => {
    expect(tableFields('### The verification object').sort()).toEqual(payloadFields(type).sort());
  });

  it.each(EVENT_TYPES.filter((t) => t.startsWith('message.')))('%s', (type) => {
    const section = README.slice(README.indexOf('## Webhooks'));
    expect(section).toContain(`\`${type}\``);
    expect(tableFields('For the `message.*`').sort()).toEqual(payloadFields(type).sort());
  });

  it('lists every event type, and only those, in the webhooks table', () => {
    expect(tableFields('## Webhooks\n').sort()).toEqual([...EVENT_TYPES].sort());
  });
});
