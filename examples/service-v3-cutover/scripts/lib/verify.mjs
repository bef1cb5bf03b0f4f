// The producer's contract verification checks (small but real). Usage: node verify.mjs <check> [--root DIR]
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [check, ...args] = process.argv.slice(2);
const rootIndex = args.indexOf('--root');
const root = rootIndex === -1 ? '.' : args[rootIndex + 1];
const read = (path) => readFileSync(join(root, path), 'utf8');
const json = (path) => JSON.parse(read(path));
const manifestPath = 'contracts/integration/v1/producer-contract-manifest.json';
const payloadPath = 'docs/implementation/PRODUCER_RELEASE_HANDOFF_LATEST.json';

let passed = 0;
let failed = 0;
function assert(condition, message) {
  if (condition) passed++;
  else {
    failed++;
    console.error(`FAIL: ${message}`);
  }
}
const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));

function openapiEnum() {
  const text = read('openapi/service.yaml');
  const block = /ErrorCode:\n\s+type: string\n\s+enum:\n((?:\s+- .+\n)+)/.exec(text);
  return block ? block[1].trim().split('\n').map((line) => line.replace(/^\s*- /, '').trim()) : [];
}

const checks = {
  'service-contract-alignment'() {
    const manifest = json(manifestPath);
    const openapi = read('openapi/service.yaml');
    assert(sameSet(openapiEnum(), manifest.error_code_enum), 'OpenAPI ErrorCode enum differs from the manifest error_code_enum');
    assert(openapi.includes(`x-service-contract-version: ${manifest.service_contract_version}`), 'OpenAPI x-service-contract-version differs from the manifest');
    assert(openapi.includes(`version: ${manifest.release_tag.replace(/^v/, '')}`), 'OpenAPI info.version differs from the release tag');
  },
  'contract-parity'() {
    const manifest = json(manifestPath);
    const docs = read('docs/implementation/SERVICE_CONTRACT.md');
    for (const version of Object.keys(manifest.envelopes)) assert(docs.includes(version), `SERVICE_CONTRACT.md does not mention ${version}`);
    assert(read('CHANGELOG.md').includes(`[${manifest.release_tag.replace(/^v/, '')}]`), 'CHANGELOG.md has no entry for the release tag');
  },
  'producer-contract-manifest'() {
    const manifest = json(manifestPath);
    for (const key of ['producer', 'release_tag', 'commit_sha', 'error_code_enum', 'envelopes', 'handoff_modes']) assert(key in manifest, `manifest lacks ${key}`);
    assert(new Set(manifest.error_code_enum).size === manifest.error_code_enum.length, 'error_code_enum has duplicates');
    for (const [mode, spec] of Object.entries(manifest.handoff_modes)) {
      assert(spec.service_contract_version in manifest.envelopes, `mode ${mode}: no envelope policy for ${spec.service_contract_version}`);
    }
  },
  'producer-handoff-payload'() {
    const manifest = json(manifestPath);
    const payload = json(payloadPath);
    for (const key of ['release_tag', 'commit_sha', 'service_contract_version']) assert(payload[key] === manifest[key], `payload ${key} differs from the manifest`);
    for (const [mode, spec] of Object.entries(manifest.handoff_modes)) {
      const published = payload.modes[mode];
      assert(published !== undefined, `payload lacks mode ${mode}`);
      if (!published) continue;
      assert(sameSet(published.error_code_enum, manifest.error_code_enum), `mode ${mode}: error_code_enum out of sync`);
      for (const field of spec.required_fields) assert(field in published, `mode ${mode}: missing ${field}`);
      for (const field of spec.required_fields) {
        if (typeof published[field] === 'string' && published[field].includes('/')) assert(existsSync(join(root, published[field])), `mode ${mode}: ${field} points at a missing file`);
      }
    }
  },
};

if (!checks[check]) {
  console.error(`unknown check '${check}'; known: ${Object.keys(checks).join(', ')}`);
  process.exit(2);
}
checks[check]();
console.log(`${check}: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
