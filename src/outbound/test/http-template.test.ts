import { describe, expect, it } from 'vitest';
import { buildCall } from '../http-template.ts';
import type { RequestTemplate } from '../http-template-schema.ts';

const buttons = [{ type: 'postback', title: 'Yes', payload: '1234' }];

const template = (body: RequestTemplate['body'], encoding: RequestTemplate['encoding']) => ({
  method: 'POST' as const,
  url: 'https://chat.example/send',
  headers: {},
  body,
  encoding,
});

describe('buildCall', () => {
  it('puts a structured value whole where a JSON string is just its placeholder', () => {
    const call = buildCall(
      template({ text: '{{message}}', buttons: '{{buttons}}', note: 'b={{buttons}}' }, 'json'),
      { message: 'hi', buttons: JSON.stringify(buttons) },
      { buttons },
    );
    expect(JSON.parse(call.body ?? '')).toEqual({
      text: 'hi',
      buttons,
      note: `b=${JSON.stringify(buttons)}`,
    });
  });

  it('sends a structured value as its JSON text in a form field', () => {
    const call = buildCall(
      template({ buttons: '{{buttons}}' }, 'form'),
      { buttons: JSON.stringify(buttons) },
      { buttons },
    );
    expect(new URLSearchParams(call.body).get('buttons')).toBe(JSON.stringify(buttons));
  });

  it('leaves a value that looks like a placeholder as it is', () => {
    const call = buildCall(
      template({ text: '{{message}}' }, 'json'),
      { message: '{{buttons}}' },
      {
        buttons,
      },
    );
    expect(JSON.parse(call.body ?? '')).toEqual({ text: '{{buttons}}' });
  });
});
