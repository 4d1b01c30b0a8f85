import { describe, expect, it } from 'vitest';
import { speechLanguage, verificationTwiml, xmlEscape } from '../adapters/twilio-voice.ts';
import { BUILT_IN_TEMPLATES } from '../domain/builtin-templates.ts';
import {
  BUILT_IN_VOICE_TEMPLATES,
  spokenCode,
  voiceLines,
} from '../domain/builtin-voice-templates.ts';
import { chooseTemplate } from '../domain/templates.ts';

describe('voice texts', () => {
  it('has a voice text for every built-in language, saying the code twice on two lines', () => {
    expect(Object.keys(BUILT_IN_VOICE_TEMPLATES).sort()).toEqual(
      Object.keys(BUILT_IN_TEMPLATES).sort(),
    );
    for (const [language, text] of Object.entries(BUILT_IN_VOICE_TEMPLATES)) {
      expect(text.match(/\{\{code\}\}/g), language).toHaveLength(2);
      expect(voiceLines(text), language).toHaveLength(2);
      expect(text, language).toContain('{{app}}');
    }
  });

  it('picks the voice text for the voice channel and the written one otherwise', () => {
    const choice = { content: null, appTemplates: undefined, defaultLocale: 'en', minutes: 10 };
    expect(chooseTemplate({ ...choice, locale: 'pt-BR', channel: 'voice' })).toBe(
      BUILT_IN_VOICE_TEMPLATES.pt,
    );
    expect(chooseTemplate({ ...choice, locale: 'xx', channel: 'voice' })).toBe(
      BUILT_IN_VOICE_TEMPLATES.en,
    );
    expect(chooseTemplate({ ...choice, locale: 'de', channel: 'sms' })).not.toContain('\n');
  });

  it('reads a code one character at a time', () => {
    expect(spokenCode('048213')).toBe('0, 4, 8, 2, 1, 3');
  });
});

describe('TwiML of a verification call', () => {
  it('says each line in the language, a pause between, escaping the text', () => {
    expect(verificationTwiml('Code for <A&B>: 1, 2.\nAgain: 1, 2.', 'pt-br')).toBe(
      '<Response><Say language="pt-BR">Code for &lt;A&amp;B&gt;: 1, 2.</Say><Pause/>' +
        '<Say language="pt-BR">Again: 1, 2.</Say></Response>',
    );
  });

  it('gives a bare language the region its voice text is written for', () => {
    expect(speechLanguage('tr')).toBe('tr-TR');
    expect(speechLanguage('en')).toBe('en-US');
    expect(speechLanguage('en-GB')).toBe('en-GB');
    expect(speechLanguage('nl')).toBe('nl');
    expect(xmlEscape(`"'`)).toBe('&quot;&apos;');
  });
});
