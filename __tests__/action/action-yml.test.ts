// action.yml is what the runner reads: it must parse, declare node24 and dist/index.js, and name
// exactly the inputs and outputs the code reads and writes.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { INPUTS, OUTPUTS } from '../../src/action/constants.js';

const action = parse(readFileSync('action.yml', 'utf8'), { uniqueKeys: true }) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
};

describe('action.yml', () => {
  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the code reads, each described, with SPEC defaults', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUTS).sort());
    for (const input of Object.values(action.inputs))
      expect(input.description.length).toBeGreaterThan(10);
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
    expect(action.inputs['check-name']!.default).toBe('Cutover checkpoint');
    expect(action.inputs.decision!.default).toBe('rehearsal');
  });

  it('declares exactly the outputs of SPEC §5', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(OUTPUTS).sort());
  });
});
