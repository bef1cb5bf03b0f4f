import type { Ajv } from 'ajv';

export function toJsonSchema(node: unknown): unknown;
export function createOpenApiAjv(
  spec: { components: Record<string, unknown> },
  source?: boolean,
): { body: Ajv; params: Ajv };
export function derefIn(spec: unknown, schema: unknown): any; // eslint-disable-line @typescript-eslint/no-explicit-any
export function validatorName(schema: unknown, coerce: boolean): string;
export function validatedSchemas(spec: unknown): { schema: unknown; coerce: boolean }[];
