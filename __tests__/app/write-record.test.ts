// Every judged record (a run's, an aggregate's) is checked against its published schema before
// anything is written (src/app/write-record.ts).
import { describe, expect, it } from 'vitest';
import { writeRecord } from '../../src/app/write-record.js';
import type { DecisionRecord } from '../../src/core/record.js';
import { createSchemaValidator } from '../../src/core/schema/schema-validator.js';

function recordingOutput() {
  const written: string[] = [];
  return {
    written,
    ports: {
      output: {
        writeFile: async (name: string) => {
          written.push(name);
          return `<evidence>/${name}`;
        },
      },
    } as unknown as Parameters<typeof writeRecord>[0],
  };
}

describe('writeRecord', () => {
  it('refuses a record that does not match the schema, writing nothing', async () => {
    const { written, ports } = recordingOutput();
    const record = { verdict: 'MAYBE' } as unknown as DecisionRecord;
    await expect(writeRecord(ports, record, createSchemaValidator())).rejects.toThrow(
      /^internal fault: the decision record does not match its schema: /,
    );
    expect(written).toEqual([]);
  });
});
