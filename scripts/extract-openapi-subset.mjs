// Trims GitHub's official REST description (@octokit/openapi, 385 MB, not a dependency) to the
// operations the Action uses plus every component they reference, for the test server to validate
// requests and shape responses. Run after `npm install --no-save @octokit/openapi`:
//   node scripts/extract-openapi-subset.mjs node_modules/@octokit/openapi
//   npx prettier --ignore-path /dev/null --write __tests__/github/fixtures/openapi-subset.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The operations the Action calls: path → methods. */
export const OPERATIONS = {
  '/repos/{owner}/{repo}/check-runs': ['post'],
  '/repos/{owner}/{repo}/check-runs/{check_run_id}': ['patch'],
  '/repos/{owner}/{repo}/issues/{issue_number}/comments': ['get', 'post'],
  // Sticky comment: duplicates of the gate's marker comment are deleted (SPEC §5).
  '/repos/{owner}/{repo}/issues/comments/{comment_id}': ['patch', 'delete'],
  // The PR's current head, so an older commit's run never overwrites a newer verdict.
  '/repos/{owner}/{repo}/pulls/{pull_number}': ['get'],
  '/repos/{owner}/{repo}/issues': ['get'],
  '/repos/{owner}/{repo}/commits/{ref}/check-runs': ['get'],
  '/repos/{owner}/{repo}/commits/{commit_sha}/pulls': ['get'],
  // A fork's workflow_run PR by its head's owner:branch when the commit lists none.
  '/repos/{owner}/{repo}/pulls': ['get'],
  '/user': ['get'],
  // Verified sign-off (SPEC §10): reviews of the PR, this run's environment approvals, team members.
  '/repos/{owner}/{repo}/pulls/{pull_number}/reviews': ['get'],
  '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals': ['get'],
  '/orgs/{org}/teams/{team_slug}/members': ['get'],
  // Policy at the trusted ref when a shallow clone lacks its objects (SPEC §10).
  '/repos/{owner}/{repo}/contents/{path}': ['get'],
  // The default branch's tip, the trusted ref of a push not on it, when the clone lacks it.
  '/repos/{owner}/{repo}/branches/{branch}': ['get'],
};

const [
  packageDir = 'node_modules/@octokit/openapi',
  out = '__tests__/github/fixtures/openapi-subset.json',
] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(join(packageDir, 'generated', 'api.github.com.json'), 'utf8'));
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));

const paths = {};
for (const [path, methods] of Object.entries(OPERATIONS)) {
  paths[path] = Object.fromEntries(methods.map((method) => [method, spec.paths[path][method]]));
  if (spec.paths[path].parameters) paths[path].parameters = spec.paths[path].parameters;
}
// Pull in every referenced component, transitively.
const components = {};
const queue = [paths];
while (queue.length > 0) {
  const node = queue.pop();
  if (Array.isArray(node)) queue.push(...node);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) {
        const [, , kind, name] = value.split('/');
        components[kind] ??= {};
        if (!components[kind][name]) {
          components[kind][name] = spec.components[kind][name];
          queue.push(components[kind][name]);
        }
      } else queue.push(value);
    }
  }
}
// Sorted, so adding an operation adds lines instead of reordering the file.
const sorted = (object) =>
  Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, object[key]]),
  );
writeFileSync(
  out,
  JSON.stringify(
    {
      openapi: spec.openapi,
      info: {
        ...spec.info,
        'x-source': `@octokit/openapi@${version} generated/api.github.com.json`,
      },
      paths,
      components: Object.fromEntries(
        Object.keys(components)
          .sort()
          .map((kind) => [kind, sorted(components[kind])]),
      ),
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${out}`);
