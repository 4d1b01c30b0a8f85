import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Each feature keeps its tests beside it, in src/<feature>/test/ (docs/development.md);
 * test/ holds only what spans the whole server and what every test shares.
 */

const FEATURES = [
  'verification',
  'delivery',
  'receipts',
  'webhooks',
  'abuse',
  'settings',
  'apps',
  'message-log',
  'analytics',
  'messenger',
  'console',
  'dialects/beem',
  'dialects/convertalk',
  'dialects/diyalog',
  'dialects/twilio',
];

const filesUnder = (folder: string) =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

describe('where tests live', () => {
  it.each(FEATURES)('src/%s/ has its tests in its test/ folder', (feature) => {
    const tests = filesUnder(join('src', feature, 'test')).filter((f) => f.endsWith('.test.ts'));
    expect(tests.length).toBeGreaterThan(0);
  });

  it('no test file under src/ sits outside a test/ folder', () => {
    const stray = filesUnder('src').filter((f) => f.endsWith('.test.ts') && !f.includes('/test/'));
    expect(stray).toEqual([]);
  });
});
