// handoff.<mode>.envelope: the payload mode's service contract version is the manifest's, and its
// non-2xx envelope example satisfies that version's envelope policy (SPEC §3 check 5).

import type { CheckOutcome, Finding } from '../model.js';
import { resolveDottedPath } from '../parse/json-pointer.js';
import { readOwn } from '../own-key.js';

/** One outcome: pass, or fail with a finding per problem at the version or the example. */
export function checkEnvelope(
  mode: string,
  manifest: Record<string, unknown>,
  manifestMode: Record<string, unknown>,
  payloadMode: Record<string, unknown>,
  atVersion: Finding['location'],
  atExample: Finding['location'],
): CheckOutcome {
  const id = `handoff.${mode}.envelope`;
  const version = String(manifestMode.service_contract_version);
  const observedVersion = payloadMode.service_contract_version;
  const problems: Finding[] = [];
  if (observedVersion !== version) {
    problems.push({
      message: `service_contract_version is '${String(observedVersion)}', the manifest's mode '${mode}' says '${version}'`,
      location: atVersion,
    });
  }
  const policy = readOwn<{ required: string[]; error_code_field: string }>(
    manifest.envelopes,
    version,
  );
  const example = payloadMode.error_envelope_example;
  if (!policy) {
    problems.push({
      message: `the manifest has no non-2xx envelope policy for ${version} (envelopes.${version})`,
      location: atExample,
    });
  } else {
    for (const path of policy.required) {
      if (!resolveDottedPath(example, path).found)
        problems.push({
          message: `error_envelope_example lacks required field '${path}' of the ${version} envelope`,
          location: atExample,
        });
    }
    const code = resolveDottedPath(example, policy.error_code_field);
    const enumCodes = (manifest.error_code_enum as string[] | undefined) ?? [];
    if (!code.found) {
      problems.push({
        message: `error_envelope_example has no error code at '${policy.error_code_field}'`,
        location: atExample,
      });
    } else if (!enumCodes.includes(String(code.value))) {
      problems.push({
        message: `error code '${String(code.value)}' at '${policy.error_code_field}' is not in the manifest's error_code_enum`,
        location: atExample,
      });
    }
  }
  if (problems.length === 0) {
    return {
      id,
      kind: 'handoff',
      status: 'pass',
      summary: `mode '${mode}' is ${version} and its error envelope satisfies the ${version} policy`,
    };
  }
  return {
    id,
    kind: 'handoff',
    status: 'fail',
    summary: `non-2xx envelope mismatch in mode '${mode}': ${problems[0]!.message}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`,
    details: problems.map((p) => p.message),
    findings: problems,
    expected: { service_contract_version: version, envelope: policy ?? null },
    observed: { service_contract_version: observedVersion ?? null },
  };
}
