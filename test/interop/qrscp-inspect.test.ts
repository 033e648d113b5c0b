/**
 * `netdicom qrscp --inspect WSPORT` streams the Query/Retrieve associations
 * live (see /work/shared/checks/inspector-stream.sh): a WebSocket client on
 * /inspect watches dcmtk findscu, getscu and movescu; each association's
 * Upper Layer transitions follow PS3.8 Table 9-10, its DIMSE records name the
 * C-FIND/C-GET/C-MOVE messages, and the C-MOVE's sub-association to the
 * destination shows up as a requestor while the C-MOVE runs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { eventually, freePort, run, tempDir } from '../helpers/dcmtk.js';
import { ACCEPTOR_RELEASED, InspectorClient, REQUESTOR_RELEASED } from '../helpers/inspector-client.js';
import type { ActorRecord, DimseRecord } from '../../visualize/protocol.js';
import { errorLines, haveDcmtk, readSamples, SCU, startQrscp, startStorescp, storeWithStorescu, suiteDir, validSamples, type Sample, type Server } from './qrscp-harness.js';

describe('qrscp --inspect streams the C-FIND, C-GET and C-MOVE associations and the C-MOVE sub-association', { skip: !haveDcmtk(['getscu', 'movescu', 'storescp']) && 'dcmtk not installed', timeout: 60_000 }, () => {
  let qr: Server | undefined;
  let dest: Server | undefined;
  let client: InspectorClient | undefined;
  let removeDir: (() => Promise<void>) | undefined;
  let samples: Sample[] = [];

  before(async () => {
    const { dir, remove } = await suiteDir('netdicom-qrscp-inspect-');
    removeDir = remove;
    const [wsPort, destPort] = [await freePort(), await freePort()];
    samples = await readSamples(await validSamples());
    samples = samples.filter((s) => s.name.startsWith('rtdose'));
    dest = await startStorescp(path.join(dir, 'dest'), destPort);
    qr = await startQrscp(path.join(dir, 'store'), ['--inspect', String(wsPort), '--move-dest', `DEST=127.0.0.1:${destPort}`]);
    client = await InspectorClient.connect(wsPort);
    assert.deepEqual(await storeWithStorescu(qr.port, 'NETDICOM', samples), []);
  });
  after(async () => {
    client?.close();
    await Promise.all([qr?.stop(), dest?.stop()]);
    await removeDir?.();
  });

  /** The acceptor association whose A-ASSOCIATE-RQ came from `callingAE`, once its actor is done. */
  function acceptorOf(callingAE: string): Promise<string> {
    return eventually(() => {
      const a = client!.records.find((r): r is ActorRecord => r.kind === 'actor' && r.role === 'acceptor' && r.callingAE === callingAE);
      return a?.assoc && client!.actor(a.assoc, 'done') && client!.ended(a.assoc) && a.assoc;
    }, `the association from ${callingAE} to end in the stream`);
  }

  const dimse = (assoc: string) => client!.records.filter((r): r is DimseRecord => r.kind === 'dimse' && r.assoc === assoc);
  const names = (assoc: string) => dimse(assoc).map((r) => `${r.dir} ${r.command}`);
  const study = () => samples[0]!.StudyInstanceUID;
  const n = () => samples.length;

  test('findscu: the acceptor goes AE-5 … AR-5 and streams C-FIND-RQ in, a Pending C-FIND-RSP per match, then Success', async () => {
    const r = await run('findscu', [...SCU, '-S', '-aet', 'INSPFIND', '-aec', 'NETDICOM', '-k', 'QueryRetrieveLevel=IMAGE', '-k', `StudyInstanceUID=${study()}`,
      '-k', `SeriesInstanceUID=${samples[0]!.SeriesInstanceUID}`, '-k', 'SOPInstanceUID', '127.0.0.1', String(qr!.port)]);
    assert.equal(r.code, 0, errorLines(r));
    const assoc = await acceptorOf('INSPFIND');
    assert.deepEqual(client!.path(assoc), ACCEPTOR_RELEASED);
    assert.deepEqual(names(assoc), ['in C-FIND-RQ', ...Array(n()).fill('out C-FIND-RSP'), 'out C-FIND-RSP']);
    const rsp = dimse(assoc).filter((d) => d.command === 'C-FIND-RSP');
    assert.deepEqual(rsp.map((d) => d.status?.slice(0, 4)), [...Array(n()).fill('ff00'), '0000']);
    assert.ok(rsp.slice(0, -1).every((d) => (d.datasetBytes ?? 0) > 0), 'each Pending response carries an identifier');
    assert.equal(client!.actor(assoc, 'done')?.ending, 'release');
  });

  test('getscu: the acceptor streams C-GET-RQ in, a C-STORE-RQ out and its C-STORE-RSP in per instance, C-GET-RSPs out', async (t) => {
    const out = await tempDir(t);
    const r = await run('getscu', [...SCU, '-S', '-aet', 'INSPGET', '-aec', 'NETDICOM', '-od', out, '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study()}`, '127.0.0.1', String(qr!.port)]);
    assert.equal(r.code, 0, errorLines(r));
    const assoc = await acceptorOf('INSPGET');
    assert.deepEqual(client!.path(assoc), ACCEPTOR_RELEASED);
    const ds = names(assoc);
    assert.equal(ds[0], 'in C-GET-RQ');
    assert.equal(ds.filter((d) => d === 'out C-STORE-RQ').length, n());
    assert.equal(ds.filter((d) => d === 'in C-STORE-RSP').length, n());
    const rsp = dimse(assoc).filter((d) => d.command === 'C-GET-RSP');
    assert.equal(rsp.at(-1)?.status?.slice(0, 4), '0000', JSON.stringify(rsp.at(-1)));
    assert.equal(ds.at(-1), 'out C-GET-RSP');
    assert.ok(rsp.slice(0, -1).every((d) => d.status?.startsWith('ff00')), 'every C-GET-RSP before the last is Pending');
  });

  test('movescu: the acceptor streams C-MOVE-RQ and C-MOVE-RSPs; a requestor association to DEST starts and ends during the C-MOVE', async () => {
    const r = await run('movescu', [...SCU, '-S', '-aet', 'INSPMOVE', '-aec', 'NETDICOM', '-aem', 'DEST', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study()}`, '127.0.0.1', String(qr!.port)]);
    assert.equal(r.code, 0, errorLines(r));
    const assoc = await acceptorOf('INSPMOVE');
    assert.deepEqual(client!.path(assoc), ACCEPTOR_RELEASED);
    const ds = dimse(assoc);
    assert.deepEqual(ds.map((d) => `${d.dir} ${d.command}`), ['in C-MOVE-RQ', ...Array(ds.length - 1).fill('out C-MOVE-RSP')]);
    const moveRq = ds[0]!;
    const final = ds.at(-1)!;
    assert.equal(final.status?.slice(0, 4), '0000', JSON.stringify(final));

    // The sub-association: a requestor actor calling DEST, whose records all fall between the C-MOVE-RQ and the final C-MOVE-RSP.
    const sub = await eventually(() => {
      const a = client!.records.find((x): x is ActorRecord => x.kind === 'actor' && x.role === 'requestor' && x.calledAE === 'DEST' && x.callingAE === 'NETDICOM' && x.seq > moveRq.seq);
      return a?.assoc && client!.actor(a.assoc, 'done') && a.assoc;
    }, 'a requestor association to DEST');
    const subRecords = client!.records.filter((x) => x.assoc === sub);
    assert.ok(subRecords.every((x) => x.seq > moveRq.seq && x.seq < final.seq), `sub-association records ${subRecords[0]?.seq}…${subRecords.at(-1)?.seq} outside the C-MOVE (${moveRq.seq}…${final.seq})`);
    assert.deepEqual(client!.path(sub), REQUESTOR_RELEASED);
    assert.deepEqual(names(sub), Array.from({ length: n() }, () => ['out C-STORE-RQ', 'in C-STORE-RSP']).flat());
    assert.ok(dimse(sub).filter((d) => d.command === 'C-STORE-RSP').every((d) => d.status?.startsWith('0000')));
    assert.equal(client!.actor(sub, 'done')?.ending, 'release');
  });
});
