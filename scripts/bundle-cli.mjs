// Bundles the CLI as tsc built it (dist/apps/cli.js and every module it imports) into one CommonJS file,
// dist/cli/netdicom-app.cjs, run by dist/cli/netdicom.cjs (apps/launch.cts, package.json's bin) from a V8 code
// cache of it (scripts/cli-code-cache.mjs). Start-up is part of every storescu/echoscu run, and loading one
// CommonJS file saves ~60 ms of resolving and linking ~50 ES modules (README "CLI"). Measured and not chosen: ESM
// bundles (split into chunks, ~10 ms slower; one file, slower than no bundle), one CommonJS bundle per app behind a
// dispatcher (<=10 ms faster), and a V8 startup snapshot (~25 ms slower: a 6 MB heap to deserialize and no code).
// The apps stay lazy: each one's modules run only when it is the app asked for. Not bundled: better-sqlite3
// (native), and modules loaded only on some paths (dcmjs, pino-pretty, ws, cli-progress), required from
// node_modules when needed. Whitespace and comments are left out, and the output is ASCII only, so the launcher
// reads it as a one-byte string (~8 ms less to read and compile); names are kept for readable stack traces.
//
// `node scripts/bundle-cli.mjs --check` writes nothing: exit 1 when dist/cli/ is missing or differs from what
// bundling the current build gives (test/unit/cli-bundle.test.ts).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { lazyBuiltins, pinoWithoutTransports } from './cli-bundle-plugins.mjs';
import { writeCodeCache } from './cli-code-cache.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const appFile = 'dist/cli/netdicom-app.cjs';
const check = process.argv.includes('--check');

const app = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['dist/apps/cli.js'],
  outfile: appFile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', 'dcmjs', 'pino-pretty', 'ws', 'cli-progress'],
  // CommonJS has no import.meta: the modules that use import.meta.url (createRequire, the inspector page's folder)
  // get the bundle's own URL. Any other import.meta use is a warning, and a warning fails the build below.
  define: { 'import.meta.url': '__netdicom_bundle_url' },
  // The banner comes before esbuild's own "use strict", so it says it first: the modules bundled are ES modules.
  banner: { js: "'use strict';\nconst __netdicom_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyBuiltins, pinoWithoutTransports],
  minifyWhitespace: true,
  charset: 'ascii',
  legalComments: 'eof',
  sourcemap: 'linked',
  write: false,
  logLevel: 'warning',
});
// The launcher: no bundling to speak of (it needs Node's built-in modules only), just CommonJS with the shebang.
const launcher = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['dist/apps/launch.cjs'],
  outfile: 'dist/cli/netdicom.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  write: false,
  logLevel: 'warning',
});

const warnings = app.warnings.length + launcher.warnings.length;
if (warnings > 0) {
  process.stderr.write(`bundle-cli: ${warnings} warning(s) above; dist/cli/ must not depend on them\n`);
  process.exit(1);
}
// apps/cli.ts keeps its hashbang (tsc's dist/apps/cli.js stays runnable); in the bundle, which the launcher wraps in
// a function, it becomes a comment of the same length, so the source map still matches.
const unHashbang = (f) => (f.path.endsWith('netdicom-app.cjs') && f.contents[0] === 0x23 && f.contents[1] === 0x21 ? { path: f.path, contents: Buffer.concat([Buffer.from('//'), f.contents.subarray(2)]) } : f);
const outputs = [...app.outputFiles, ...launcher.outputFiles].map(unHashbang);
const code = outputs.find((f) => f.path.endsWith('netdicom-app.cjs'));
const nonAscii = code.contents.findIndex((b) => b > 0x7f);
if (nonAscii >= 0) {
  process.stderr.write(`bundle-cli: ${appFile} has a non-ASCII byte at ${nonAscii}: the launcher reads it as latin1\n`);
  process.exit(1);
}
// Code run from a V8 code cache has no dynamic import callback in Node 20 ("A dynamic import callback was not
// specified"): a module outside the bundle is required (createRequire), never import()ed.
const dynamicImport = /\bimport\(\s*["'`]/.exec(Buffer.from(code.contents).toString('latin1'));
if (dynamicImport) {
  process.stderr.write(`bundle-cli: ${appFile} has a dynamic import() at ${dynamicImport.index}: load it with createRequire\n`);
  process.exit(1);
}

if (check) {
  const stale = outputs.filter((f) => {
    try {
      return !readFileSync(f.path).equals(f.contents);
    } catch {
      return true;
    }
  });
  for (const f of stale) process.stderr.write(`bundle-cli: ${f.path} is missing or stale: run npm run build\n`);
  process.exit(stale.length > 0 ? 1 : 0);
}

// Nothing old is left, above all no old cache: V8 checks a cache against its source's length, not its contents.
rmSync(path.join(root, 'dist/cli'), { recursive: true, force: true });
mkdirSync(path.join(root, 'dist/cli'), { recursive: true });
for (const f of outputs) writeFileSync(f.path, f.contents, f.path.endsWith('netdicom.cjs') ? { mode: 0o755 } : {});
try {
  await writeCodeCache(root);
} catch (err) {
  // Without a cache the CLI works the same, only starts ~20 ms slower (test/unit/cli-bundle.test.ts fails on it).
  process.stderr.write(`bundle-cli: warning: no code cache: ${err.message}\n`);
}
