// The git helper's process (see remote-git.ts): answers each request with the product's own
// git adapter (src/adapters/git-exec.ts, bundled by global-setup.ts), run under the asking
// worker's environment of that moment. It exits when the worker that started it goes away.
import { git } from '../../src/adapters/git-exec.js';
import type { GitRequest, GitResponse } from './remote-git.js';

/** An error as plain data: the structured clone of an Error keeps no own properties (code …). */
function plain(error: unknown): GitResponse['cause'] {
  if (!(error instanceof Error)) return { value: error };
  return { error: { ...error, name: error.name, message: error.message, stack: error.stack } };
}

process.on('message', (request: GitRequest) => {
  // git-exec reads process.env when it is called, before its first await: set just before.
  process.env = request.env;
  void git(request.cwd, request.args).then((result) => {
    const response: GitResponse =
      'cause' in result
        ? { id: request.id, result: { ...result, cause: undefined }, cause: plain(result.cause) }
        : { id: request.id, result };
    process.send!(response);
  });
});
process.on('disconnect', () => process.exit(0));
