/**
 * The CLI users run is one CommonJS bundle of the build, dist/cli/netdicom-app.cjs (scripts/bundle-cli.mjs), started
 * by dist/cli/netdicom.cjs (apps/launch.cts, package.json bin) from a V8 code cache of it; every CLI test runs it
 * (helpers/dcmtk.ts cliPath). It must match the current build, start every app, and find what it loads at run time
 * from where it lies: the modules left out of it and the inspector page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
