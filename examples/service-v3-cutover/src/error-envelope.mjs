// Builds the non-2xx error envelope for a service contract version.
export const ERROR_CODES = ['INVALID_REQUEST', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'UPSTREAM_UNAVAILABLE', 'INTERNAL'];

export function errorEnvelope(version, { code, message, requestId, retryable = false }) {
  if (!ERROR_CODES.includes(code)) throw new Error(`unknown error code ${code}`);
  if (version === 'service.v2') return { error: { code, message }, request_id: requestId };
  if (version === 'service.v3') return { error: { code, message, retryable }, meta: { request_id: requestId, contract_version: 'service.v3' } };
  throw new Error(`unknown contract version ${version}`);
}
