// handoff.<mode>.*: for every handoff mode, the payload agrees with the manifest (SPEC §3 checks 3–5):
// the error-code enum is in sync, the fields neither lack nor add anything (drift), and the
// service contract version and its non-2xx envelope example satisfy the manifest's policy.

import type { CheckOutcome, Finding } from '../model.js';
import { formatPointer, isPlainObject } from '../parse/json-pointer.js';
import type { EvaluationContext, LoadedFile } from '../evaluation/evaluation-context.js';
import { locationOf } from '../parse/parse-document.js';
import { compareSets } from '../values/set-difference.js';
import { checkEnvelope } from './handoff-envelope.js';
import { readOwn } from '../own-key.js';

/** Fields every payload mode carries besides the manifest's `required_fields`. */
export const PAYLOAD_MODE_CORE_FIELDS = [
  'service_contract_version',
  'error_code_enum',
  'error_envelope_example',
];

type Loaded = Extract<LoadedFile, { ok: true }>;

/** Three checks per evaluated mode. */
export function evaluateHandoff(context: EvaluationContext): CheckOutcome[] {
  const handoff = context.config.handoff;
  if (!handoff) return [];
  const manifest = context.artifacts.get(handoff.manifest);
  const payload = context.artifacts.get(handoff.payload);
  const outcomes: CheckOutcome[] = [];
  for (const mode of context.evidence.modes) {
    const ids = ['error-code-enum', 'fields', 'envelope'].map((name) => `handoff.${mode}.${name}`);
    if (!manifest?.ok || !payload?.ok) {
      const broken = [
        manifest?.ok ? undefined : handoff.manifest,
        payload?.ok ? undefined : handoff.payload,
      ].filter(Boolean);
      for (const id of ids) {
        outcomes.push({
          id,
          kind: 'handoff',
          status: 'error',
          summary: `cannot compare mode '${mode}': artifact ${broken.map((b) => `'${b}'`).join(' and ')} unusable (see artifact.${broken[0]})`,
        });
      }
      continue;
    }
    outcomes.push(...evaluateMode(mode, manifest, payload));
  }
  return outcomes;
}

function evaluateMode(mode: string, manifest: Loaded, payload: Loaded): CheckOutcome[] {
  const m = manifest.document.value as Record<string, unknown>;
  const p = payload.document.value as Record<string, unknown>;
  const manifestMode = readOwn<Record<string, unknown>>(m.handoff_modes, mode);
  const payloadMode = readOwn(p.modes, mode);
  const at = (file: Loaded, pointer: string, key = false) =>
    locationOf(file.path, file.document, pointer, key);
  const missing = (what: string, file: Loaded, pointer: string): CheckOutcome[] =>
    ['error-code-enum', 'fields', 'envelope'].map((name) => ({
      id: `handoff.${mode}.${name}`,
      kind: 'handoff' as const,
      status: 'fail' as const,
      summary: `mode '${mode}' is missing from the ${what} (${file.path})`,
      findings: [{ message: `no handoff mode '${mode}' here`, location: at(file, pointer) }],
      expected: `mode '${mode}' present`,
      observed: 'absent',
    }));
  if (!manifestMode) return missing('manifest', manifest, '/handoff_modes');
  if (!isPlainObject(payloadMode)) return missing('payload', payload, '/modes');
  const modePointer = formatPointer(['modes', mode]);
  return [
    checkEnum(
      mode,
      m.error_code_enum as string[],
      payloadMode.error_code_enum,
      at(payload, `${modePointer}/error_code_enum`),
    ),
    checkFields(
      mode,
      manifestMode.required_fields as string[],
      payloadMode,
      (field) => at(payload, `${modePointer}${formatPointer([field])}`, true),
      at(payload, modePointer),
    ),
    checkEnvelope(
      mode,
      m,
      manifestMode,
      payloadMode,
      at(payload, `${modePointer}/service_contract_version`),
      at(payload, `${modePointer}/error_envelope_example`),
    ),
  ];
}

function checkEnum(
  mode: string,
  canonical: string[],
  observed: unknown,
  location: Finding['location'],
): CheckOutcome {
  const id = `handoff.${mode}.error-code-enum`;
  const codes = Array.isArray(observed) ? observed.map(String) : [];
  const { added, removed } = compareSets(canonical, codes);
  if (added.length === 0 && removed.length === 0) {
    return {
      id,
      kind: 'handoff',
      status: 'pass',
      summary: `error_code_enum of mode '${mode}' matches the manifest (${canonical.length} codes)`,
    };
  }
  const details = [
    ...(added.length ? [`added in payload (not in manifest): ${added.join(', ')}`] : []),
    ...(removed.length ? [`missing from payload (in manifest): ${removed.join(', ')}`] : []),
  ];
  return {
    id,
    kind: 'handoff',
    status: 'fail',
    summary: `error_code_enum of mode '${mode}' is out of sync with the manifest: ${details.join('; ')}`,
    details,
    findings: details.map((message) => ({ message, location })),
    expected: { added: [], removed: [] },
    observed: { added, removed },
  };
}

function checkFields(
  mode: string,
  required: string[],
  payloadMode: Record<string, unknown>,
  atField: (field: string) => Finding['location'],
  atMode: Finding['location'],
): CheckOutcome {
  const id = `handoff.${mode}.fields`;
  const present = Object.keys(payloadMode);
  const missing = required.filter((field) => !present.includes(field));
  const known = new Set([...required, ...PAYLOAD_MODE_CORE_FIELDS]);
  const unknown = present.filter((field) => !known.has(field));
  if (missing.length === 0 && unknown.length === 0) {
    return {
      id,
      kind: 'handoff',
      status: 'pass',
      summary: `mode '${mode}' carries exactly the manifest's ${required.length} required fields`,
    };
  }
  const findings: Finding[] = [
    ...missing.map((field) => ({
      message: `required field '${field}' of mode '${mode}' is missing from the payload`,
      location: atMode,
    })),
    ...unknown.map((field) => ({
      message: `field '${field}' in mode '${mode}' is not in the manifest (field drift)`,
      location: atField(field),
    })),
  ];
  return {
    id,
    kind: 'handoff',
    status: 'fail',
    summary: `field drift in mode '${mode}': ${[missing.length ? `missing ${missing.join(', ')}` : '', unknown.length ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean).join('; ')}`,
    details: findings.map((f) => f.message),
    findings,
    expected: { missing: [], unknown: [] },
    observed: { missing, unknown },
  };
}
