// Ctrl-C or SIGTERM to the gate stops every command's process group; the pipeline then finishes
// and still writes the record (the stopped commands say why). What a second signal does is the
// front door's decision (exit at once), not this adapter's.

/** A stop signal for one run; `dispose` removes the listeners (call it when the run is over). */
export interface SignalStop {
  signal: AbortSignal;
  dispose(): void;
}

/**
 * An AbortSignal that fires on the first SIGINT/SIGTERM, with a line to `notify`; a second signal
 * calls `onSecondSignal` (the CLI and the Action exit with 130 there).
 */
export function stopOnSignals(options: {
  notify: (text: string) => void;
  onSecondSignal: () => void;
}): SignalStop {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return options.onSecondSignal();
    options.notify(
      `\ncutover-checkpoint: ${signal} received: stopping commands and writing the record (again to exit now)\n`,
    );
    controller.abort(`the gate was interrupted (${signal})`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
