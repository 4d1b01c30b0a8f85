import { describe, expect, it } from 'vitest';
import { lastEventMoved, STATUS_RANK, statusOf } from '../../receipts/domain/message-status.ts';
import type { MessageEvent, MessageStatus } from '../message-log-ports.ts';

const events = (...statuses: MessageStatus[]): MessageEvent[] =>
  statuses.map((status, at) => ({ status, at }));

describe('message status ordering', () => {
  it('moves queued → sent → delivered, whatever order receipts arrive in', () => {
    expect(statusOf(events('sent', 'queued'))).toBe('sent');
    expect(statusOf(events('sent', 'queued', 'sent', 'delivered'))).toBe('delivered');
    expect(statusOf(events('sent', 'delivered', 'sent', 'queued'))).toBe('delivered');
    expect(statusOf([])).toBeUndefined();
  });

  it('keeps the first of undelivered and failed; delivered outranks both', () => {
    expect(statusOf(events('sent', 'undelivered', 'failed'))).toBe('undelivered');
    expect(statusOf(events('sent', 'failed', 'undelivered'))).toBe('failed');
    expect(statusOf(events('sent', 'undelivered', 'delivered'))).toBe('delivered');
    expect(statusOf(events('sent', 'delivered', 'failed'))).toBe('delivered');
    expect(STATUS_RANK.delivered).toBeGreaterThan(STATUS_RANK.undelivered);
  });

  it('tells whether the newest event moved the status', () => {
    expect(lastEventMoved(events('sent'))).toBe(true);
    expect(lastEventMoved(events('sent', 'queued'))).toBe(false);
    expect(lastEventMoved(events('sent', 'delivered'))).toBe(true);
    expect(lastEventMoved(events('sent', 'delivered', 'delivered'))).toBe(false);
    expect(lastEventMoved(events('sent', 'delivered', 'undelivered'))).toBe(false);
    expect(lastEventMoved(events('sent', 'undelivered', 'delivered'))).toBe(true);
    expect(lastEventMoved([])).toBe(false);
  });
});
