// Environment variables that carry credentials. They are never handed to a verification command
// unless it lists them in `pass_env`, and their values are redacted everywhere.

/** Credential variables of GitHub Actions and common CLIs. */
export const CREDENTIAL_ENV: readonly string[] = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'INPUT_GITHUB-TOKEN',
  'INPUT_GITHUB_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
];
