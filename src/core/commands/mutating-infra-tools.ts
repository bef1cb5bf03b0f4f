// Infrastructure tools whose subcommands change a cluster, a stack or a remote: kubectl, helm,
// terraform and friends, docker and compose, git push. Global options are listed with the values
// they take, so `kubectl -n prod apply` reads as `apply`.

import { positionalsOf, verb, w, type Rule, type ToolRule } from './mutation-rules.js';

/** Options, per tool, that take a separate value before the subcommand. */
const OPTIONS: Record<string, readonly string[]> = {
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
  terraform: ['-chdir'],
  pulumi: w('-C --cwd -s --stack'),
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

const compose: Rule = (p) => (p[0] && COMPOSE_VERBS.includes(p[0]) ? p[0] : undefined);
const docker: Rule = (p, words) => {
  if (p[0] === 'compose') {
    const rest = positionalsOf(words.slice(words.indexOf('compose') + 1), OPTIONS.compose!);
    return compose(rest, words) && `compose ${compose(rest, words)}`;
  }
  return DOCKER(p, words);
};

/** Rules by program name. */
export const INFRA_TOOLS: Record<string, ToolRule> = {
  kubectl: { options: OPTIONS.kubectl!, check: KUBECTL },
  oc: { options: OPTIONS.kubectl!, check: KUBECTL },
  helm: { options: OPTIONS.helm!, check: HELM },
  terraform: { options: OPTIONS.terraform!, check: TERRAFORM },
  tofu: { options: OPTIONS.terraform!, check: TERRAFORM },
  terragrunt: {
    options: OPTIONS.terraform!,
    check: (p, w) => TERRAFORM(p[0] === 'run-all' || p[0] === 'run' ? p.slice(1) : p, w),
  },
  pulumi: {
    options: OPTIONS.pulumi!,
    check: verb(w('up update destroy import refresh cancel'), { stack: w('rm import') }),
  },
  git: {
    options: OPTIONS.git!,
    check: (p, w) =>
      p[0] === 'push'
        ? 'push'
        : p[0] === 'tag' && (w.includes('-d') || w.includes('--delete'))
          ? 'tag --delete'
          : p[0] === 'lfs' && p[1] === 'push'
            ? 'lfs push'
            : undefined,
  },
  docker: { options: OPTIONS.docker!, check: docker },
  podman: { options: OPTIONS.docker!, check: docker },
  nerdctl: { options: OPTIONS.docker!, check: docker },
  'docker-compose': { options: OPTIONS.compose!, check: compose },
  'podman-compose': { options: OPTIONS.compose!, check: compose },
};
