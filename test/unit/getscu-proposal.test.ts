/**
 * What getscu proposes for the C-STORE sub-operations of a C-GET: the
 * acceptor picks one transfer syntax per presentation context and a sender
 * never transcodes compressed data, so each compressed syntax needs a context
 * of its own per SOP class; all of it within 128 contexts (PS3.8 §9.3.2.2).
 * And the dcmtk spellings of the options that narrow it (and movescu's +P).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GET_COMPRESSED_SYNTAXES, GET_STORAGE_CLASSES, getStorageProposal } from '../../apps/getscu.js';
import { normalizeArgv } from '../../apps/args.js';
import { isUncompressed } from '../../services/registry/uids.js';

const UNCOMPRESSED = ['1.2.840.10008.1.2.1', '1.2.840.10008.1.2', '1.2.840.10008.1.2.2'];
const COMPRESSED = GET_COMPRESSED_SYNTAXES.map((c) => c.uid);
const key = (c: { abstractSyntax: string; transferSyntaxes: string[] }) => `${c.abstractSyntax}|${c.transferSyntaxes.join(',')}`;

test('getscu by default: at most 127 storage contexts, none twice, each compressed syntax alone in its context, one SCP role item per class', () => {
  const p = getStorageProposal();
  assert.ok(p.contexts.length <= 127, `${p.contexts.length} contexts`);
  assert.equal(new Set(p.contexts.map(key)).size, p.contexts.length, 'a context proposed twice');
  for (const c of p.contexts) {
    const uncompressed = c.transferSyntaxes.every(isUncompressed);
    assert.ok(uncompressed ? c.transferSyntaxes.join() === UNCOMPRESSED.join() : c.transferSyntaxes.length === 1, key(c));
  }
  assert.deepEqual(p.roles.map((r) => r.sopClassUid), [...new Set(p.contexts.map((c) => c.abstractSyntax))]);
  assert.ok(p.roles.every((r) => r.scuRole === 0 && r.scpRole === 1));
});

test('getscu by default receives RLE, JPEG 2000, JPEG-LS and JPEG (baseline, extended, lossless) for CT, MR, CR, DX, MG, US, SC, PET, XA', () => {
  const p = getStorageProposal();
  const has = new Set(p.contexts.map(key));
  for (const cls of ['1.2.840.10008.5.1.4.1.1.2', '1.2.840.10008.5.1.4.1.1.4', '1.2.840.10008.5.1.4.1.1.1', '1.2.840.10008.5.1.4.1.1.1.1', '1.2.840.10008.5.1.4.1.1.1.2',
    '1.2.840.10008.5.1.4.1.1.6.1', '1.2.840.10008.5.1.4.1.1.3.1', '1.2.840.10008.5.1.4.1.1.7', '1.2.840.10008.5.1.4.1.1.128', '1.2.840.10008.5.1.4.1.1.12.1']) {
    for (const ts of ['1.2.840.10008.1.2.5', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81',
      '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.51', '1.2.840.10008.1.2.4.70']) {
      assert.ok(has.has(`${cls}|${ts}`), `${cls} in ${ts}`);
    }
  }
  // The common non-image classes still get their uncompressed context.
  for (const cls of ['1.2.840.10008.5.1.4.1.1.481.2', '1.2.840.10008.5.1.4.1.1.481.5', '1.2.840.10008.5.1.4.1.1.88.11', '1.2.840.10008.5.1.4.1.1.88.33', '1.2.840.10008.5.1.4.1.1.104.1', '1.2.840.10008.5.1.4.1.1.20']) {
    assert.ok(has.has(`${cls}|${UNCOMPRESSED.join(',')}`), cls);
  }
});

test('getscu with no compressed syntax (--uncompressed-only) proposes the 127 classes of GET_STORAGE_CLASSES, uncompressed only', () => {
  const p = getStorageProposal({ compressed: [] });
  assert.deepEqual(p.contexts.map((c) => c.abstractSyntax), [...GET_STORAGE_CLASSES]);
  assert.ok(p.contexts.every((c) => c.transferSyntaxes.join() === UNCOMPRESSED.join()));
  assert.equal(p.omitted, 0);
});

test('getscu --storage-class CT with --prefer-rle: an uncompressed and an RLE context for CT only', () => {
  const p = getStorageProposal({ classes: ['1.2.840.10008.5.1.4.1.1.2'], compressed: ['1.2.840.10008.1.2.5'] });
  assert.deepEqual(p.contexts, [
    { abstractSyntax: '1.2.840.10008.5.1.4.1.1.2', transferSyntaxes: UNCOMPRESSED },
    { abstractSyntax: '1.2.840.10008.5.1.4.1.1.2', transferSyntaxes: ['1.2.840.10008.1.2.5'] },
  ]);
  assert.deepEqual(p.roles, [{ sopClassUid: '1.2.840.10008.5.1.4.1.1.2', scuRole: 0, scpRole: 1 }]);
});

test('getscu with many --storage-class: cut at 127 contexts, uncompressed ones first, the rest counted as omitted', () => {
  const classes = GET_STORAGE_CLASSES.slice(0, 20);
  const p = getStorageProposal({ classes, compressed: COMPRESSED });
  assert.equal(p.contexts.length, 127);
  assert.equal(p.omitted, 20 * (1 + COMPRESSED.length) - 127);
  assert.deepEqual(p.contexts.slice(0, 20).map((c) => c.abstractSyntax), classes);
});

test('dcmtk spellings: getscu +x= and --prefer-uncompr → --uncompressed-only, +xr/+xv/+xt/+xy... → --prefer-*; movescu +P → --port', () => {
  assert.deepEqual(
    normalizeArgv(['getscu', '+x=', '--prefer-uncompr', '+xr', '+xv', '+xt', '+xy', '+xx', '+xs', '+xu', '+xw', '-od', 'out']),
    ['getscu', '--uncompressed-only', '--uncompressed-only', '--prefer-rle', '--prefer-j2k-lossless', '--prefer-jls-lossless', '--prefer-jpeg8', '--prefer-jpeg12',
      '--prefer-lossless', '--prefer-jls-lossy', '--prefer-j2k-lossy', '--output-directory', 'out'],
  );
  assert.deepEqual(normalizeArgv(['movescu', '+P', '11113', '-k', 'PatientID=+P']), ['movescu', '--port', '11113', '-k', 'PatientID=+P']);
  for (const c of GET_COMPRESSED_SYNTAXES) assert.deepEqual(normalizeArgv(['getscu', c.dcmtk]), ['getscu', `--${c.option}`]);
  // Only in their own app: elsewhere a dcmtk + option we do not have is named in an error.
  assert.throws(() => normalizeArgv(['movescu', '+xr']), /dcmtk option \+xr is not supported/);
  assert.throws(() => normalizeArgv(['getscu', '+P', '11113']), /dcmtk option \+P is not supported/);
});
