import type { ErrorObject } from 'ajv';

/** A precompiled validator: returns true when valid, else leaves its errors on `.errors`. */
type PrecompiledValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

declare const validators: Record<string, PrecompiledValidator>;
export = validators;
