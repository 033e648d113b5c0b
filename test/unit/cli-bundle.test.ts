/**
 * The CLI users run is one CommonJS bundle of the build, dist/cli/netdicom-app.cjs (scripts/bundle-cli.mjs), started
 * by dist/cli/netdicom.cjs (apps/launch.cts, package.json bin) from a V8 code cache of it; every CLI test runs it
 * (helpers/dcmtk.ts cliPath). It must match the current build, start every app, and find what it loads at run time
 * from where it lies: the modules left out of it and the inspector page.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { cliPath, eventually, projectRoot, run, startCli } from '../helpers/dcmtk.js';

const appPath = path.join(path.dirname(cliPath), 'netdicom-app.cjs');
const APPS = ['echoscu', 'echoscp', 'storescu', 'storescp', 'findscu', 'getscu', 'movescu', 'qrscp'];

test('package.json bin is the bundle the tests run', () => {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.equal(path.resolve(projectRoot, pkg.bin.netdicom!), cliPath);
});

test('the bundle exists and equals a fresh bundle of the current build (bundle-cli.mjs --check)', async () => {
  const r = await run(process.execPath, [path.join(projectRoot, 'scripts/bundle-cli.mjs'), '--check']);
  assert.equal(r.code, 0, r.stderr);
});

test('the bundle is ASCII only (the launcher reads it as latin1) and this Node accepts its code cache', async () => {
  assert.equal(readFileSync(appPath).findIndex((b) => b > 0x7f), -1);
  const r = await run(process.execPath, [cliPath, '--version'], { NODE_DEBUG: 'netdicom' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /^NETDICOM \d+: code cache accepted$/m);
});

/** The launcher, the bundle and its cache copied (in that order: the cache is the newest) into a temporary folder. */
function copyOfCli(t: TestContext): { launcher: string; app: string; cache: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'netdicom-cli-copy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const [launcher, app, cache] = ['netdicom.cjs', 'netdicom-app.cjs', 'netdicom-app.cjs.cache'].map((f) => {
    copyFileSync(path.join(path.dirname(cliPath), f), path.join(dir, f));
    return path.join(dir, f);
  }) as [string, string, string];
  return { launcher, app, cache };
}

test('a code cache damaged on disk is refused (it crashed the process), and the CLI runs as usual', async (t) => {
  const { launcher, cache } = copyOfCli(t);
  const bytes = readFileSync(cache);
  bytes.fill(0, bytes.length >> 1, (bytes.length >> 1) + 4096);
  writeFileSync(cache, bytes);
  const r = await run(process.execPath, [launcher, '--version'], { NODE_DEBUG: 'netdicom' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /code cache rejected/);
  assert.match(r.stdout, /^\d+\.\d+\.\d+$/m);
});

test('a bundle changed after its code cache was made (same length) runs as it is now: the cache is not read', async (t) => {
  const { launcher, app } = copyOfCli(t);
  const source = readFileSync(app, 'latin1');
  const edited = source.replace('.version("0.1.0")', '.version("9.9.9")');
  assert.notEqual(edited, source, 'the version is in the bundle');
  writeFileSync(app, edited, 'latin1');
  const later = new Date(Date.now() + 60_000);
  utimesSync(app, later, later);
  const r = await run(process.execPath, [launcher, '--version'], { NODE_DEBUG: 'netdicom' });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /code cache not read/);
  assert.match(r.stdout, /^9\.9\.9$/m);
});

test('a start does not load the built-in modules bundle-cli.mjs makes lazy or leaves out (node:child_process, assert, node:worker_threads)', async () => {
  const preload = path.join(projectRoot, 'test/fixtures/print-builtins-at-exit.cjs');
  const r = await run(process.execPath, ['--require', preload, cliPath, 'storescu', '--help']);
  assert.equal(r.code, 0, r.stderr);
  const loaded = JSON.parse(/^builtins: (.*)$/m.exec(r.stderr)![1]!) as string[];
  assert.ok(loaded.includes('NativeModule fs'), 'the list is read');
  for (const lazy of ['NativeModule child_process', 'NativeModule assert', 'NativeModule worker_threads']) assert.ok(!loaded.includes(lazy), lazy);
});

test("tsc's entry, dist/apps/cli.js, still runs by itself (an install or npx cache made before the bundle links to it)", async () => {
  const entry = path.join(projectRoot, 'dist/apps/cli.js');
  assert.match(readFileSync(entry, 'latin1'), /^#!\/usr\/bin\/env node\n/);
  const r = await run(process.execPath, [entry, '--version']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\d+\.\d+\.\d+$/m);
});

test('stdout closed by its reader (findscu … | head): a quiet exit 141, as SIGPIPE ends dcmtk, never a stack trace', async () => {
  const child = spawn(process.execPath, [cliPath, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.destroy(); // before the CLI, still starting, writes its help
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const [code] = (await once(child, 'close')) as [number | null];
  assert.equal(code, 141, stderr);
  assert.equal(stderr, '');
});

test('the bin run through a symbolic link with --preserve-symlinks-main finds the bundle beside the real file', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'netdicom-bin-link-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(cliPath, path.join(dir, 'netdicom'));
  const r = await run(process.execPath, ['--preserve-symlinks-main', path.join(dir, 'netdicom'), '--version']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\d+\.\d+\.\d+$/m);
});

test('every app starts from the bundle: `netdicom --help` lists them and `netdicom APP --help` exits 0 with its usage', async () => {
  const top = await run(process.execPath, [cliPath, '--help']);
  assert.equal(top.code, 0, top.stderr);
  assert.deepEqual([...top.stdout.matchAll(/^ {2}(\w+) {2,}/gm)].map((m) => m[1]), APPS);
  await Promise.all(
    APPS.map(async (app) => {
      const r = await run(process.execPath, [cliPath, app, '--help']);
      assert.equal(r.code, 0, `${app}: ${r.stderr}`);
      assert.match(r.stdout, new RegExp(`^Usage: netdicom ${app} `), app);
    }),
  );
});

test('every package the bundle loads at run time (left out of it) resolves from the bundle', () => {
  const names = new Set([...readFileSync(appPath, 'utf8').matchAll(/\b(?:require\d*|import)\("([^"]+)"\)/g)].map((m) => m[1]!).filter((n) => !isBuiltin(n)));
  for (const known of ['better-sqlite3', 'dcmjs', 'ws']) assert.ok(names.has(known), `${known} is loaded from node_modules`);
  const req = createRequire(appPath);
  for (const name of names) assert.doesNotThrow(() => req.resolve(name), name);
});

test('--inspect from the bundle serves the page (dist/visualize/page/, found from dist/cli/)', async (t) => {
  const cli = await startCli(['echoscp', '0', '-ba', '127.0.0.1', '--inspect', '0', '-v']);
  t.after(() => cli.stop());
  const url = await eventually(() => /^inspector: (http:\S+)$/m.exec(cli.output())?.[1], 'the inspector URL on stderr');
  // Logged once (it was logged twice, by the server and by the option's code).
  assert.equal(cli.output().match(/inspector listening/g)?.length, 1, cli.output());
  for (const file of ['', 'bundle.js']) {
    const r = await fetch(url + file);
    assert.equal(r.status, 200, `/${file}: ${await r.text()}`);
  }
});
