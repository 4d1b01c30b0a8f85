import { describe, expect, it } from 'vitest';
import { parseOptions, SCENARIOS, selectScenarios } from '../options.ts';

function options(args: string[]) {
  const parsed = parseOptions(args);
  if (parsed.help) throw new Error('asked for help');
  return parsed.options;
}

describe('bench options', () => {
  it('run every scenario, short, by default', () => {
    const o = options([]);
    expect(o.scenarios).toEqual(Object.keys(SCENARIOS));
    expect(o).toMatchObject({ duration: 8, warmup: 8, connections: 10, seedRows: 1_000_000 });
    expect(o).toMatchObject({ json: false, cpuProf: false, sqlStats: false, logLevel: 'warn' });
  });

  it('--only runs the named scenarios and those they are compared with, in running order', () => {
    expect(options(['--only', 'clustered']).scenarios).toEqual(['clustered']);
    expect(options(['--only', 'full-sync']).scenarios).toEqual(['hello', 'full-sync']);
    expect(options(['--only', 'minimal']).scenarios).toEqual(['hello', 'minimal']);
    expect(options(['--only', 'minimal-half-load']).scenarios).toEqual([
      'hello',
      'minimal',
      'minimal-half-load',
    ]);
    expect(options(['--only', 'minimal-clustered']).scenarios).toEqual(['minimal-clustered']);
    expect(options(['--only', 'million, half-load']).scenarios).toEqual([
      'hello',
      'embedded',
      'half-load',
      'million',
    ]);
    expect(options(['--only', 'million']).scenarios).toEqual(['million']);
  });

  it('keeps --clustered as another name for --only clustered', () => {
    expect(options(['--clustered']).scenarios).toEqual(['clustered']);
    expect(options(['--clustered', '--only', 'hello']).scenarios).toEqual(['hello', 'clustered']);
  });

  it('refuses an unknown scenario, naming the known ones', () => {
    expect(() => selectScenarios(['fast'])).toThrow(/unknown scenario "fast" \(one of hello, /);
  });

  it('takes whole numbers within bounds and refuses others', () => {
    expect(options(['--duration', '5', '--warmup', '0', '--seed-rows', '1000'])).toMatchObject({
      duration: 5,
      warmup: 0,
      seedRows: 1000,
    });
    expect(() => options(['--duration', '0'])).toThrow('--duration must be an integer >= 1');
    expect(() => options(['--connections', '2.5'])).toThrow('--connections must be');
    expect(() => options(['--seed-rows', 'many'])).toThrow('--seed-rows must be');
  });

  it('answers --help without parsing the rest', () => {
    expect(parseOptions(['--help', '--duration', '0'])).toEqual({ help: true });
  });
});
