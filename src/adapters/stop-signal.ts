// Ctrl-C or SIGTERM to the gate stops every command's process group; the pipeline then finishes
// and still writes the record (the stopped commands say why). A second signal exits at once.

/** An AbortSignal that fires on the first SIGINT/SIGTERM. */
export function stopOnSignals(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(
      `\ncutover-checkpoint: ${signal} received: stopping commands and writing the record (again to exit now)\n`,
    );
    controller.abort(`the gate was interrupted (${signal})`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}
