import type { ErrorObject } from 'ajv';

/** A precompiled meta-schema validator: true when the schema is valid, else errors on `.errors`. */
type MetaValidator = ((schema: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Per draft ('2020-12', '2019-09', 'draft-07', 'draft-06', 'draft-04'): the meta-schema's id as
 * ajv normalizes it (no trailing `#`), and its validator, evaluated on first call.
 */
declare const validators: Record<string, { id: string; validator: () => MetaValidator }>;
export = validators;
