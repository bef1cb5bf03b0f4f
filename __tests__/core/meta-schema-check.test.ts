// The precompiled meta-schema check must say exactly what ajv's own check says: same verdict,
// same message, for every draft, for valid and invalid schemas and odd `$schema` spellings.
import { describe, expect, it } from 'vitest';
import { loadAjvFactory, type SchemaDraft } from '../../src/core/schema/schema-drafts.js';
import { assertSchemaValid, loadMetaValidators } from '../../src/core/schema/meta-schema-check.js';
import AjvModule from 'ajv';

const DRAFT_URIS: Record<SchemaDraft, string> = {
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema#',
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  'draft-06': 'http://json-schema.org/draft-06/schema#',
  'draft-04': 'http://json-schema.org/draft-04/schema#',
};

/** Schemas each draft's meta-schema accepts or refuses; `$schema` is added per draft. */
const SCHEMAS: unknown[] = [
  { type: 'object', properties: { a: { type: 'string', minLength: 1 } }, required: ['a'] },
  { type: 5 },
  { type: ['string', 'nope'] },
  { properties: { a: { minimum: 'ten' } }, required: 'a' },
  { enum: [] },
  { items: [{ type: 'string' }, 3], additionalProperties: 'no' },
  { pattern: 12, format: 7, $id: 9 },
  { allOf: {}, anyOf: [], oneOf: [true] },
  { definitions: { x: { type: 'integer', multipleOf: -1 } } },
  { $defs: { y: { maxItems: -3 } }, dependentRequired: { a: [1] } },
  'not a schema',
  42,
  true,
];

/** What a function throws (its message), or 'ok'. */
function outcome(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('precompiled meta-schema check', () => {
  for (const [draft, uri] of Object.entries(DRAFT_URIS) as [SchemaDraft, string][]) {
    it(`${draft}: same verdict and message as ajv's validateSchema`, async () => {
      const metas = await loadMetaValidators();
      const create = await loadAjvFactory(draft);
      const instance = create();
      // ajv's own check, as it ran before: an instance that validates schemas itself.
      const ajv = create() as unknown as InstanceType<typeof AjvModule.default>;
      ajv.opts.validateSchema = true;
      const verdicts = new Set<string>();
      for (const base of SCHEMAS) {
        // Without `$schema`, with the draft's own, and with spellings ajv may not hold.
        const variants =
          base && typeof base === 'object'
            ? [
                base,
                { ...base, $schema: uri },
                { ...base, $schema: uri.replace(/#$/, '') + '#/' },
                {
                  ...base,
                  $schema: uri.replace(/^https?/, (s) => (s === 'http' ? 'https' : 'http')),
                },
              ]
            : [base];
        for (const schema of variants) {
          const ours = outcome(() => assertSchemaValid(schema, draft, instance, metas));
          const theirs = outcome(() => ajv.validateSchema(schema as object, true));
          expect(ours, JSON.stringify(schema)).toBe(theirs);
          verdicts.add(ours === 'ok' ? 'ok' : ours.split(':')[0]!);
        }
      }
      // The table reaches both verdicts and the fallback's own message.
      expect(verdicts).toContain('ok');
      expect(verdicts).toContain('schema is invalid');
    });
  }
});
