// Health payload of the backend, served at /healthz.
export function health(version, checks) {
  const failing = Object.entries(checks).filter(([, ok]) => !ok).map(([name]) => name);
  return { status: failing.length === 0 ? 'ok' : 'degraded', version, failing };
}
