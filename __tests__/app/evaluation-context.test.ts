// Facts derived once: the evaluation context holds the joint decision, the verified signatures,
// the baseline sources, each command's body file and each run's test counts, and the record reads
// the same ones the checks do (no module-level cache keyed by the context).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInputReads } from '../../src/app/read-inputs.js';
import { collectEvidence } from '../../src/app/collect-evidence.js';
import { loadConfig } from '../../src/app/load-config.js';
import { createEvaluationContext } from '../../src/core/evaluation/create-context.js';
import { judge } from '../../src/core/judge.js';
import { createRedactor } from '../../src/core/redact.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';
import {
  createScenarioPorts,
  prepareWorkspace,
  scenarioRequest,
  type Scenario,
} from '../scenarios/harness.js';

const scenario = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', 'scenarios', 'cases', 'as-shipped-rehearsal', 'scenario.json'),
    'utf8',
  ),
) as Scenario;
const dir = prepareWorkspace(scenario);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function evidenceOfExample() {
  const ports = createScenarioPorts(scenario, dir);
  const validator = createSchemaValidator();
  const request = scenarioRequest(scenario);
  const loaded = await loadConfig(ports.workspace, request.configPath, validator);
  if (!loaded.ok) throw new Error('the example config loads');
  const inputs = createInputReads(loaded.config, loaded.read, ports, undefined);
  const evidence = await collectEvidence(loaded.config, inputs, ports, request, {
    redact: createRedactor([]),
  });
  return { config: loaded.config, evidence, validator };
}

describe('createEvaluationContext', () => {
  it('derives the shared facts once, into the context', async () => {
    const { config, evidence, validator } = await evidenceOfExample();
    const context = createEvaluationContext(config, evidence, validator);
    expect(context.jointDecision).toMatchObject({ ok: true, path: config.jointDecision!.path });
    expect(Object.keys(context.signoff ?? {}).sort()).toEqual(['cutover', 'rehearsal']);
    expect(context.baselineSources.map((s) => s.name)).toEqual([
      'manifest',
      'payload',
      'joint-decision',
    ]);
    // Each command's body file comes with the config, derived once when it was read.
    const body = (id: string) => config.commands.find((c) => c.id === id)!.body;
    expect(body('unit-tests')).toBeUndefined();
    expect(body('verify-contract-parity')).toEqual({
      path: 'scripts/verify_contract_parity.sh',
      kind: 'script-file',
    });
    const ran = (evidence.commands ?? []).filter((c) => c.state === 'ran').map((c) => c.id);
    expect([...context.testCounts.keys()].sort()).toEqual(ran.sort());
  });

  it('the record reads the same facts the checks read', async () => {
    const { config, evidence, validator } = await evidenceOfExample();
    const context = createEvaluationContext(config, evidence, validator);
    const record = judge(config, evidence, validator);
    expect(Object.keys(record.baseline.observed)).toEqual(
      expect.arrayContaining(context.baselineSources.map((s) => s.name)),
    );
    for (const command of record.commands)
      expect(command.tests).toEqual(context.testCounts.get(command.id) ?? null);
    expect(record.joint_decision?.path).toBe(config.jointDecision!.path);
  });
});
