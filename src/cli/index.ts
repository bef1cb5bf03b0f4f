import { main } from './main.js';
main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version: __VERSION__,
}).then((code) => (process.exitCode = code));
