// Bundles the CLI as tsc built it (dist/apps/cli.js and every module it imports) into one CommonJS file,
// dist/cli/netdicom.cjs: package.json's bin. Start-up is part of every storescu/echoscu run, and loading one
// CommonJS file saves ~60 ms of resolving and linking ~50 ES modules (README "CLI"). Measured and not chosen: ESM
// bundles (split into chunks, ~10 ms slower; one file, slower than no bundle) and one CommonJS bundle per app behind a
// dispatcher (≤10 ms faster). The apps stay lazy: each one's modules run only when it is the app asked for. Not
// bundled: better-sqlite3 (native), and modules loaded only on some paths (dcmjs, pino-pretty, ws, cli-progress),
// required from node_modules when needed.
//
// `node scripts/bundle-cli.mjs --check` writes nothing: exit 1 when dist/cli/ is missing or differs from what
// bundling the current build gives (test/unit/cli-bundle.test.ts).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = 'dist/cli/netdicom.cjs';
const check = process.argv.includes('--check');

const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['dist/apps/cli.js'],
  outfile,
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
  sourcemap: 'linked',
  write: !check,
  logLevel: 'warning',
});

if (result.warnings.length > 0) {
  process.stderr.write(`bundle-cli: ${result.warnings.length} warning(s) above; ${outfile} must not depend on them\n`);
  process.exit(1);
}

if (check) {
  const stale = result.outputFiles.filter((f) => {
    try {
      return !readFileSync(f.path).equals(f.contents);
    } catch {
      return true;
    }
  });
  for (const f of stale) process.stderr.write(`bundle-cli: ${f.path} is missing or stale: run npm run build\n`);
  process.exit(stale.length > 0 ? 1 : 0);
}
