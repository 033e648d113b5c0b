/**
 * `netdicom qrscp` with dcmtk findscu: Date and Time keys are matched each on
 * its own (PS3.4 C.2.2.2.5); the A-ASSOCIATE-AC never agrees to combined
 * date-time matching (PS3.4 C.5.1.1.2); a refused query's Error Comment is
 * whole (LO, 64 characters at most) and names its Offending Element, and our
 * findscu prints both. Expected answers come from the samples (dcmdump).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import { decodePdu, encodePdu } from '../../transport/pdu-codec.js';
import { emptyUserInformation, type Pdu } from '../../transport/pdu-types.js';
import { ExplicitVRLittleEndian, StudyRootQueryRetrieveInformationModelFind } from '../../services/registry/uids.js';
import { cliPath, readAttributes, run } from '../helpers/dcmtk.js';
import {
  findscu, haveDcmtk, readSamples, SCU, sorted, startQrscp, storeWithStorescu, suiteDir, validSamples, type QrServer, type Sample,
} from './qrscp-harness.js';

/** A sample with its StudyTime as HHMMSS (the samples also hold HH:MM:SS) and StudyDate as YYYYMMDD. */
interface Timed extends Sample {
  day: string;
  clock: string;
}

/** Reads PDUs off a socket: each whole PDU once it has arrived. */
function pduReader(socket: net.Socket): () => Promise<Pdu> {
  let buf = Buffer.alloc(0);
  let wake: (() => void) | undefined;
  let closed = false;
  socket.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    wake?.();
  });
  socket.on('close', () => {
    closed = true;
    wake?.();
  });
  return async () => {
    for (;;) {
      if (buf.length >= 6 && buf.length >= 6 + buf.readUInt32BE(2)) {
        const end = 6 + buf.readUInt32BE(2);
        const pdu = decodePdu(buf.subarray(0, end));
        buf = buf.subarray(end);
        return pdu;
      }
      if (closed) throw new Error('connection closed before a whole PDU');
      await new Promise<void>((r) => (wake = r));
    }
  };
}

describe('qrscp: Date and Time keys matched independently; whole Error Comments, printed by findscu', { skip: !haveDcmtk() && 'dcmtk not installed', timeout: 90_000 }, () => {
  let qr: QrServer | undefined;
  let removeDir: (() => Promise<void>) | undefined;
  let all: Timed[] = [];

  before(async () => {
    const { dir, remove } = await suiteDir('netdicom-qrscp-datetime-');
    removeDir = remove;
    const files = await validSamples();
    const [samples, times] = await Promise.all([readSamples(files), readAttributes(files, ['0008,0030'])]);
    all = samples.map((s) => ({ ...s, day: s.StudyDate.replace(/\./g, ''), clock: (times.get(s.file)!['0008,0030'] ?? '').replace(/:/g, '').slice(0, 6) }));
    qr = await startQrscp(path.join(dir, 'store'));
    assert.deepEqual(await storeWithStorescu(qr.port, 'NETDICOM', all), [], 'storing the samples');
  });
  after(async () => {
    await qr?.stop();
    await removeDir?.();
  });

  /** Distinct Study Instance UIDs of the samples with a date and a time that `selects` picks. */
  const studies = (selects: (s: Timed) => boolean): string[] => sorted(new Set(all.filter((s) => s.day && s.clock && selects(s)).map((s) => s.StudyInstanceUID)));

  async function findStudies(keys: string[]): Promise<string[]> {
    const r = await findscu(qr!.port, 'NETDICOM', 'S', ['QueryRetrieveLevel=STUDY', 'StudyInstanceUID', ...keys]);
    assert.equal(r.final, 'Success', r.log);
    return sorted(r.matches.map((m) => m['0020,000d'] ?? ''));
  }

  test('findscu -k StudyDate=20040101- -k StudyTime=-120000: studies from 2004 on, before noon, and not the 18:50:59 one', async () => {
    const got = await findStudies(['StudyDate=20040101-', 'StudyTime=-120000']);
    assert.deepEqual(got, studies((s) => s.day >= '20040101' && s.clock <= '120000'));
    const evening = all.find((s) => s.day === '20040826' && s.clock === '185059');
    assert.ok(evening && !got.includes(evening.StudyInstanceUID), 'the 20040826 185059 study is not a match');
    assert.ok(got.length > 0);
  });

  test('findscu -k StudyDate=20040826 -k StudyTime=-120000: no study that day before noon; 180000- finds it', async () => {
    assert.deepEqual(await findStudies(['StudyDate=20040826', 'StudyTime=-120000']), studies((s) => s.day === '20040826' && s.clock <= '120000'));
    const evening = await findStudies(['StudyDate=20040826', 'StudyTime=180000-']);
    assert.deepEqual(evening, studies((s) => s.day === '20040826' && s.clock >= '180000'));
    assert.ok(evening.length > 0);
  });

  test('findscu -k StudyDate=20040101-20041231 -k StudyTime=-120000 and StudyTime=-120000 alone', async () => {
    assert.deepEqual(await findStudies(['StudyDate=20040101-20041231', 'StudyTime=-120000']), studies((s) => s.day >= '20040101' && s.day <= '20041231' && s.clock <= '120000'));
    assert.deepEqual(await findStudies(['StudyTime=-120000']), studies((s) => s.clock <= '120000'));
  });

  test('an A-ASSOCIATE-RQ asking for combined date-time matching gets an A-ASSOCIATE-AC without SOP Class Extended Negotiation', async () => {
    const socket = net.connect(qr!.port, '127.0.0.1');
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      const next = pduReader(socket);
      socket.write(encodePdu({
        type: 'A-ASSOCIATE-RQ', protocolVersion: 1, calledAETitle: 'NETDICOM', callingAETitle: 'DATETIME', applicationContext: '1.2.840.10008.3.1.1.1',
        presentationContexts: [{ id: 1, abstractSyntax: StudyRootQueryRetrieveInformationModelFind, transferSyntaxes: [ExplicitVRLittleEndian] }],
        userInformation: {
          ...emptyUserInformation(), maxLength: 16384, implementationClassUid: '1.2.3',
          // relational-queries 1, date-time matching 1 (PS3.4 Table C.5-1)
          sopClassExtended: [{ sopClassUid: StudyRootQueryRetrieveInformationModelFind, serviceClassApplicationInformation: Buffer.from([1, 1]) }],
        },
      }));
      const ac = await next();
      assert.equal(ac.type, 'A-ASSOCIATE-AC');
      if (ac.type !== 'A-ASSOCIATE-AC') return;
      assert.equal(ac.presentationContexts[0]!.result, 0);
      assert.deepEqual(ac.userInformation.sopClassExtended, []);
      socket.write(encodePdu({ type: 'A-RELEASE-RQ' }));
      assert.equal((await next()).type, 'A-RELEASE-RP');
    } finally {
      socket.destroy();
    }
  });

  /** The Error Comment in findscu -d's status detail, without the space that pads it to an even length. */
  const errorCommentOf = (log: string): string | undefined => /\(0000,0902\) LO \[(.*?) ?\]/.exec(log)?.[1];

  const refused = ['QueryRetrieveLevel=IMAGE', 'StudyInstanceUID=1.2.3', 'SeriesInstanceUID', 'SOPInstanceUID'];

  test('an IMAGE level Study Root query without SeriesInstanceUID: A900 with a whole Error Comment and the Offending Element (dcmtk findscu -d)', async () => {
    const r = await run('findscu', ['-d', ...SCU, '-S', '-aec', 'NETDICOM', ...refused.flatMap((k) => ['-k', k]), '127.0.0.1', String(qr!.port)]);
    const log = r.stdout + r.stderr;
    assert.match(log, /DIMSE Status\s+: 0xa900/, log);
    const comment = errorCommentOf(log);
    assert.equal(comment, 'IMAGE level needs a SeriesInstanceUID value (C.4.1.2.2)', log);
    assert.ok(comment.length <= 64);
    assert.match(log, /\(0000,0901\) AT \(0020,000e\)/, log);
  });

  test('netdicom findscu prints the Error Comment and Offending Element of a refused query, as dcmtk findscu -d shows them', async () => {
    const theirs = await run('findscu', ['-d', ...SCU, '-S', '-aec', 'NETDICOM', ...refused.flatMap((k) => ['-k', k]), '127.0.0.1', String(qr!.port)]);
    const comment = errorCommentOf(theirs.stdout + theirs.stderr);
    assert.ok(comment, 'dcmtk findscu saw an Error Comment');
    const ours = await run(process.execPath, [cliPath, 'findscu', '127.0.0.1', String(qr!.port), '-aec', 'NETDICOM', '-S', ...refused.flatMap((k) => ['-k', k])]);
    assert.equal(ours.code, 1, ours.stderr);
    assert.equal(ours.stdout, '');
    const line = ours.stderr.split('\n').find((l) => l.startsWith('findscu: error: C-FIND final status a900'));
    assert.ok(line, ours.stderr);
    assert.ok(line.includes(`Error Comment: ${comment}`), line);
    assert.ok(line.includes('Offending Element: (0020,000e) SeriesInstanceUID'), line);
  });
});
