import { describe, expect, it } from 'vitest';
import {
  type HttpReceiptConfig,
  httpProviderConfigSchema,
  httpReceiptConfigSchema,
} from '../../delivery/adapters/http-provider-config.ts';
import { mapStatus, readHttpReceipt } from '../domain/http-receipt.ts';

const TOKEN = 'receipt-token-0123456789';

/** Beem's delivery reports: `{request_id, dest_addr, status}`, the status spelled either way. */
const beem: HttpReceiptConfig = httpReceiptConfigSchema.parse({
  token: TOKEN,
  messageIdPointer: '/request_id',
  statusPointer: ['/status', '/Status'],
  statusMap: { DELIVERED: 'delivered', UNDELIVERED: 'undelivered', REJECTED: 'failed' },
});

describe('http gateway receipts', () => {
  it('reads Beem receipts with either spelling of status, and a numeric id', () => {
    expect(
      readHttpReceipt(beem, { request_id: 4242, dest_addr: '255700000001', status: 'DELIVERED' }),
    ).toEqual({
      receipt: {
        providerMessageId: '4242',
        reported: 'DELIVERED',
        status: 'delivered',
        error: null,
      },
    });
    expect(
      readHttpReceipt(beem, {
        request_id: 'r-1',
        dest_addr: '255700000001',
        Status: 'UNDELIVERED',
      }),
    ).toMatchObject({
      receipt: { providerMessageId: 'r-1', status: 'undelivered' },
    });
  });

  it('maps statuses exactly, then ignoring case; an unknown status maps to null', () => {
    const map = { DELIVRD: 'delivered', delivrd: 'failed', UNDELIV: 'undelivered' } as const;
    expect(mapStatus(map, 'DELIVRD')).toBe('delivered');
    expect(mapStatus(map, 'delivrd')).toBe('failed');
    expect(mapStatus(map, 'Undeliv')).toBe('undelivered');
    expect(mapStatus(map, 'ENROUTE')).toBeNull();
    expect(mapStatus(map, 'constructor')).toBeNull();
  });

  it('reads nested pointers and the error code', () => {
    const config = httpReceiptConfigSchema.parse({
      token: TOKEN,
      messageIdPointer: '/data/id',
      statusPointer: '/data/state',
      errorPointer: '/data/err',
      statusMap: { UNDELIV: 'undelivered' },
    });
    expect(readHttpReceipt(config, { data: { id: 'm-9', state: 'UNDELIV', err: 'E042' } })).toEqual(
      {
        receipt: {
          providerMessageId: 'm-9',
          reported: 'UNDELIV',
          status: 'undelivered',
          error: 'E042',
        },
      },
    );
  });

  it('names what a receipt lacks', () => {
    expect(readHttpReceipt(beem, { dest_addr: '255700000001' })).toEqual({
      errors: [
        { field: 'body.request_id', message: 'no message id here' },
        { field: 'body.status', message: 'no status here' },
      ],
    });
    expect(readHttpReceipt(beem, undefined)).toHaveProperty('errors');
    expect(readHttpReceipt(beem, { request_id: {}, status: 'DELIVERED' })).toHaveProperty('errors');
  });

  it('validates the receipt config inside an http provider', () => {
    const base = { name: 'beem', request: { url: 'https://gw.example/send' } };
    expect(httpProviderConfigSchema.safeParse({ ...base, receipt: beem }).success).toBe(true);
    const bad = httpProviderConfigSchema.safeParse({
      ...base,
      receipt: {
        token: 'short',
        messageIdPointer: 'id',
        statusPointer: '/s',
        statusMap: { A: 'read' },
      },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['receipt.token', 'receipt.messageIdPointer', 'receipt.statusMap.A']),
    );
    const empty = httpReceiptConfigSchema.safeParse({ ...beem, statusMap: {} });
    expect(empty.success).toBe(false);
  });
});
