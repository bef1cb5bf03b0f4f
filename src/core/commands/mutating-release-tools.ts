// Release, cloud and platform tools whose subcommands publish, deploy or delete: package
// managers, gh, aws, gcloud, az, and the deploy CLIs of common platforms.

import { anyOf, verb, w, type Rule, type ToolRule } from './mutation-rules.js';

/** Options, per tool, that take a separate value before the subcommand. */
const OPTIONS: Record<string, readonly string[]> = {
  npm: w('-w --workspace --prefix -C --dir --filter -F --cwd --registry --userconfig --loglevel'),
  gh: w('-R --repo'),
  aws: w(
    '--region --profile --output --endpoint-url --query --cli-read-timeout --cli-connect-timeout --ca-bundle --color',
  ),
  cloud: w('--project --account --configuration --format --subscription -g --resource-group'),
};

const AWS_OPERATION =
  /^(delete|put|create|update|terminate|remove|modify|attach|detach|deregister|register|start|stop|reboot|run|invoke|publish|send|tag|untag|import|restore|enable|disable|associate|disassociate|set|replace|reset|revoke|authorize|cancel|copy|deploy|execute|upload)(-|$)/;
const aws: Rule = (p) => {
  const [service, operation, ...rest] = p;
  if (service === 's3') {
    if (w('rm rb mb').includes(operation ?? '')) return `s3 ${operation}`;
    if (w('cp mv sync').includes(operation ?? '') && rest.at(-1)?.startsWith('s3://'))
      return `s3 ${operation} … ${rest.at(-1)}`;
    return undefined;
  }
  return operation && AWS_OPERATION.test(operation) ? `${service} ${operation}` : undefined;
};
const gh: Rule = (p, words) => {
  const nested = verb([], {
    release: w('create delete edit upload delete-asset'),
    pr: w('merge close create edit ready reopen comment review'),
    repo: w('create delete edit archive rename fork sync'),
    workflow: w('run enable disable'),
    run: w('rerun cancel delete'),
    secret: w('set delete'),
    variable: w('set delete'),
    issue: w('create close edit delete comment reopen transfer'),
    label: w('create edit delete clone'),
    cache: ['delete'],
  })(p, words);
  if (nested) return nested;
  if (p[0] !== 'api') return undefined;
  const method = words.find(
    (word, i) => ['-X', '--method'].includes(words[i - 1] ?? '') || /^--method=/.test(word),
  );
  const m = method?.replace(/^--method=/, '').toUpperCase();
  return m && m !== 'GET' && m !== 'HEAD' ? `api --method ${m}` : undefined;
};
const make: Rule = (p) =>
  p.find((w) =>
    /^(deploy|release|publish|apply|push|rollout|destroy|undeploy)([-_:.].*)?$/.test(w),
  );
const ansible: Rule = (_p, words) =>
  words.includes('--check') || words.includes('-C') ? undefined : 'a playbook (without --check)';

const PACKAGE = verb(w('publish unpublish deprecate'), {
  'dist-tag': w('add rm'),
  owner: w('add rm'),
  access: w('set grant revoke'),
  npm: ['publish'],
});

/** Rules by program name. */
export const RELEASE_TOOLS: Record<string, ToolRule> = {
  npm: { options: OPTIONS.npm!, check: PACKAGE },
  pnpm: { options: OPTIONS.npm!, check: PACKAGE },
  yarn: { options: OPTIONS.npm!, check: PACKAGE },
  bun: { options: OPTIONS.npm!, check: PACKAGE },
  cargo: { options: [], check: verb(w('publish yank owner')) },
  twine: { options: [], check: verb(w('upload register')) },
  poetry: { options: [], check: verb(['publish']) },
  gem: { options: [], check: verb(w('push yank owner')) },
  dotnet: { options: [], check: verb([], { nuget: w('push delete') }) },
  mvn: { options: w('-f -s -P -pl'), check: anyOf(w('deploy release:perform deploy:deploy')) },
  gradle: {
    options: w('-p -b -c'),
    check: (p) => p.find((t) => /^(publish|:?.*:publish|release)/.test(t)),
  },
  gradlew: {
    options: w('-p -b -c'),
    check: (p) => p.find((t) => /^(publish|:?.*:publish|release)/.test(t)),
  },
  gh: { options: OPTIONS.gh!, check: gh },
  aws: { options: OPTIONS.aws!, check: aws },
  gcloud: {
    options: OPTIONS.cloud!,
    check: anyOf(
      w(
        'deploy delete create update set-iam-policy add-iam-policy-binding remove-iam-policy-binding resize reset start stop rollback',
      ),
    ),
  },
  az: {
    options: OPTIONS.cloud!,
    check: anyOf(w('create delete update set deploy start stop restart swap scale purge rollback')),
  },
  eksctl: { options: [], check: verb(w('create delete upgrade scale set unset update drain')) },
  argocd: {
    options: w('--server --auth-token'),
    check: verb([], { app: w('sync delete set create rollback patch terminate-op unset') }),
  },
  skaffold: { options: w('-f --filename -p --profile'), check: verb(w('run deploy delete apply')) },
  flyctl: {
    options: w('-a --app'),
    check: verb(w('deploy destroy scale launch'), {
      apps: w('destroy create'),
      secrets: w('set unset'),
    }),
  },
  fly: {
    options: w('-a --app'),
    check: verb(w('deploy destroy scale launch'), {
      apps: w('destroy create'),
      secrets: w('set unset'),
    }),
  },
  netlify: { options: [], check: verb(['deploy']) },
  vercel: {
    options: w('--scope -t --token'),
    check: (p, words) =>
      p.length === 0 || p[0] === 'deploy' || words.includes('--prod')
        ? 'deploy'
        : verb(w('remove rm promote rollback alias'))(p, words),
  },
  serverless: { options: w('--stage -s --region -r'), check: verb(w('deploy remove')) },
  sls: { options: w('--stage -s --region -r'), check: verb(w('deploy remove')) },
  heroku: {
    options: w('-a --app -r --remote'),
    check: (p) =>
      p.find((t) =>
        /^(releases:rollback|ps:scale|ps:restart|config:set|config:unset|apps:destroy|container:release|pg:reset)$/.test(
          t,
        ),
      ),
  },
  'ansible-playbook': { options: [], check: ansible },
  make: { options: w('-C -f --directory --file -j'), check: make },
};
