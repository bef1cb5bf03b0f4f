import { describe, expect, it } from 'vitest';
import { parseShardSpec, partitionCommands } from '../../src/core/shard/partition.js';
import type { CommandConfig } from '../../src/core/config/config-types.js';
import { commandConfig } from '../support/command-config.js';

const command = (id: string, needs: string[] = []): CommandConfig =>
  commandConfig(id, 'true', { timeoutMs: 1000, needs });

describe('parseShardSpec', () => {
  it.each([
    ['1/4', { kind: 'ok', value: { index: 1, count: 4 } }],
    ['4/4', { kind: 'ok', value: { index: 4, count: 4 } }],
    ['0/4', { kind: 'unavailable', reason: 'shard 0/4: i must be between 1 and n' }],
    ['5/4', { kind: 'unavailable', reason: 'shard 5/4: i must be between 1 and n' }],
    ['two', { kind: 'unavailable', reason: "shard must look like i/n, e.g. 2/4 (got 'two')" }],
  ])('%s', (text, expected) => {
    expect(parseShardSpec(text)).toEqual(expected);
  });
});

describe('partitionCommands', () => {
  const twelve = Array.from({ length: 12 }, (_, i) => command(`c${i}`));

  it('balances by count without durations, deterministically, covering every command once', () => {
    const shards = partitionCommands(twelve, 4);
    expect(shards.map((s) => s.length)).toEqual([3, 3, 3, 3]);
    expect(shards.flat().sort()).toEqual(twelve.map((c) => c.id).sort());
    expect(partitionCommands(twelve, 4)).toEqual(shards);
  });

  it('keeps commands linked by needs in one shard', () => {
    const commands = [
      command('build'),
      command('test', ['build']),
      command('lint'),
      command('docs'),
      command('e2e', ['test']),
    ];
    const shards = partitionCommands(commands, 2);
    const home = (id: string) => shards.findIndex((s) => s.includes(id));
    expect(home('build')).toBe(home('test'));
    expect(home('test')).toBe(home('e2e'));
    expect(shards.flat()).toHaveLength(5);
  });

  it('balances by the durations of a previous record', () => {
    const commands = [command('slow'), command('a'), command('b'), command('c')];
    const shards = partitionCommands(commands, 2, { slow: 9000, a: 3000, b: 3000, c: 3000 });
    expect(shards).toEqual([['slow'], ['a', 'b', 'c']]);
  });

  it('leaves a shard empty when there are more shards than groups', () => {
    expect(partitionCommands([command('only')], 3)).toEqual([['only'], [], []]);
  });
});
