/**
 * transcodeDataset between the uncompressed transfer syntaxes, at the byte
 * level (services/dimse/transcoder.ts). Hand-built data sets pin each PS3.5
 * rule; dcmtk is the oracle for the sample files: our output must read back
 * the same as `dcmconv +ti|+te|+tb` of the original (dcmdump with the
 * standard dictionary only, so that dcmtk, like us, knows no private VRs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DatasetCodecError, transcodeDataset } from '../../services/dimse/dataset-codec.js';
import { TS, mapLimit, requireTool, run, samplesDir, tempDir } from '../helpers/dcmtk.js';

const ILE = TS.ImplicitVRLittleEndian;
const ELE = TS.ExplicitVRLittleEndian;
const EBE = TS.ExplicitVRBigEndian;
const SYNTAXES = [ILE, ELE, EBE] as const;
const FLAG: Record<string, string> = { [ILE]: 'i', [ELE]: 'e', [EBE]: 'b' };
const LONG = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

// ------------------------------------------------------------ hand-built data sets

type Enc = 'ile' | 'ele' | 'ebe';
const u16 = (n: number, e: Enc) => {
  const b = Buffer.alloc(2);
  e === 'ebe' ? b.writeUInt16BE(n) : b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number, e: Enc) => {
  const b = Buffer.alloc(4);
  e === 'ebe' ? b.writeUInt32BE(n) : b.writeUInt32LE(n);
  return b;
};
const tagB = (tag: number, e: Enc) => Buffer.concat([u16(tag >>> 16, e), u16(tag & 0xffff, e)]);
/** One element header + value; `length` overrides the length field (0xFFFFFFFF for undefined). */
function el(e: Enc, tag: number, vr: string, value: Buffer, length = value.length): Buffer {
  if (e === 'ile') return Buffer.concat([tagB(tag, e), u32(length, e), value]);
  const v = Buffer.from(vr, 'latin1');
  return LONG.has(vr)
    ? Buffer.concat([tagB(tag, e), v, Buffer.alloc(2), u32(length, e), value])
    : Buffer.concat([tagB(tag, e), v, u16(length, e), value]);
}
const item = (e: Enc, body: Buffer, undef = false) =>
  undef ? Buffer.concat([tagB(0xfffee000, e), u32(0xffffffff, e), body, tagB(0xfffee00d, e), u32(0, e)]) : Buffer.concat([tagB(0xfffee000, e), u32(body.length, e), body]);
const seqEnd = (e: Enc) => Buffer.concat([tagB(0xfffee0dd, e), u32(0, e)]);
const str = (s: string) => Buffer.from(s, 'latin1');
const words = (vals: number[], size: 2 | 4 | 8, e: Enc) => {
  const b = Buffer.alloc(vals.length * size);
  vals.forEach((v, i) => {
    if (size === 2) e === 'ebe' ? b.writeUInt16BE(v, i * 2) : b.writeUInt16LE(v, i * 2);
    else if (size === 4) e === 'ebe' ? b.writeUInt32BE(v, i * 4) : b.writeUInt32LE(v, i * 4);
    else e === 'ebe' ? b.writeDoubleBE(v, i * 8) : b.writeDoubleLE(v, i * 8);
  });
  return b;
};

/** A data set with one element of each byte-order class, in encoding `e`. */
function everyVR(e: Enc): Buffer {
  return Buffer.concat([
    el(e, 0x00080005, 'CS', str('ISO_IR 100')),
    el(e, 0x00100010, 'PN', str('M\xfcller^Hans ')), // Latin-1, kept byte for byte
    el(e, 0x00181310, 'US', words([0, 256, 256, 0], 2, e)),
    el(e, 0x00186020, 'SL', words([0xfffffffe], 4, e)),
    el(e, 0x00189087, 'FD', words([1.5], 8, e)),
    el(e, 0x00209161, 'UI', str('1.2.3\0')),
    el(e, 0x00209165, 'AT', Buffer.concat([tagB(0x00100020, e), tagB(0x7fe00010, e)])),
    el(e, 0x00280008, 'IS', str('1 ')),
    el(e, 0x00280010, 'US', words([2], 2, e)),
    el(e, 0x00280011, 'US', words([2], 2, e)),
    el(e, 0x00280100, 'US', words([16], 2, e)),
    el(e, 0x00280103, 'US', words([1], 2, e)),
    el(e, 0x00280106, 'SS', words([0xfffd], 2, e)),
    el(e, 0x00283000, 'SQ', Buffer.concat([item(e, el(e, 0x00283002, 'US', words([2, 0, 16], 2, e)), true), seqEnd(e)]), 0xffffffff),
    el(e, 0x00289145, 'SQ', item(e, el(e, 0x00181014, 'TM', str('1200')))),
    el(e, 0x0040a132, 'UL', words([0x01020304], 4, e)),
    el(e, 0x00540081, 'US', words([7], 2, e)),
    el(e, 0x00660016, 'OF', words([0x3f800000, 0x40000000], 4, e)),
    el(e, 0x7fe00010, 'OW', words([0x0389, 0x03fb, 0x0001, 0xffff], 2, e)),
  ]);
}

const vrOf = (out: Buffer, tag: number, from = 0): string => {
  const t = Buffer.alloc(4);
  t.writeUInt16LE(tag >>> 16);
  t.writeUInt16LE(tag & 0xffff, 2);
  const at = out.indexOf(t, from);
  assert.ok(at >= 0, `tag ${tag.toString(16)} not found`);
  return out.toString('latin1', at + 4, at + 6);
};

test('Explicit VR BE → LE swaps each value by its VR (US SS AT words of 2; UL SL OF of 4; FD of 8; OW Pixel Data) and keeps strings byte for byte', () => {
  assert.deepEqual(transcodeDataset(everyVR('ebe'), EBE, ELE), everyVR('ele'));
  assert.deepEqual(transcodeDataset(everyVR('ele'), ELE, EBE), everyVR('ebe'));
});

test('Explicit → Implicit drops the VRs and recomputes defined sequence and item lengths; Implicit → Explicit restores them from the dictionary', () => {
  const ile = transcodeDataset(everyVR('ele'), ELE, ILE);
  assert.deepEqual(ile, everyVR('ile'));
  assert.deepEqual(transcodeDataset(ile, ILE, ELE), everyVR('ele'));
  assert.deepEqual(transcodeDataset(ile, ILE, EBE), everyVR('ebe'));
});

test('Implicit → Explicit: US or SS follows Pixel Representation of the same data set (also for an element before it), else of the enclosing one; LUT Descriptors are US', () => {
  const ds = (pr: number) =>
    Buffer.concat([
      el('ile', 0x00189810, '', words([0xfffb], 2, 'ile')), // Zero Velocity Pixel Value, before (0028,0103)
      el('ile', 0x00280103, '', words([pr], 2, 'ile')),
      el('ile', 0x00280106, '', words([0xfffd], 2, 'ile')),
      el('ile', 0x00281101, '', words([256, 0, 16], 2, 'ile')),
      el('ile', 0x00283000, '', Buffer.concat([item('ile', el('ile', 0x00280120, '', words([0xfffe], 2, 'ile')), true), seqEnd('ile')]), 0xffffffff),
    ]);
  for (const [pr, want] of [[1, 'SS'], [0, 'US']] as const) {
    const out = transcodeDataset(ds(pr), ILE, ELE);
    assert.equal(vrOf(out, 0x00189810), want, 'Zero Velocity Pixel Value');
    assert.equal(vrOf(out, 0x00280106), want, 'Smallest Image Pixel Value');
    assert.equal(vrOf(out, 0x00281101), 'US', 'Red Palette Color LUT Descriptor');
    assert.equal(vrOf(out, 0x00280120), want, 'Pixel Padding Value in an item, Pixel Representation from its parent');
  }
});

test('Implicit → Explicit: OB or OW is OW (Pixel Data, Overlay Data in a repeating group), LUT Data OW, private creator LO, other private and unknown UN, group length UL recomputed', () => {
  const ds = Buffer.concat([
    el('ile', 0x00080000, '', u32(0, 'ile')), // group length, wrong on purpose: recomputed
    el('ile', 0x00080018, '', str('1.2.3\0')),
    el('ile', 0x00090010, '', str('ACME 1')),
    el('ile', 0x00091001, '', str('hello ')),
    el('ile', 0x00283006, '', words([1, 2], 2, 'ile')),
    el('ile', 0x00980010, '', str('xx')), // unknown standard element
    el('ile', 0x60023000, '', words([0x0102], 2, 'ile')),
    el('ile', 0x7fe00010, '', Buffer.from([1, 2, 3, 4])),
  ]);
  const out = transcodeDataset(ds, ILE, ELE);
  assert.equal(vrOf(out, 0x00080000), 'UL');
  assert.equal(out.readUInt32LE(8), 8 + 6, 'group 0008 length: one 8-byte header + 6-byte value');
  assert.equal(vrOf(out, 0x00090010), 'LO');
  assert.equal(vrOf(out, 0x00091001), 'UN');
  assert.equal(vrOf(out, 0x00283006), 'OW');
  assert.equal(vrOf(out, 0x00980010), 'UN');
  assert.equal(vrOf(out, 0x60023000), 'OW');
  assert.equal(vrOf(out, 0x7fe00010), 'OW');
  assert.deepEqual(transcodeDataset(out, ELE, ILE), Buffer.concat([el('ile', 0x00080000, '', u32(14, 'ile')), ds.subarray(12)]));
});

test('refused with DatasetCodecError: private or unknown elements from Implicit VR going to Big Endian (their byte order is unknown)', () => {
  const ds = Buffer.concat([el('ile', 0x00090010, '', str('ACME 1')), el('ile', 0x00091001, '', Buffer.from([1, 0, 0, 0]))]);
  assert.throws(() => transcodeDataset(ds, ILE, EBE), (e: unknown) => e instanceof DatasetCodecError && /\(0009,1001\).*byte order/.test(e.message));
  assert.equal(vrOf(transcodeDataset(ds, ILE, ELE), 0x00091001), 'UN');
  // an empty one has no byte order: accepted
  const empty = Buffer.concat([el('ile', 0x00090010, '', str('ACME 1')), el('ile', 0x00091001, '', Buffer.alloc(0))]);
  assert.equal(transcodeDataset(empty, ILE, EBE).toString('latin1', 18, 20), 'UN');
});

test('a value over 0xFFFF bytes in a 16-bit-length VR becomes UN in Explicit VR LE (PS3.5 §6.2.2) and is refused for Big Endian', () => {
  const ds = el('ile', 0x00100020, '', Buffer.alloc(0x10000, 0x41));
  const out = transcodeDataset(ds, ILE, ELE);
  assert.equal(vrOf(out, 0x00100020), 'UN');
  assert.equal(out.readUInt32LE(8), 0x10000);
  assert.throws(() => transcodeDataset(ds, ILE, EBE), DatasetCodecError);
});

test('undefined-length sequences, items and explicit UN (Implicit VR LE content) keep undefined lengths; encapsulated Pixel Data passes through', () => {
  const unContent = Buffer.concat([item('ile', el('ile', 0x00100010, '', str('A^B ')), true)]);
  const ds = (e: Enc) =>
    Buffer.concat([
      el(e, 0x00081140, 'SQ', Buffer.concat([item(e, el(e, 0x00081150, 'UI', str('1.2\0')), true), seqEnd(e)]), 0xffffffff),
      el(e, 0x00091001, 'UN', Buffer.concat([unContent, seqEnd('ile')]), 0xffffffff),
      el(e, 0x7fe00010, 'OB', Buffer.concat([item(e, Buffer.alloc(0)), item(e, Buffer.from([1, 2, 3, 4])), seqEnd(e)]), 0xffffffff),
    ]);
  assert.deepEqual(transcodeDataset(ds('ele'), ELE, EBE), ds('ebe'));
  assert.deepEqual(transcodeDataset(ds('ebe'), EBE, ELE), ds('ele'));
  const ile = transcodeDataset(ds('ele'), ELE, ILE);
  assert.deepEqual(ile, ds('ile'));
  // back from Implicit VR: the UN sequence is read as a sequence (undefined length, PS3.5 §7.5.1) → SQ with the same item
  const back = transcodeDataset(ile, ILE, ELE);
  assert.equal(vrOf(back, 0x00091001), 'SQ');
  assert.equal(vrOf(back, 0x7fe00010), 'OB');
});

test('refused with DatasetCodecError: compressed and deflated syntaxes, unknown explicit VRs, truncated data, odd-length words across byte orders', () => {
  const ds = everyVR('ele');
  assert.throws(() => transcodeDataset(ds, '1.2.840.10008.1.2.4.50', ELE), DatasetCodecError);
  assert.throws(() => transcodeDataset(ds, ELE, TS.DeflatedExplicitVRLittleEndian), DatasetCodecError);
  assert.throws(() => transcodeDataset(ds, TS.DeflatedExplicitVRLittleEndian, ILE), DatasetCodecError);
  assert.throws(() => transcodeDataset(el('ele', 0x00100010, 'XX', str('ab')), ELE, EBE), /unknown VR "XX"/);
  assert.throws(() => transcodeDataset(ds.subarray(0, ds.length - 3), ELE, EBE), /truncated/);
  assert.throws(() => transcodeDataset(el('ele', 0x00280010, 'US', Buffer.from([1, 2, 3])), ELE, EBE), /not a multiple of 2/);
});

// ------------------------------------------------------------ dcmtk as the oracle, on the sample files

/** A Part 10 file's transfer syntax and data set (bytes after the File Meta Information). */
function part10(file: string): { ts: string; dataset: Buffer } {
  const b = readFileSync(file);
  assert.equal(b.toString('latin1', 128, 132), 'DICM', file);
  const end = 144 + b.readUInt32LE(140);
  let ts = '';
  for (let p = 144; p < end; ) {
    const tag = b.readUInt32LE(p);
    const vr = b.toString('latin1', p + 4, p + 6);
    const [len, head] = LONG.has(vr) ? [b.readUInt32LE(p + 8), 12] : [b.readUInt16LE(p + 6), 8];
    if (tag === 0x00100002) ts = b.toString('latin1', p + head, p + head + len).replace(/[\0 ]+$/, '');
    p += head + len;
  }
  return { ts, dataset: b.subarray(end) };
}

const VALID = path.join(samplesDir(), 'valid');
const samples = (() => {
  try {
    return readdirSync(VALID)
      .filter((f) => f.endsWith('.dcm'))
      .map((f) => ({ name: f, file: path.join(VALID, f), ...part10(path.join(VALID, f)) }))
      .filter((s) => (SYNTAXES as readonly string[]).includes(s.ts));
  } catch {
    return [];
  }
})();

/** dcmtk with its standard dictionary only: private elements read from Implicit VR are UN for dcmtk as for us. */
async function dcmtkEnv(): Promise<NodeJS.ProcessEnv> {
  const r = await run('sh', ['-c', 'ls /usr/share/libdcmtk*/dicom.dic /usr/local/share/dcmtk*/dicom.dic 2>/dev/null | head -1']);
  const dict = r.stdout.trim();
  return dict ? { DCMDICTPATH: dict } : {};
}

/** dcmdump of a bare data set in `ts`, lengths and sequence/item length encodings left out. */
async function dump(file: string, ts: string, env: NodeJS.ProcessEnv): Promise<string> {
  const r = await run('dcmdump', ['-q', '-Un', '+L', '-f', `-t${FLAG[ts]}`, file], env);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout
    .split('\n')
    .filter((l) => l.trimStart().startsWith('(') && !/^\s*\(fffe,e0[0d]d\)/.test(l))
    .map((l) => l.replace(/\s+#.*$/, '').replace(/(Sequence|Item) with (explicit|undefined) length/, '$1'))
    .join('\n');
}

/** Pixel Data bytes as dcmdump +W writes them from a bare data set in `ts`. */
async function pixelBytes(dir: string, file: string, ts: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const out = path.join(dir, `${path.basename(file)}-px`);
  await run('mkdir', ['-p', out]);
  const r = await run('dcmdump', ['-q', '-f', `-t${FLAG[ts]}`, '+W', out, file], env);
  assert.equal(r.code, 0, r.stderr);
  const raw = (await run('sh', ['-c', `ls ${out}/*.raw`])).stdout.trim().split('\n');
  assert.equal(raw.length, 1, `one pixel data file: ${raw.join(', ')}`);
  return readFile(raw[0]!);
}

test('every uncompressed sample, to every other uncompressed syntax, reads back as dcmtk’s own dcmconv conversion', async (t) => {
  if (!requireTool(['dcmdump', 'dcmconv'], t)) return;
  assert.ok(samples.length >= 10, `uncompressed samples in ${VALID}: ${samples.length}`);
  const env = await dcmtkEnv();
  const dir = await tempDir(t, 'netdicom-transcode-');
  const cases = samples.flatMap((s) => SYNTAXES.filter((to) => to !== s.ts).map((to) => ({ ...s, to })));
  const failures = (
    await mapLimit(cases, 4, async (c) => {
      const label = `${c.name} ${FLAG[c.ts]}→${FLAG[c.to]}`;
      const ours = path.join(dir, `${c.name}.${FLAG[c.to]}.ours`);
      const ref = path.join(dir, `${c.name}.${FLAG[c.to]}.ref`);
      await writeFile(ours, transcodeDataset(c.dataset, c.ts, c.to));
      const conv = await run('dcmconv', ['-q', `+t${FLAG[c.to]}`, '-F', c.file, ref], env);
      assert.equal(conv.code, 0, conv.stderr);
      const [a, b] = [await dump(ours, c.to, env), await dump(ref, c.to, env)];
      assert.ok(a.split('\n').length > 10, label);
      return a === b ? [] : [`${label}: dcmdump differs from dcmconv's`];
    })
  ).flat();
  assert.deepEqual(failures, []);
});

test('regression: MR_small_bigendian → Explicit VR LE swaps the OW Pixel Data (bytes equal dcmconv +te)', async (t) => {
  if (!requireTool(['dcmdump', 'dcmconv'], t)) return;
  const env = await dcmtkEnv();
  const dir = await tempDir(t, 'netdicom-transcode-');
  for (const name of ['MR_small_bigendian.dcm', 'MR_small_expb.dcm', 'rtdose_expb_1frame.dcm']) {
    const { ts, dataset } = part10(path.join(VALID, name));
    assert.equal(ts, EBE);
    const ours = path.join(dir, `${name}.ours`);
    const ref = path.join(dir, `${name}.ref`);
    await writeFile(ours, transcodeDataset(dataset, EBE, ELE));
    assert.equal((await run('dcmconv', ['-q', '+te', '-F', path.join(VALID, name), ref], env)).code, 0);
    const [a, b] = [await pixelBytes(dir, ours, ELE, env), await pixelBytes(dir, ref, ELE, env)];
    assert.ok(a.length > 0);
    assert.ok(a.equals(b), `${name}: Pixel Data bytes differ from dcmconv's`);
  }
});

test('regression: MR_small_implicit → Explicit VR LE writes Smallest/Largest Image Pixel Value as SS (Pixel Representation 1)', async (t) => {
  if (!requireTool('dcmdump', t)) return;
  const dir = await tempDir(t, 'netdicom-transcode-');
  const { ts, dataset } = part10(path.join(VALID, 'MR_small_implicit.dcm'));
  assert.equal(ts, ILE);
  const ours = path.join(dir, 'out.raw');
  await writeFile(ours, transcodeDataset(dataset, ILE, ELE));
  const r = await run('dcmdump', ['-q', '-f', '-te', '+P', '0028,0103', '+P', '0028,0106', '+P', '0028,0107', ours]);
  assert.match(r.stdout, /^\(0028,0103\) US 1 /m);
  assert.match(r.stdout, /^\(0028,0106\) SS /m);
  assert.match(r.stdout, /^\(0028,0107\) SS /m);
});

/**
 * Round trips give back the original bytes, except where Implicit VR loses information the
 * dictionary cannot restore: Explicit → Implicit → Explicit turns private (non-creator) elements
 * into UN and OB Pixel Data into OW (CT_small: private VRs; ExplVR_BigEnd: 8-bit OB Pixel Data).
 */
test('round trips A → B → A give back the original bytes (except explicit VRs Implicit VR cannot carry)', () => {
  const lossy = new Set([`CT_small.dcm ${ELE} ${ILE}`, `ExplVR_BigEnd.dcm ${EBE} ${ILE}`]);
  assert.ok(samples.length >= 10);
  for (const s of samples) {
    for (const to of SYNTAXES) {
      if (to === s.ts) continue;
      const back = transcodeDataset(transcodeDataset(s.dataset, s.ts, to), to, s.ts);
      const key = `${s.name} ${s.ts} ${to}`;
      assert.equal(back.equals(s.dataset), !lossy.has(key), key);
    }
  }
});
