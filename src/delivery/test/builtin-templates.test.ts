import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES, builtInTemplate } from '../domain/builtin-templates.ts';
import { renderMessage } from '../domain/templates.ts';

const REQUIRED = ['en', 'tr', 'sw', 'hi', 'ar', 'fr', 'es', 'de', 'pt'];

/** The GSM 03.38 default alphabet and its extension table (escape + char). */
const GSM_7 =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_7_EXTENSION = '^{}\\[~]|€';

/** Characters one SMS segment holds for `text`: 160 in GSM-7, 70 in UCS-2. */
function segmentRoom(text: string): { used: number; room: number } {
  const chars = [...text];
  if (chars.every((c) => GSM_7.includes(c) || GSM_7_EXTENSION.includes(c))) {
    return {
      used: chars.reduce((n, c) => n + (GSM_7_EXTENSION.includes(c) ? 2 : 1), 0),
      room: 160,
    };
  }
  return { used: text.length, room: 70 }; // UTF-16 code units
}

describe('built-in message texts', () => {
  it('exist for every required language', () => {
    for (const language of REQUIRED) expect(BUILT_IN_TEMPLATES).toHaveProperty(language);
  });

  for (const [language, forms] of Object.entries(BUILT_IN_TEMPLATES)) {
    describe(language, () => {
      for (const [category, template] of Object.entries(forms)) {
        it(`${category}: has {{code}}, {{app}} and {{minutes}}, the code before the minutes`, () => {
          for (const name of ['code', 'app', 'minutes']) {
            expect(template.match(new RegExp(`\\{\\{${name}\\}\\}`, 'g'))).toHaveLength(1);
          }
          expect(template.indexOf('{{code}}')).toBeLessThan(template.indexOf('{{minutes}}'));
        });
      }

      for (const minutes of [1, 2, 3, 10, 11, 100]) {
        it(`renders with everything substituted for ${minutes} minute(s)`, () => {
          const content = builtInTemplate(language, minutes) ?? '';
          const body = renderMessage({ appName: 'Acme', code: '048213', minutes, content });
          expect(body).toContain('Acme');
          expect(body).toContain('048213');
          expect(body).toMatch(new RegExp(`(^|\\D)${minutes}(\\D|$)`));
          expect(body).not.toMatch(/[{}]/);
          // A reader taking the first run of 4+ digits gets the code.
          expect(/\d{4,10}/.exec(body)?.[0]).toBe('048213');
        });
      }

      it('fits one SMS segment with a short app name and a 10-minute, 8-digit code', () => {
        const content = builtInTemplate(language, 10) ?? '';
        const body = renderMessage({ appName: 'Acme', code: '04821377', minutes: 10, content });
        const { used, room } = segmentRoom(body);
        expect(used).toBeLessThanOrEqual(room);
      });
    });
  }

  it('agrees Arabic counts with the noun', () => {
    const word = (minutes: number) => builtInTemplate('ar', minutes)?.split(' ').at(-1);
    expect(word(1)).toBe('دقيقة.');
    expect(word(2)).toBe('دقيقتين.');
    expect(word(5)).toBe('دقائق.');
    expect(word(10)).toBe('دقائق.');
    expect(word(15)).toBe('دقيقة.');
  });

  it('has none for an unknown language or an inherited property name', () => {
    expect(builtInTemplate('nl', 10)).toBeUndefined();
    expect(builtInTemplate('constructor', 10)).toBeUndefined();
    expect(builtInTemplate('__proto__', 10)).toBeUndefined();
  });
});
