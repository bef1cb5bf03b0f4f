// Mutation detection reads the words of a command (and the scripts it runs), not its spelling:
// global options, quotes, spacing, wrappers and script bodies do not hide a deploy.
import { describe, expect, it } from 'vitest';
import { findMutation, type ReadText } from '../../src/core/commands/mutation.js';
import { planRefusals } from '../../src/core/commands/plan-commands.js';
import { splitCommandLine } from '../../src/core/commands/shell-words.js';

/** The files the gate read, by path; any other is missing. */
const readFrom =
  (files: Record<string, string>): ReadText =>
  (path) =>
    Object.hasOwn(files, path) ? { kind: 'ok', text: files[path]! } : { kind: 'missing' };
const mutating = (run: string, files: Record<string, string> = {}, cwd = '.') =>
  findMutation({ run, mutates: false, cwd }, [], readFrom(files));

describe('commands that mutate, however they are written', () => {
  it.each([
    'kubectl -n prod apply -f k8s/',
    'kubectl --context=prod delete ns api',
    'kubectl --kubeconfig ~/.kube/prod rollout restart deploy/api',
    'terraform -chdir=infra apply -auto-approve',
    'tofu -chdir=infra destroy',
    'terragrunt run-all apply',
    'helm -n prod upgrade --install api ./chart',
    'helm --kube-context prod uninstall api',
    'git -C . push origin main',
    'git -c user.name=x push',
    'git --unknown-option value push',
    'npm --workspace api publish',
    'pnpm --filter api publish',
    'yarn npm publish',
    'docker --context prod run -d nginx',
    'docker  compose up -d',
    'docker compose -f deploy/compose.yml -p prod up -d',
    'docker-compose down',
    'podman compose up',
    '"kubectl" apply -f x.yaml',
    "'helm' upgrade api ./chart",
    'k\\ubectl apply -f x',
    '/usr/local/bin/kubectl apply -f x',
    'KUBECONFIG=prod kubectl apply -f x',
    'sudo -E kubectl apply -f x',
    'sudo -u deploy env A=1 kubectl apply -f x',
    'env -S "kubectl apply -f x"',
    'exec helm upgrade api ./chart',
    'nohup timeout -s KILL 5m kubectl apply -f x',
    'time nice -n 5 terraform apply',
    'npx -y wrangler deploy && npm exec -- kubectl apply -f x',
    'echo ok | xargs -n1 kubectl delete pod',
    'make test && ./build.sh; git push',
    'true || kubectl delete ns prod',
    'if true; then helm rollback api 1; fi',
    'echo "$(kubectl delete pod x)"',
    'echo `terraform destroy -auto-approve`',
    "bash -c 'kubectl delete ns x'",
    "sh -ec 'helm uninstall x'",
    'eval "kubectl apply -f x"',
    'gh release create v1.0.0',
    'gh -R acme/api pr merge 12',
    'gh api -X DELETE repos/acme/api',
    'aws s3 rm s3://bucket/key',
    'aws --region eu-west-1 s3 cp ./build s3://bucket/ --recursive',
    'aws --profile prod ecs update-service --cluster c --service s',
    'aws cloudformation deploy --template-file t.yml',
    'gcloud run deploy api --image x',
    'az webapp restart -n api -g rg',
    'cargo publish',
    'twine upload dist/*',
    'eksctl delete cluster prod',
    'argocd app sync api',
    'flyctl deploy',
    'make deploy',
    'ansible-playbook site.yml',
    'doppler run -- kubectl apply -f x',
  ])('%s', (run) => {
    expect(mutating(run)).toMatch(/^runs /);
  });
});

describe('commands that only read', () => {
  it.each([
    'kubectl get pods -n prod',
    'kubectl -n prod rollout status deploy/api',
    'kubectl --context=x diff -f k8s/',
    'terraform -chdir=infra plan',
    'helm template ./chart',
    'helm -n prod status api',
    'git -C . fetch --tags',
    'git commit -m push',
    'git log --grep push',
    'npm test',
    'npm publish-check-script-name',
    'docker compose config -q',
    'docker --context prod ps',
    'docker compose -f deploy/compose.yml config',
    'echo "kubectl apply -f x" > notes.txt',
    "echo 'helm upgrade' # kubectl delete",
    'aws s3 cp s3://bucket/key ./local',
    'aws sts get-caller-identity',
    'gh pr view 12',
    'gh api repos/acme/api',
    'ansible-playbook --check site.yml',
    'cargo test',
    './scripts/verify_contract_parity.sh',
    'node --test test/',
  ])('%s', (run) => {
    expect(mutating(run)).toBeUndefined();
  });
});

describe('the body of a script it runs', () => {
  const files = {
    'scripts/deploy.sh':
      '#!/usr/bin/env bash\nset -euo pipefail\necho deploying\nkubectl -n prod apply -f k8s/\n',
    'scripts/check.sh': '#!/bin/sh\nkubectl get pods\n',
    'scripts/outer.sh': 'source ./scripts/lib.sh\n./scripts/deploy.sh\n',
    'scripts/lib.sh': 'export A=1\n',
    'scripts/loop.sh': './scripts/loop.sh\n',
    'package.json': JSON.stringify({
      scripts: {
        deploy: 'bash scripts/deploy.sh',
        test: 'node --test',
        postbuild: 'git push',
        build: 'tsc',
      },
    }),
    'api/package.json': JSON.stringify({ scripts: { release: 'npm publish' } }),
  };

  it.each([
    ['./scripts/deploy.sh', 'scripts/deploy.sh'],
    ['bash scripts/deploy.sh --prod', 'scripts/deploy.sh'],
    ['cd . && sh ./scripts/deploy.sh', 'scripts/deploy.sh'],
    ['./scripts/outer.sh', 'scripts/outer.sh'],
    ['npm run deploy', "package.json script 'deploy'"],
    ['npm run build', "package.json script 'build'"],
    ['pnpm deploy', "package.json script 'deploy'"],
    ['yarn --cwd api release', "package.json script 'release'"],
  ])('%s', (run, named) => {
    expect(mutating(run, files)).toContain(named);
  });

  it('reads relative to the command’s working directory', () => {
    expect(mutating('npm run release', files, 'api')).toContain('api/package.json');
  });

  it('lets read-only scripts run, and does not loop on a script that calls itself', () => {
    expect(mutating('./scripts/check.sh', files)).toBeUndefined();
    expect(mutating('./scripts/loop.sh', files)).toBeUndefined();
    expect(mutating('npm test', files)).toBeUndefined();
  });
});

describe('shell words', () => {
  it('drops redirections and comments, splits operators, keeps quoted words whole', () => {
    expect(
      splitCommandLine('A="x y" kubectl  -n prod apply 2>&1 >/dev/null | tee "a b" # c'),
    ).toEqual([
      ['A=x y', 'kubectl', '-n', 'prod', 'apply'],
      ['tee', 'a b'],
    ]);
  });
});

describe('planRefusals', () => {
  it('refuses in a rehearsal with the reason, never for the cutover', () => {
    const config = {
      commands: [{ id: 'deploy', run: './scripts/deploy.sh', mutates: false, cwd: '.' }],
      commandSettings: { mutationPatterns: [] },
    } as never;
    const read = readFrom({ 'scripts/deploy.sh': 'helm -n prod upgrade api ./chart\n' });
    expect(planRefusals(config, 'rehearsal', read).deploy).toMatch(
      /runs scripts\/deploy.sh, which runs `helm upgrade`/,
    );
    expect(planRefusals(config, 'cutover', read)).toEqual({});
  });
});

describe('a script the gate could not read', () => {
  const notRead: ReadText = () => ({
    kind: 'not-read',
    reason: 'past the 64 scripts a run follows',
  });
  const unreadable: ReadText = () => ({
    kind: 'unavailable',
    reason: 'a symlink that leads outside the workspace',
  });
  it.each([
    ['./scripts/deploy.sh', notRead, 'scripts/deploy.sh', 'past the 64 scripts a run follows'],
    [
      'npm run release',
      notRead,
      "the package.json script 'release' (package.json)",
      'past the 64 scripts a run follows',
    ],
    ['./bin/tool --all', notRead, 'bin/tool', 'past the 64 scripts a run follows'],
    [
      'bash -c "./scripts/deploy.sh --now"',
      unreadable,
      'scripts/deploy.sh',
      'a symlink that leads outside the workspace',
    ],
    ['source env/prod', unreadable, 'env/prod', 'a symlink that leads outside the workspace'],
  ])(
    '%s is refused in a rehearsal, naming it and why (fail closed)',
    (run, read, named, reason) => {
      expect(findMutation({ run, mutates: false, cwd: '.' }, [], read)).toBe(
        `runs ${named}, which the gate could not read (${reason}), so what it changes is unknown`,
      );
    },
  );

  it.each(['.venv/bin/python -m pytest', './bin/tool --all'])(
    'a program run by its path that cannot be read (%s) is judged by its words, as any program',
    (run) => {
      expect(findMutation({ run, mutates: false, cwd: '.' }, [], unreadable)).toBeUndefined();
    },
  );

  it('a missing one is not refused: the command fails on its own when it runs', () => {
    expect(mutating('./scripts/deploy.sh')).toBeUndefined();
  });
});

describe('a shell named by its path', () => {
  it.each([
    '/bin/bash ./scripts/deploy.sh',
    '/usr/bin/sh scripts/deploy.sh',
    './bin/bash scripts/deploy.sh',
  ])('%s runs the script, which is read', (run) => {
    expect(mutating(run, { 'scripts/deploy.sh': 'kubectl apply -f x.yaml\n' })).toBe(
      'runs scripts/deploy.sh, which runs `kubectl apply`',
    );
  });
});

describe('a cd earlier in the line', () => {
  const files = {
    'sub/package.json': JSON.stringify({ scripts: { d: 'sh ../scripts/deploy.sh' } }),
    'scripts/deploy.sh': 'kubectl apply -f x.yaml\n',
    'sub/deploy.sh': 'helm upgrade api ./chart\n',
  };
  it.each([
    [
      'cd sub && npm run d',
      "runs the package.json script 'd' (sub/package.json), which runs scripts/deploy.sh, which runs `kubectl apply`",
    ],
    ['cd -P ./sub; ./deploy.sh', 'runs sub/deploy.sh, which runs `helm upgrade`'],
    ['cd sub && bash -c "./deploy.sh"', 'runs sub/deploy.sh, which runs `helm upgrade`'],
    // In a subshell the cd does not last: the root's scripts/deploy.sh is followed too.
    ['(cd sub && true); ./scripts/deploy.sh', 'runs scripts/deploy.sh, which runs `kubectl apply`'],
  ])('%s: the commands after it are followed from both directories', (run, why) => {
    expect(mutating(run, files)).toBe(why);
  });

  it('a cd it cannot follow ($DIR, ~, -) leaves the rest in the directory before it', () => {
    expect(mutating('cd $DIR && ./scripts/deploy.sh', files)).toBe(
      'runs scripts/deploy.sh, which runs `kubectl apply`',
    );
  });
});

describe('one script run from two directories', () => {
  it('is followed from each: its references resolve against the directory it runs from', () => {
    // common.sh's ./helper.sh is sub/helper.sh when run from sub, helper.sh when run from the root.
    const files = {
      'scripts/a.sh': 'npm --prefix sub run x\n',
      'sub/package.json': JSON.stringify({ scripts: { x: 'sh ../scripts/common.sh' } }),
      'scripts/common.sh': './helper.sh\n',
      'sub/helper.sh': 'true\n',
      'helper.sh': 'kubectl apply -f x.yaml\n',
    };
    expect(mutating('./scripts/a.sh && ./scripts/common.sh', files)).toBe(
      'runs scripts/common.sh, which runs helper.sh, which runs `kubectl apply`',
    );
  });
});

describe('hostile script bodies', () => {
  it('stay linear: deep or unclosed substitutions, a megabyte of words', () => {
    expect(mutating('echo ' + '$('.repeat(100_000))).toBeUndefined();
    expect(mutating('echo ' + '$(echo '.repeat(5_000) + ')'.repeat(5_000))).toBeUndefined();
    const body = 'echo x && '.repeat(100_000) + 'kubectl apply -f x\n';
    expect(mutating('./big.sh', { 'big.sh': body })).toContain('kubectl apply');
  });
});
