/**
 * storescu's FILE|DIR... arguments (apps/file-args.ts): files in the order
 * given, folders walked in name order, whether each type came from a folder
 * listing (many paths in one folder, as a shell glob gives) or from a stat.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandFileArgs } from '../../apps/file-args.js';

function tree(t: { after(fn: () => void): void }): string {
  const root = mkdtempSync(path.join(tmpdir(), 'netdicom-file-args-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (let i = 0; i < 20; i++) writeFileSync(path.join(root, `f${String(i).padStart(2, '0')}.dcm`), 'x'.repeat(i));
  mkdirSync(path.join(root, 'sub', 'deeper'), { recursive: true });
  writeFileSync(path.join(root, 'sub', 'b.dcm'), 'b');
  writeFileSync(path.join(root, 'sub', 'a.dcm'), 'a');
  writeFileSync(path.join(root, 'sub', 'deeper', 'c.dcm'), 'c');
  symlinkSync(path.join(root, 'f01.dcm'), path.join(root, 'link.dcm'));
  return root;
}

function expand(paths: string[]) {
  const bad: string[] = [];
  const files = expandFileArgs(paths, (p, why) => bad.push(`${path.basename(p)}: ${why}`));
  return { files: files.map((f) => path.basename(f.path)), sizes: files.map((f) => f.size), bad };
}

for (const many of [false, true]) {
  test(`${many ? '20 or more paths in one folder (listed once)' : 'a few paths (each stat\'ed)'}: files in the order given, folders walked in name order, links followed, missing paths reported`, (t) => {
    const root = tree(t);
    const names = many ? Array.from({ length: 20 }, (_, i) => `f${String(19 - i).padStart(2, '0')}.dcm`) : ['f03.dcm', 'f01.dcm'];
    const { files, bad } = expand([...names, 'sub', 'link.dcm', 'missing.dcm'].map((n) => path.join(root, n)));
    assert.deepEqual(files, [...names, 'a.dcm', 'b.dcm', 'c.dcm', 'link.dcm']);
    assert.deepEqual(bad, ['missing.dcm: cannot read: ENOENT']);
  });
}

test('a link loop (a folder linking to itself or above) is not followed; a path given that is neither file nor folder is reported', (t) => {
  const root = tree(t);
  symlinkSync('.', path.join(root, 'sub', 'loop'));
  symlinkSync('..', path.join(root, 'sub', 'deeper', 'up'));
  const { files, bad } = expand([path.join(root, 'sub'), '/dev/null']);
  assert.deepEqual(files, ['a.dcm', 'b.dcm', 'c.dcm']);
  assert.deepEqual(bad, ['null: not a file or a folder']);
});

test('a folder given twice, or linked to from elsewhere (not a loop), is walked each time, as a file given twice is sent twice', (t) => {
  const root = tree(t);
  symlinkSync(path.join(root, 'sub', 'deeper'), path.join(root, 'sub', 'again'));
  const sub = path.join(root, 'sub');
  assert.deepEqual(expand([sub, sub]).files, ['a.dcm', 'c.dcm', 'b.dcm', 'c.dcm', 'a.dcm', 'c.dcm', 'b.dcm', 'c.dcm']);
});

test('a folder given with a trailing separator, or relative, is walked the same', (t) => {
  const root = tree(t);
  assert.deepEqual(expand([path.join(root, 'sub') + path.sep]).files, ['a.dcm', 'b.dcm', 'c.dcm']);
  assert.deepEqual(expand([path.relative(process.cwd(), path.join(root, 'sub'))]).files, ['a.dcm', 'b.dcm', 'c.dcm']);
});
