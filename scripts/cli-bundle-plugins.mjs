// esbuild plugins of the CLI bundle (scripts/bundle-cli.mjs): what dependencies load at start and the CLI does not need then.

/**
 * Built-in modules that a dependency loads at start and uses only on paths the CLI rarely or never takes, each then
 * loaded on first use: commander's node:child_process (executable subcommands, ~7 ms) and sonic-boom's assert (on
 * close, ~5 ms), measured with --cpu-prof on a storescu of one file.
 */
const LAZY_BUILTINS = { 'node:child_process': /node_modules[\\/]commander[\\/]/, assert: /node_modules[\\/]sonic-boom[\\/]/ };
export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:child_process|assert)$/ }, (args) =>
      LAZY_BUILTINS[args.path].test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `let m; const load = () => (m ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy(function () {}, { get: (_, k) => load()[k], apply: (_, self, a) => Reflect.apply(load(), self, a) });`,
    }));
  },
};

/**
 * The CLI logs to stderr synchronously (apps/logger.ts), on its main thread: pino's transports (worker threads,
 * thread-stream) are left out, and with them node:worker_threads, which pino loads at start only to know whether it
 * runs on the main thread (~6 ms of every start). A transport asked for fails with a clear error.
 */
const PINO = /node_modules[\\/]pino[\\/]/;
export const pinoWithoutTransports = {
  name: 'pino-without-transports',
  setup(build) {
    build.onResolve({ filter: /^(\.\/(lib\/)?transport|worker_threads)$/ }, (args) => (PINO.test(args.importer) ? { path: args.path, namespace: 'pino-stub' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'pino-stub' }, (args) => ({
      loader: 'js',
      contents:
        args.path === 'worker_threads'
          ? 'module.exports = { isMainThread: true };'
          : "module.exports = () => { throw new Error('pino transports are not part of the netdicom CLI'); };",
    }));
  },
};
