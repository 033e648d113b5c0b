/**
 * Issue #6 point 5, "Nothing lost": an interrupted C-STORE leaves nothing a
 * user could take for an instance, a success response means the file is
 * durable, and a crash leaves only temporary files that the next start
 * removes. Raw requestors come from the scripted peer; the servers are the
 * real CLI (`netdicom storescp`, `netdicom qrscp`), each on a free port with
 * its own temporary folder.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  datasetDump, echo, eventually, freePort, requireTool, samplesDir, startCli, tempDir, TS, type CliProcess,
} from '../helpers/dcmtk.js';
import { pdu, ScriptedPeer } from '../helpers/scripted-peer.js';
import { findscu, startQrscp } from './qrscp-harness.js';

const TEMP_DIR = '.netdicom-tmp';
const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
const ROOT = '1.2.826.0.1.3680043.9.7133.6.5';
/** PDV data bytes per P-DATA-TF: the PDU body is then exactly 16 KiB. */
const PDV_DATA = 16 * 1024 - 6;

// ---------------------------------------------------------------- bytes

const le16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
/** A string value padded to even length (UIDs with NUL, text with a space). */
const text = (s: string, pad = ' ') => Buffer.from(s.length % 2 ? s + pad : s, 'latin1');
const uidValue = (s: string) => text(s, '\0');

/** An Implicit VR LE element of group 0000 (command sets, PS3.7 Annex E). */
const cmdElement = (el: number, value: Buffer) => Buffer.concat([le16(0), le16(el), le32(value.length), value]);

/** C-STORE-RQ command set, PS3.7 §9.3.1.1; a data set follows (CommandDataSetType 0x0000). */
function cStoreRq(messageId: number, sopClass: string, sopInstance: string): Buffer {
  const rest = Buffer.concat([
    cmdElement(0x0002, uidValue(sopClass)),
    cmdElement(0x0100, le16(0x0001)),
    cmdElement(0x0110, le16(messageId)),
    cmdElement(0x0700, le16(0)),
    cmdElement(0x0800, le16(0x0000)),
    cmdElement(0x1000, uidValue(sopInstance)),
  ]);
  return Buffer.concat([cmdElement(0x0000, le32(rest.length)), rest]);
}

/** An Explicit VR LE element; OB/OW/UN/SQ/UT take the long form. */
function exElement(group: number, el: number, vr: string, value: Buffer): Buffer {
  const head = Buffer.concat([le16(group), le16(el), Buffer.from(vr, 'latin1')]);
  return ['OB', 'OW', 'UN', 'SQ', 'UT'].includes(vr)
    ? Buffer.concat([head, le16(0), le32(value.length), value])
    : Buffer.concat([head, le16(value.length), value]);
}

interface Instance {
  sopInstanceUid: string;
  studyUid: string;
  seriesUid: string;
}

/** A CT Image Storage data set, Explicit VR LE, with `pixelBytes` of Pixel Data (a pattern, not zeros). */
function ctDataSet(inst: Instance, pixelBytes: number): Buffer {
  const pixels = Buffer.alloc(pixelBytes);
  for (let i = 0; i < pixelBytes; i += 2) pixels.writeUInt16LE((i / 2) & 0xfff, i);
  const side = Math.floor(Math.sqrt(pixelBytes / 2));
  return Buffer.concat([
    exElement(0x0008, 0x0016, 'UI', uidValue(CT_IMAGE_STORAGE)),
    exElement(0x0008, 0x0018, 'UI', uidValue(inst.sopInstanceUid)),
    exElement(0x0008, 0x0060, 'CS', text('CT')),
    exElement(0x0010, 0x0010, 'PN', text('Nothing^Lost')),
    exElement(0x0010, 0x0020, 'LO', text('NOTHINGLOST')),
    exElement(0x0020, 0x000d, 'UI', uidValue(inst.studyUid)),
    exElement(0x0020, 0x000e, 'UI', uidValue(inst.seriesUid)),
    exElement(0x0020, 0x0013, 'IS', text('1')),
    exElement(0x0028, 0x0002, 'US', le16(1)),
    exElement(0x0028, 0x0004, 'CS', text('MONOCHROME2')),
    exElement(0x0028, 0x0010, 'US', le16(side)),
    exElement(0x0028, 0x0011, 'US', le16(Math.floor(pixelBytes / 2 / side))),
    exElement(0x0028, 0x0100, 'US', le16(16)),
    exElement(0x0028, 0x0101, 'US', le16(12)),
    exElement(0x0028, 0x0102, 'US', le16(11)),
    exElement(0x0028, 0x0103, 'US', le16(0)),
    exElement(0x7fe0, 0x0010, 'OW', pixels),
  ]);
}

/** The same data set as a Part 10 file (preamble, DICM, File Meta Information), for storescu. */
function part10(inst: Instance, dataSet: Buffer): Buffer {
  const meta = Buffer.concat([
    exElement(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    exElement(0x0002, 0x0002, 'UI', uidValue(CT_IMAGE_STORAGE)),
    exElement(0x0002, 0x0003, 'UI', uidValue(inst.sopInstanceUid)),
    exElement(0x0002, 0x0010, 'UI', uidValue(TS.ExplicitVRLittleEndian)),
    exElement(0x0002, 0x0012, 'UI', uidValue(`${ROOT}.99`)),
  ]);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), exElement(0x0002, 0x0000, 'UL', le32(meta.length)), meta, dataSet]);
}

let counter = 0;
/** Fresh UIDs for one test's instance. */
function newInstance(): Instance {
  const n = `${process.pid}.${Date.now()}.${++counter}`;
  return { studyUid: `${ROOT}.1.${n}`, seriesUid: `${ROOT}.2.${n}`, sopInstanceUid: `${ROOT}.3.${n}` };
}

/** P-DATA-TF PDUs carrying `dataSet` on context 1 in PDV_DATA-byte fragments; the last one flagged last. */
function dataSetPdus(dataSet: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < dataSet.length; at += PDV_DATA) {
    const end = Math.min(at + PDV_DATA, dataSet.length);
    out.push(pdu.pData([{ pcId: 1, command: false, last: end === dataSet.length, data: dataSet.subarray(at, end) }]));
  }
  return out;
}

/**
 * A raw requestor: A-ASSOCIATE-RQ (CT Image Storage, Explicit VR LE), then
 * the C-STORE-RQ command and the first `sendBytes` of a `totalBytes`-pixel
 * data set (never the last fragment). Returns the open peer.
 */
async function partialStore(port: number, calledAETitle: string, inst: Instance, totalPixelBytes: number, sendBytes: number): Promise<ScriptedPeer> {
  const peer = await ScriptedPeer.connect(port);
  await peer.associate({
    calledAETitle,
    callingAETitle: 'PARTIAL',
    contexts: [{ id: 1, abstractSyntax: CT_IMAGE_STORAGE, transferSyntaxes: [TS.ExplicitVRLittleEndian] }],
  });
  const fragments = dataSetPdus(ctDataSet(inst, totalPixelBytes));
  const count = Math.min(Math.ceil(sendBytes / PDV_DATA), fragments.length - 1);
  peer.send(pdu.pData([{ pcId: 1, command: true, last: true, data: cStoreRq(1, CT_IMAGE_STORAGE, inst.sopInstanceUid) }]), ...fragments.slice(0, count));
  return peer;
}

/** A whole C-STORE on the raw peer; resolves when the C-STORE-RSP arrives, then releases. */
async function wholeStore(port: number, calledAETitle: string, inst: Instance, pixelBytes: number): Promise<void> {
  const peer = await ScriptedPeer.connect(port);
  await peer.associate({
    calledAETitle,
    callingAETitle: 'WHOLE',
    contexts: [{ id: 1, abstractSyntax: CT_IMAGE_STORAGE, transferSyntaxes: [TS.ExplicitVRLittleEndian] }],
  });
  peer.send(pdu.pData([{ pcId: 1, command: true, last: true, data: cStoreRq(1, CT_IMAGE_STORAGE, inst.sopInstanceUid) }]), ...dataSetPdus(ctDataSet(inst, pixelBytes)));
  await peer.expect('P-DATA-TF', 20_000);
  peer.send(pdu.releaseRq());
  await peer.expect('A-RELEASE-RP');
  peer.destroy();
}

// ---------------------------------------------------------------- folders

/** Entries of the output folder a user sees (hidden entries, the temp folder and the index, left out). */
const visible = async (dir: string) => (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
/** Files in the hidden temp folder (none when it does not exist). */
const partials = (dir: string) => readdir(path.join(dir, TEMP_DIR)).catch(() => [] as string[]);
/** Waits (bounded) until the temp folder has at least one file; returns them. */
const tempFileExists = (dir: string) => eventually(async () => { const p = await partials(dir); return p.length > 0 && p; }, `a temporary file in ${TEMP_DIR}`);
/** Waits (bounded) until neither the output folder nor the temp folder holds anything. */
const nothingLeft = (dir: string) =>
  eventually(async () => (await visible(dir)).length === 0 && (await partials(dir)).length === 0, `an empty output folder and an empty ${TEMP_DIR}`);

async function startStorescp(t: TestContext, out: string, port?: number): Promise<{ port: number; scp: CliProcess }> {
  const p = port ?? (await freePort());
  const scp = await startCli(['storescp', String(p), '-od', out, '-ba', '127.0.0.1'], { echo: { port: p } });
  t.after(() => scp.stop());
  return { port: p, scp };
}

/** SIGKILL, then waits for the exit. */
async function kill(cli: CliProcess): Promise<void> {
  cli.proc.kill('SIGKILL');
  const { signal } = await cli.exited;
  assert.equal(signal, 'SIGKILL');
}

// ---------------------------------------------------------------- 1. an interrupted association leaves nothing

for (const how of ['A-ABORT', 'TCP close'] as const) {
  test(`storescp: a C-STORE cut off by ${how} mid-data-set leaves no file and no temporary file`, { timeout: 60_000 }, async (t) => {
    if (!requireTool(['echoscu'], t)) return;
    const out = path.join(await tempDir(t), 'out');
    const { port, scp } = await startStorescp(t, out);
    const inst = newInstance();
    // 8 MiB announced, 2 MiB sent: past the in-memory phase, so a temporary file exists.
    const peer = await partialStore(port, 'STORESCP', inst, 8 << 20, 2 << 20);
    await tempFileExists(out);
    if (how === 'A-ABORT') peer.send(pdu.abort(0, 0));
    else peer.destroy();
    await peer.expectClosed(10_000);
    await nothingLeft(out);
    // Still serving.
    assert.equal((await echo(port)).code, 0, scp.output());
  });
}

for (const how of ['A-ABORT', 'TCP close'] as const) {
  test(`qrscp: a C-STORE cut off by ${how} mid-data-set leaves no file, no temporary file and no index entry`, { timeout: 60_000 }, async (t) => {
    if (!requireTool(['echoscu', 'findscu'], t)) return;
    const out = path.join(await tempDir(t), 'store');
    const qr = await startQrscp(out);
    t.after(() => qr.stop());
    const cut = newInstance();
    const peer = await partialStore(qr.port, 'NETDICOM', cut, 8 << 20, 2 << 20);
    await tempFileExists(out);
    if (how === 'A-ABORT') peer.send(pdu.abort(0, 0));
    else peer.destroy();
    await peer.expectClosed(10_000);
    await nothingLeft(out);

    // A whole instance of the same series, as a control: the query finds it, and only it.
    const whole = { ...cut, sopInstanceUid: `${cut.sopInstanceUid}.1` };
    await wholeStore(qr.port, 'NETDICOM', whole, 4096);
    const keys = (sop: string) => ['QueryRetrieveLevel=IMAGE', `StudyInstanceUID=${cut.studyUid}`, `SeriesInstanceUID=${cut.seriesUid}`, `SOPInstanceUID=${sop}`];
    const missing = await findscu(qr.port, 'NETDICOM', 'S', keys(cut.sopInstanceUid));
    assert.equal(missing.final, 'Success', missing.log);
    assert.deepEqual(missing.matches, [], `the cut-off instance is indexed:\n${missing.log}`);
    const series = await findscu(qr.port, 'NETDICOM', 'S', keys(''));
    assert.equal(series.final, 'Success', series.log);
    assert.deepEqual(series.matches.map((m) => m['0008,0018']), [whole.sopInstanceUid], series.log);
    assert.deepEqual(await visible(out), [`${whole.sopInstanceUid}.dcm`]);
  });
}

// ---------------------------------------------------------------- 2. success means durable

/**
 * dcmtk storescu -v sends `file`; the server is SIGKILLed as soon as
 * storescu prints the success response (before the release). Returns
 * whether a success response was seen.
 */
function storeThenKill(port: number, file: string, server: CliProcess): Promise<{ success: boolean; log: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('storescu', ['-v', '-to', '10', '-ta', '10', '-td', '20', '-aec', 'STORESCP', '127.0.0.1', String(port), file], {
      env: { ...process.env, TCP_NODELAY: '1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let success = false;
    const onData = (d: string) => {
      log += d;
      if (!success && /Received Store Response \(Success\)/.test(log)) {
        success = true;
        server.proc.kill('SIGKILL');
      }
    };
    p.stdout.setEncoding('utf8').on('data', onData);
    p.stderr.setEncoding('utf8').on('data', onData);
    p.on('error', reject);
    p.on('close', () => resolve({ success, log }));
  });
}

const durableCases: { name: string; make: (dir: string) => Promise<{ file: string; sop: string }> }[] = [
  { name: 'CT_small.dcm (kept in memory until complete)', make: async () => ({ file: path.join(samplesDir(), 'valid', 'CT_small.dcm'), sop: '' }) },
  {
    name: 'a 3 MiB CT image (streamed through a temporary file)',
    make: async (dir) => {
      const inst = newInstance();
      const file = path.join(dir, 'big.dcm');
      await writeFile(file, part10(inst, ctDataSet(inst, 3 << 20)));
      return { file, sop: inst.sopInstanceUid };
    },
  },
];

for (const c of durableCases) {
  test(`storescp: after storescu's success response for ${c.name}, the file is complete and survives a SIGKILL right after`, { timeout: 90_000 }, async (t) => {
    if (!requireTool(['echoscu', 'storescu', 'dcmdump', 'dcmconv'], t)) return;
    const dir = await tempDir(t);
    const out = path.join(dir, 'out');
    const { port, scp } = await startStorescp(t, out);
    const { file } = await c.make(dir);
    const r = await storeThenKill(port, file, scp);
    assert.ok(r.success, `no success response:\n${r.log}\n${scp.output()}`);
    const { signal } = await scp.exited;
    assert.equal(signal, 'SIGKILL');
    const files = await visible(out);
    assert.equal(files.length, 1, `output folder: ${files.join(', ')}`);
    assert.deepEqual(await partials(out), []);
    const stored = path.join(out, files[0]!);
    assert.equal(await datasetDump(stored), await datasetDump(file));
  });
}

// ---------------------------------------------------------------- 3. a crash leaves only temporary files

test('storescp: SIGKILL mid-store leaves only the partial in .netdicom-tmp; the next start removes it, says so, and serves', { timeout: 60_000 }, async (t) => {
  if (!requireTool(['echoscu'], t)) return;
  const out = path.join(await tempDir(t), 'out');
  const port = await freePort();
  const first = await startStorescp(t, out, port);
  const inst = newInstance();
  const peer = await partialStore(port, 'STORESCP', inst, 8 << 20, 2 << 20);
  t.after(() => peer.destroy());
  const [partial] = await tempFileExists(out);
  await kill(first.scp);
  await peer.expectClosed(10_000);

  assert.deepEqual(await visible(out), [], 'no instance file after the crash');
  assert.ok((await partials(out)).includes(partial!), `the partial ${partial} is still in ${TEMP_DIR}`);

  const second = await startStorescp(t, out, port);
  assert.deepEqual(await partials(out), [], `${TEMP_DIR} emptied at start`);
  assert.deepEqual(await visible(out), []);
  assert.match(second.scp.output(), /removed partial files/, second.scp.output());
  const e = await echo(port);
  assert.equal(e.code, 0, e.stdout + e.stderr);
});
