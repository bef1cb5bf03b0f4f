// Which invocations of well-known tools change the world (deploy, apply, push, publish, delete).
// Each rule sees the program's words after its name; global options (and the values of the ones
// that take a value) are skipped before the subcommand is read, so `kubectl -n prod apply`,
// `terraform -chdir=infra apply` and `git -C . push` are seen for what they are.

/** Options, per tool, that take a separate value before the subcommand. */
const VALUE_OPTIONS: Record<string, readonly string[]> = {
  kubectl: w(
    '-n --namespace --context --cluster --kubeconfig --user -s --server --token --as --as-group --request-timeout -v --cache-dir -l --selector',
  ),
  helm: w(
    '-n --namespace --kube-context --kubeconfig --kube-apiserver --kube-token --registry-config --repository-cache --repository-config --burst-limit --qps',
  ),
  git: w('-C -c --git-dir --work-tree --namespace --exec-path --config-env --super-prefix'),
  docker: w('-c --context -H --host --config -l --log-level --tlscacert --tlscert --tlskey'),
  compose: w(
    '-f --file -p --project-name --profile --env-file --project-directory --ansi --progress --parallel',
  ),
  npm: w('-w --workspace --prefix -C --dir --filter -F --cwd --registry --userconfig --loglevel'),
  terraform: ['-chdir'],
  pulumi: w('-C --cwd -s --stack'),
  gh: w('-R --repo'),
  aws: w(
    '--region --profile --output --endpoint-url --query --cli-read-timeout --cli-connect-timeout --ca-bundle --color',
  ),
  cloud: w('--project --account --configuration --format --subscription -g --resource-group'),
};

type Rule = (positionals: string[], words: string[]) => string | undefined;

/** Space-separated words (keeps the tables short). */
function w(text: string): string[] {
  return text.split(' ');
}

/** A subcommand in `verbs`, or a pair `first second` listed in `nested`. */
const verb =
  (verbs: readonly string[], nested: Record<string, readonly string[]> = {}): Rule =>
  (p) => {
    const [first, second] = p;
    if (first && verbs.includes(first)) return first;
    if (first && second && Object.hasOwn(nested, first) && nested[first]!.includes(second))
      return `${first} ${second}`;
    return undefined;
  };

const KUBECTL = verb(
  w(
    'apply delete create replace patch scale drain cordon uncordon edit set label annotate autoscale expose run taint',
  ),
  { rollout: w('restart undo resume pause') },
);
const HELM = verb(w('install upgrade uninstall delete rollback push'));
const TERRAFORM = verb(w('apply destroy import taint untaint force-unlock'), {
  state: w('rm mv push replace-provider'),
  workspace: ['delete'],
});
const COMPOSE_VERBS = w(
  'up down rm stop kill restart start create pull push run exec pause unpause scale',
);
const DOCKER = verb(w('run rm rmi stop kill push start restart create exec pause update rename'), {
  system: ['prune'],
  volume: w('rm prune create'),
  network: w('rm prune create connect disconnect'),
  image: w('rm prune push'),
  container: w('rm stop kill start restart run create prune exec'),
  stack: w('deploy rm up'),
  service: w('create rm update scale rollback'),
  swarm: w('init join leave update'),
  buildx: ['prune'],
  manifest: ['push'],
});
const PACKAGE = verb(w('publish unpublish deprecate'), {
  'dist-tag': w('add rm'),
  owner: w('add rm'),
  access: w('set grant revoke'),
  npm: ['publish'],
});

/** The mutating subcommand of a known tool, e.g. `apply`; undefined when read-only or unknown. */
export function findMutatingInvocation(program: string, args: string[]): string | undefined {
  if (!Object.hasOwn(RULES, program)) return undefined;
  const rule = RULES[program]!;
  const positionals = positionalsOf(args, rule.options);
  const found = rule.check(positionals, args);
  if (found) return found;
  // An option we do not know may have taken the next word as its value: read one further.
  const first = firstPositionalIndex(args, rule.options);
  const unknown = args
    .slice(0, first)
    .some((a) => a.startsWith('-') && !a.includes('=') && !rule.options.includes(a));
  return unknown ? rule.check(positionals.slice(1), args) : undefined;
}

/** Non-option words: options, their values (when listed) and `-x=value` forms skipped. */
export function positionalsOf(args: readonly string[], valueOptions: readonly string[]): string[] {
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...positionals, ...args.slice(i + 1)];
    if (arg.startsWith('-') && arg.length > 1) {
      if (!arg.includes('=') && valueOptions.includes(arg)) i++;
      continue;
    }
    positionals.push(arg);
  }
  return positionals;
}

function firstPositionalIndex(args: readonly string[], valueOptions: readonly string[]): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('-') || arg === '-') return i;
    if (!arg.includes('=') && valueOptions.includes(arg)) i++;
  }
  return args.length;
}

const compose: Rule = (p) => (p[0] && COMPOSE_VERBS.includes(p[0]) ? p[0] : undefined);
const docker: Rule = (p, words) => {
  if (p[0] === 'compose') {
    const rest = positionalsOf(words.slice(words.indexOf('compose') + 1), VALUE_OPTIONS.compose!);
    return compose(rest, words) && `compose ${compose(rest, words)}`;
  }
  return DOCKER(p, words);
};
const anyOf =
  (verbs: readonly string[]): Rule =>
  (p) =>
    p.find((w) => verbs.includes(w));
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

const RULES: Record<string, { options: readonly string[]; check: Rule }> = {
  kubectl: { options: VALUE_OPTIONS.kubectl!, check: KUBECTL },
  oc: { options: VALUE_OPTIONS.kubectl!, check: KUBECTL },
  helm: { options: VALUE_OPTIONS.helm!, check: HELM },
  terraform: { options: VALUE_OPTIONS.terraform!, check: TERRAFORM },
  tofu: { options: VALUE_OPTIONS.terraform!, check: TERRAFORM },
  terragrunt: {
    options: VALUE_OPTIONS.terraform!,
    check: (p, w) => TERRAFORM(p[0] === 'run-all' || p[0] === 'run' ? p.slice(1) : p, w),
  },
  pulumi: {
    options: VALUE_OPTIONS.pulumi!,
    check: verb(w('up update destroy import refresh cancel'), { stack: w('rm import') }),
  },
  git: {
    options: VALUE_OPTIONS.git!,
    check: (p, w) =>
      p[0] === 'push'
        ? 'push'
        : p[0] === 'tag' && (w.includes('-d') || w.includes('--delete'))
          ? 'tag --delete'
          : p[0] === 'lfs' && p[1] === 'push'
            ? 'lfs push'
            : undefined,
  },
  docker: { options: VALUE_OPTIONS.docker!, check: docker },
  podman: { options: VALUE_OPTIONS.docker!, check: docker },
  nerdctl: { options: VALUE_OPTIONS.docker!, check: docker },
  'docker-compose': { options: VALUE_OPTIONS.compose!, check: compose },
  'podman-compose': { options: VALUE_OPTIONS.compose!, check: compose },
  npm: { options: VALUE_OPTIONS.npm!, check: PACKAGE },
  pnpm: { options: VALUE_OPTIONS.npm!, check: PACKAGE },
  yarn: { options: VALUE_OPTIONS.npm!, check: PACKAGE },
  bun: { options: VALUE_OPTIONS.npm!, check: PACKAGE },
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
  gh: { options: VALUE_OPTIONS.gh!, check: gh },
  aws: { options: VALUE_OPTIONS.aws!, check: aws },
  gcloud: {
    options: VALUE_OPTIONS.cloud!,
    check: anyOf(
      w(
        'deploy delete create update set-iam-policy add-iam-policy-binding remove-iam-policy-binding resize reset start stop rollback',
      ),
    ),
  },
  az: {
    options: VALUE_OPTIONS.cloud!,
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
