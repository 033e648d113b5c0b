// Generates services/registry/uids.generated.ts from the committed data file
// services/registry/uids.tsv (DICOM PS3.6 Annex A, see the header of that file).
//
//   node scripts/gen-uid-registry.mjs            write the generated module
//   node scripts/gen-uid-registry.mjs --check    exit 1 if the committed module is stale
//
// TSV format: lines starting with '#' are comments; the line '# edition: <text>' gives the
// edition; the first other line is the header 'uid name keyword type retired'; every
// following line is one UID. Fields are tab-separated and may be empty (name, keyword).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsvPath = join(root, 'services/registry/uids.tsv');
const outPath = join(root, 'services/registry/uids.generated.ts');

const COLUMNS = ['uid', 'name', 'keyword', 'type', 'retired'];
const UID_RE = /^[0-9]+(\.[0-9]+)*$/;

function fail(msg) {
  console.error(`gen-uid-registry: ${msg}`);
  process.exit(1);
}

const lines = readFileSync(tsvPath, 'utf8').split(/\r?\n/);
let edition;
let header;
const rows = [];
const seen = new Set();
lines.forEach((line, i) => {
  const at = `uids.tsv:${i + 1}`;
  if (line === '') return;
  if (line.startsWith('#')) {
    const m = /^#\s*edition:\s*(.+?)\s*$/.exec(line);
    if (m) {
      if (edition !== undefined) fail(`${at}: second "# edition:" line`);
      edition = m[1];
    }
    return;
  }
  const f = line.split('\t');
  if (!header) {
    header = f;
    if (f.join('\t') !== COLUMNS.join('\t')) fail(`${at}: header must be ${COLUMNS.join(' | ')}`);
    return;
  }
  if (f.length !== COLUMNS.length) fail(`${at}: expected ${COLUMNS.length} fields, got ${f.length}`);
  const [uid, name, keyword, type, retired] = f;
  if (!UID_RE.test(uid) || uid.length > 64) fail(`${at}: malformed UID ${JSON.stringify(uid)}`);
  if (seen.has(uid)) fail(`${at}: duplicate UID ${uid}`);
  if (!type) fail(`${at}: empty type`);
  if (retired !== 'true' && retired !== 'false') fail(`${at}: retired must be true or false`);
  seen.add(uid);
  rows.push([uid, name, keyword, type, retired === 'true']);
});
if (!edition) fail('no "# edition:" line in uids.tsv');
if (rows.length === 0) fail('no rows in uids.tsv');

const q = (s) => JSON.stringify(s);
const body = rows.map(([u, n, k, t, r]) => `  [${q(u)}, ${q(n)}, ${q(k)}, ${q(t)}, ${r}],`).join('\n');
const out = `// GENERATED FILE - do not edit. Source: services/registry/uids.tsv
// Regenerate with: node scripts/gen-uid-registry.mjs
// DICOM PS3.6 Annex A, Registry of DICOM Unique Identifiers; edition: ${edition}; ${rows.length} UIDs.

export interface UidEntry {
  uid: string;
  name: string;
  keyword: string;
  type: string;
  retired: boolean;
}

/** Edition of DICOM PS3.6 the registry was taken from. */
export const EDITION = ${q(edition)};

type Row = readonly [uid: string, name: string, keyword: string, type: string, retired: boolean];

const ROWS: readonly Row[] = [
${body}
];

/** Every registered UID, in the order of the standard's tables. */
export const UIDS: ReadonlyMap<string, UidEntry> = new Map(
  ROWS.map(([uid, name, keyword, type, retired]) => [uid, Object.freeze({ uid, name, keyword, type, retired })]),
);
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outPath, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== out) fail('services/registry/uids.generated.ts is stale; run node scripts/gen-uid-registry.mjs');
  console.log(`uids.generated.ts up to date (${rows.length} UIDs, edition ${edition})`);
} else {
  writeFileSync(outPath, out);
  console.log(`wrote ${outPath} (${rows.length} UIDs, edition ${edition})`);
}
