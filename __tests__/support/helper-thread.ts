// The thread behind helper-exec.ts's synchronous calls: the test worker's main thread posts a
// request and blocks on `flag`; this thread hands it to its helper process, puts the reply on
// `port` and wakes the main thread. Bundled by global-setup.ts (plain Node runs it).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { HelperReply, HelperRequest } from './helper-protocol.js';
import { forkHelper } from './remote-git.js';

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array };
const helper = forkHelper();

function wake(reply: HelperReply | { kind: 'crashed'; reason: string }): void {
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

helper.on('message', (reply: HelperReply) => wake(reply));
helper.on('exit', (code, signal) =>
  wake({ kind: 'crashed', reason: `the helper process exited (${signal ?? `exit ${code}`})` }),
);
parentPort!.on('message', (request: HelperRequest) => helper.send(request));
