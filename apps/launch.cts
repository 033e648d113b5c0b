/**
 * The CLI's entry (package.json bin, bundled to dist/cli/netdicom.cjs): runs the CLI bundle
 * (netdicom-app.cjs beside it) from V8's code cache of it, made at build time by a real storescu run
 * (scripts/cli-code-cache.mjs). A start then does not parse and compile what every run compiles: ~20 ms
 * of each storescu/echoscu run (README "CLI"). A cache V8 refuses (another Node/V8 version or flags)
 * costs its read only: the bundle is compiled as usual. `NODE_DEBUG=netdicom` says which it was.
 *
 * NETDICOM_WRITE_CODE_CACHE=FILE: no cache is read, and at exit the cache of all this run compiled is
 * written to FILE (the build's training run).
 */
import { readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import path from 'node:path';
import { debuglog } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';

// Most runs last a second or two: V8's optimizing compiler waits for 8 times its usual budget of work
// before it optimizes a function, so a run does not spend a third of a CPU compiling code it hardly uses
// (storescu of 1000 files: 188 TurboFan compiles and 322 ms of compiler CPU, against 17 and 43 ms; it
// competes with the peer for the CPUs: 6–9 % less time, bench/store-small). Truly hot code is still optimized.
// Set before the bundle is compiled: the code cache depends on the flags.
v8.setFlagsFromString(`--interrupt-budget=${8 * 67_584}`); // 8 × V8 11's default
// A damaged cache must be refused, not run: V8 then checksums the code cache it writes and checks the one it reads
// (without it, a cache damaged on disk crashed the process; a cut-short one V8 always refuses).
v8.setFlagsFromString('--verify-snapshot-checksum');

// Beside the real file, also when run through a symbolic link with --preserve-symlinks-main.
const app = path.join(path.dirname(realpathSync(__filename)), 'netdicom-app.cjs');
const training = process.env.NETDICOM_WRITE_CODE_CACHE;
delete process.env.NETDICOM_WRITE_CODE_CACHE;

/**
 * The cache, unless the bundle changed after it was made: V8 checks a cache against its source's length only, so a
 * bundle edited in place (same length) would run the old code. Undefined when there is none.
 */
function readCache(): Buffer | undefined {
  try {
    const file = `${app}.cache`;
    return statSync(file).mtimeMs >= statSync(app).mtimeMs ? readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

// The bundle is ASCII only (bundle-cli.mjs): read as latin1, it is a one-byte string with no UTF-8 decoding.
const source = readFileSync(app, 'latin1');
const cachedData = training ? undefined : readCache();
// The CommonJS wrapper Node itself puts around a module.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: app,
  ...(cachedData ? { cachedData } : {}),
});
debuglog('netdicom')('code cache %s', cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'not read (none, or older than the bundle)');
if (training) process.once('exit', () => writeFileSync(training, script.createCachedData()));

const appModule = new Module(app, module);
appModule.filename = app;
const run = script.runInThisContext() as (...args: unknown[]) => void;
run.call(appModule.exports, appModule.exports, Module.createRequire(app), appModule, app, path.dirname(app));
