/**
 * What the page is fed and built from, without a browser: the inspector's
 * records (P-DATA folded per DIMSE message from PDV headers, the order of
 * received PDUs, how an association ended in the standard's words, the DIMSE
 * count), PDU summaries (AC named from the RQ, identity type only, never a
 * passcode), the server's batched feed, and the page bundle's rules.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import type { Association } from '../../machines/association.js';
import { encodeCommandSet, NO_DATASET, type CommandSet } from '../../services/dimse/command-set.js';
import { encodePdu } from '../../transport/pdu-codec.js';
import type { AssociateAcPdu, AssociateRqPdu, PDataTfPdu, Pdu } from '../../transport/pdu-types.js';
import { ClientFeed, type FeedSocket } from '../../visualize/client-feed.js';
import { InspectorHub } from '../../visualize/hub.js';
import { endingOf, Inspector } from '../../visualize/inspector.js';
import { buildPageBundle, joinModules, PageBundleError } from '../../visualize/page-bundle.js';
import { summarizePdu } from '../../visualize/pdu-summary.js';
import { recordJson, trustedDetail } from '../../visualize/wire.js';
import type { ActorRecord, DimseRecord, InspectorRecord, PduRecord } from '../../visualize/protocol.js';

const CT = '1.2.840.10008.5.1.4.1.1.2';
const ELE = '1.2.840.10008.1.2.1';
const ILE = '1.2.840.10008.1.2';

function rqPdu(): AssociateRqPdu {
  return {
    type: 'A-ASSOCIATE-RQ', protocolVersion: 1, callingAETitle: 'MODALITY', calledAETitle: 'PACS', applicationContext: '1.2.840.10008.3.1.1.1',
    presentationContexts: [
      { id: 1, abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: [ILE] },
      { id: 3, abstractSyntax: CT, transferSyntaxes: [ELE, ILE] },
      { id: 5, abstractSyntax: '1.2.3.4.5', transferSyntaxes: [ILE] },
    ],
    userInformation: {
      maxLength: 16384, implementationClassUid: '1.2.276.0.7230010.3.0.3.6.7', implementationVersionName: 'OFFIS_DCMTK_367',
      roleSelections: [{ sopClassUid: CT, scuRole: 1, scpRole: 1 }], sopClassExtended: [], sopClassCommonExtended: [], unknown: [],
      userIdentityRq: { identityType: 2, positiveResponseRequested: false, primaryField: Buffer.from('alice'), secondaryField: Buffer.from('s3cret-passcode') },
    },
  };
}

function acPdu(): AssociateAcPdu {
  return {
    type: 'A-ASSOCIATE-AC', protocolVersion: 1, callingAETitle: '', calledAETitle: '', applicationContext: '1.2.840.10008.3.1.1.1',
    presentationContexts: [{ id: 1, result: 0, transferSyntax: ILE }, { id: 3, result: 0, transferSyntax: ELE }, { id: 5, result: 3, transferSyntax: '' }],
    userInformation: { maxLength: 1048576, implementationClassUid: '2.25.1', implementationVersionName: 'NETDICOM', roleSelections: [], sopClassExtended: [], sopClassCommonExtended: [], unknown: [] },
  };
}

describe('PDU summaries', () => {
  test('A-ASSOCIATE-RQ: AE titles, context names, Maximum Length, implementation, roles, identity type; never the passcode or user name', () => {
    const { summary, detail } = summarizePdu(rqPdu());
    assert.equal(
      summary,
      'MODALITY → PACS · 3 presentation contexts: Verification SOP Class, CT Image Storage, 1.2.3.4.5 · max PDU 16384 · impl 1.2.276.0.7230010.3.0.3.6.7 OFFIS_DCMTK_367 · roles CT Image Storage SCU+SCP · user identity username+passcode',
    );
    const text = JSON.stringify(detail);
    assert.ok(!text.includes('s3cret') && !text.includes('alice'), text);
    assert.deepEqual((detail!.contexts as { transferSyntaxes: string[] }[])[1]!.transferSyntaxes, ['Explicit VR Little Endian', 'Implicit VR Little Endian']);
  });

  test('A-ASSOCIATE-AC: AE titles and abstract syntaxes come from the RQ (the AC has only IDs); results in words', () => {
    const { summary, detail } = summarizePdu(acPdu(), rqPdu());
    assert.equal(
      summary,
      'MODALITY → PACS · 2 of 3 accepted: Verification SOP Class (Implicit VR Little Endian), CT Image Storage (Explicit VR Little Endian) · not accepted: abstract-syntax-not-supported ×1 · max PDU 1048576 · impl 2.25.1 NETDICOM',
    );
    assert.deepEqual(detail!.contexts, [
      { id: 1, abstractSyntax: 'Verification SOP Class', proposed: ['Implicit VR Little Endian'], result: 'acceptance', accepted: true, transferSyntax: 'Implicit VR Little Endian' },
      { id: 3, abstractSyntax: 'CT Image Storage', proposed: ['Explicit VR Little Endian', 'Implicit VR Little Endian'], result: 'acceptance', accepted: true, transferSyntax: 'Explicit VR Little Endian' },
      { id: 5, abstractSyntax: '1.2.3.4.5', proposed: ['Implicit VR Little Endian'], result: 'abstract-syntax-not-supported (provider rejection)', accepted: false, transferSyntax: '' },
    ]);
  });

  test('A-ASSOCIATE-RJ and A-ABORT in the words of PS3.8 Tables 9-21 and 9-26', () => {
    assert.equal(summarizePdu({ type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 3 }).summary, 'rejected-permanent, service-user, calling-AE-title-not-recognized');
    assert.equal(summarizePdu({ type: 'A-ASSOCIATE-RJ', result: 2, source: 3, reason: 2 }).summary, 'rejected-transient, service-provider (presentation), local-limit-exceeded');
    assert.equal(summarizePdu({ type: 'A-ABORT', source: 0, reason: 0 }).summary, 'source service-user (reason not significant)');
    assert.equal(summarizePdu({ type: 'A-ABORT', source: 2, reason: 2 }).summary, 'source service-provider, reason unexpected-PDU');
  });
});

// ---------------------------------------------------------------- the inspector, driven by hand

interface FakeAssoc {
  id: string;
  isRequestor: boolean;
  remoteAddress: string;
  bytesIn: number;
  bytesOut: number;
  ending: string;
  associateRq: AssociateRqPdu | undefined;
}

function setup() {
  const hub = new InspectorHub();
  const got: InspectorRecord[] = [];
  hub.subscribe((r) => got.push(r));
  const insp = new Inspector(hub);
  const a: FakeAssoc = { id: 'assoc-t1', isRequestor: false, remoteAddress: '10.0.0.9:4000', bytesIn: 0, bytesOut: 0, ending: '', associateRq: undefined };
  const assoc = a as unknown as Association;
  insp.started(assoc, 'acceptor');
  const obs = insp.observer();
  const dimse = insp.dimse(assoc);
  const pdv = (pcId: number, isCommand: boolean, isLast: boolean, bytes: number) => ({ pcId, isCommand, isLast, data: Buffer.alloc(bytes) });
  /** A received P-DATA-TF (decoded, as the reader hands it over). */
  const pIn = (...pdvs: ReturnType<typeof pdv>[]) => {
    const pdu: PDataTfPdu = { type: 'P-DATA-TF', pdvs };
    obs.pdu!(assoc, 'in', pdu as Pdu, encodePdu(pdu).length);
  };
  /** A sent P-DATA-TF (raw bytes, as the association writes it). */
  const pOut = (...pdvs: ReturnType<typeof pdv>[]) => {
    const raw = encodePdu({ type: 'P-DATA-TF', pdvs });
    obs.pdu!(assoc, 'out', null, raw.length, raw);
  };
  const dimseRecords = () => got.filter((r): r is DimseRecord => r.kind === 'dimse');
  return { hub, got, insp, a, assoc, obs, dimse, pdv, pIn, pOut, dimseRecords };
}

const storeRq = (id: number): CommandSet => ({ CommandField: 0x0001, MessageID: id, AffectedSOPClassUID: CT, Priority: 0, CommandDataSetType: 0x0000 });
const storeRsp = (id: number): CommandSet => ({ CommandField: 0x8001, MessageIDBeingRespondedTo: id, AffectedSOPClassUID: CT, Status: 0, CommandDataSetType: NO_DATASET });

describe('Inspector records', () => {
  test('a received C-STORE-RQ is one dimse record, published after its last data fragment, with its P-DATA-TF count and bytes', () => {
    const s = setup();
    s.pIn(s.pdv(3, true, true, 120)); // the command
    s.dimse('in', 3, storeRq(1), 0); // the provider decodes it at once
    assert.equal(s.dimseRecords().length, 0, 'not before the data set is complete');
    s.pIn(s.pdv(3, false, false, 16000));
    s.pIn(s.pdv(3, false, false, 16000));
    s.pIn(s.pdv(3, false, true, 700));
    const [r] = s.dimseRecords();
    assert.equal(r?.command, 'C-STORE-RQ');
    assert.equal(r?.messageId, 1);
    assert.equal(r?.sopClass, 'CT Image Storage');
    assert.equal(r?.pdus, 4);
    assert.equal(r?.datasetBytes, 32700);
    assert.equal(r?.pduBytes, [120, 16000, 16000, 700].reduce((n, b) => n + b + 6 + 6, 0));
    assert.equal(r?.summary, 'priority MEDIUM');
  });

  test('a read holding the end of one message and the start of the next: each message gets its own P-DATA', () => {
    const s = setup();
    s.pIn(s.pdv(3, true, true, 100)); // #1 command
    s.pIn(s.pdv(3, false, true, 500)); // #1 data set, and in the same read…
    s.pIn(s.pdv(3, true, true, 100)); // …#2's command: the reader counts all PDUs of a read before the machine takes them
    s.dimse('in', 3, storeRq(1), 0);
    s.dimse('in', 3, storeRq(2), 0);
    s.pIn(s.pdv(3, false, true, 300));
    assert.deepEqual(s.dimseRecords().map((r) => [r.messageId, r.pdus, r.datasetBytes]), [[1, 2, 500], [2, 2, 300]]);
  });

  test('a sent response without a data set is complete with its command; sent PDUs are read from their PDV headers', () => {
    const s = setup();
    s.dimse('out', 3, storeRsp(7), 0);
    assert.equal(s.dimseRecords().length, 0);
    s.pOut(s.pdv(3, true, true, encodeCommandSet(storeRsp(7)).length));
    const [r] = s.dimseRecords();
    assert.equal(r?.command, 'C-STORE-RSP');
    assert.equal(r?.status, '0000 Success');
    assert.equal(r?.pdus, 1);
    assert.equal(r?.summary, 'responds to #7');
  });

  test('a received PDU is published when the machine takes its event, after the DIMSE records of the P-DATA read before it', () => {
    const s = setup();
    s.obs.pdu!(s.assoc, 'in', { type: 'A-RELEASE-RQ' }, 10);
    assert.equal(s.got.filter((r) => r.kind === 'pdu').length, 0);
    s.insp.inspect({ type: '@xstate.event', actorRef: { id: 'assoc-t1' }, event: { type: 'Evt12' } } as never);
    assert.deepEqual(s.got.filter((r) => r.kind === 'pdu').map((r) => (r as { pduType: string }).pduType), ['A-RELEASE-RQ']);
  });

  test('the done record: how it ended in words, socket bytes, DIMSE messages, AE titles from the RQ; a message cut short is marked incomplete', async () => {
    const s = setup();
    s.obs.pdu!(s.assoc, 'in', rqPdu(), 300);
    s.pIn(s.pdv(3, true, true, 100));
    s.dimse('in', 3, storeRq(1), 0);
    s.pIn(s.pdv(3, false, false, 4000)); // the data set never finishes
    s.obs.pdu!(s.assoc, 'in', { type: 'A-ABORT', source: 0, reason: 0 }, 10);
    Object.assign(s.a, { bytesIn: 4500, bytesOut: 220, ending: 'A-ABORT (peer) source 0 reason 0' });
    s.obs.ended!(s.assoc);
    await new Promise((r) => setImmediate(r));
    const done = s.got.find((r): r is ActorRecord => r.kind === 'actor' && r.status === 'done');
    assert.deepEqual(
      { ending: done?.ending, bytesIn: done?.bytesIn, bytesOut: done?.bytesOut, dimseMessages: done?.dimseMessages, callingAE: done?.callingAE, calledAE: done?.calledAE },
      { ending: 'A-ABORT received: source service-user (reason not significant)', bytesIn: 4500, bytesOut: 220, dimseMessages: 1, callingAE: 'MODALITY', calledAE: 'PACS' },
    );
    const [r] = s.dimseRecords();
    assert.equal(r?.incomplete, true);
    assert.equal(r?.pdus, 2);
    // The AE titles were announced as soon as the RQ came.
    assert.ok(s.got.some((x) => x.kind === 'actor' && x.status === 'active' && x.callingAE === 'MODALITY'));
  });

  test('endingOf: release stays "release"; an RJ/ABORT PDU gives the words; a provider abort keeps its own reason too', () => {
    assert.equal(endingOf('release', undefined), 'release');
    assert.equal(endingOf('', undefined), 'transport closed');
    assert.equal(endingOf('A-ASSOCIATE-RJ result 1 source 1 reason 3', 'A-ASSOCIATE-RJ sent: rejected-permanent, service-user, calling-AE-title-not-recognized'), 'A-ASSOCIATE-RJ sent: rejected-permanent, service-user, calling-AE-title-not-recognized');
    assert.equal(endingOf('A-P-ABORT: unexpected Evt3', 'A-ABORT sent: source service-provider, reason unexpected-PDU'), 'A-ABORT sent: source service-provider, reason unexpected-PDU (A-P-ABORT: unexpected Evt3)');
  });
});

// ---------------------------------------------------------------- the batched feed

class FakeSocket implements FeedSocket {
  bufferedAmount = 0;
  sent: string[] = [];
  send(data: string): void {
    this.sent.push(data);
  }
}

describe('ClientFeed with batch', () => {
  test('the records of one batch window go out as one JSON array; drops are counted against queued bytes too', async () => {
    const hub = new InspectorHub();
    for (let i = 0; i < 5; i++) hub.publish({ kind: 'stats', assoc: 'assoc-1', pdus: i, bytes: i });
    const recs = hub.backlog();
    const sock = new FakeSocket();
    const feed = new ClientFeed(sock, { batch: true, batchMs: 5, highWaterMark: 1_000_000 });
    for (const r of recs) feed.push(r);
    assert.equal(sock.sent.length, 0);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(sock.sent.length, 1);
    assert.deepEqual((JSON.parse(sock.sent[0]!) as { pdus: number }[]).map((r) => r.pdus), [0, 1, 2, 3, 4]);

    const small = new FakeSocket();
    const tight = new ClientFeed(small, { batch: true, batchMs: 5, highWaterMark: 150 });
    for (const r of recs) tight.push(r); // each record is ~70 bytes: the third one is over the mark
    assert.ok(tight.pendingDrops > 0);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(JSON.parse(small.sent[0]!).length + tight.pendingDrops, 5);
  });
  test('with shared values, a contexts table many associations share goes once, before the first record that refers to it', () => {
    const hub = new InspectorHub();
    const rq = (calling: string): AssociateRqPdu => ({ ...rqPdu(), callingAETitle: calling });
    for (const calling of ['MOD_A', 'MOD_B']) {
      const { summary, detail } = summarizePdu(rq(calling));
      hub.publish({ kind: 'pdu', assoc: `assoc-${calling}`, dir: 'in', pduType: 'A-ASSOCIATE-RQ', len: 300, summary, detail: trustedDetail(detail!) });
    }
    const [a, b] = hub.backlog() as PduRecord[];
    assert.equal(a!.detail!.contexts, b!.detail!.contexts, 'one table object for both');
    const sock = new FakeSocket();
    const feed = new ClientFeed(sock, { shared: true });
    feed.push(a!);
    feed.push(b!);
    const [table, first, second] = sock.sent.map((m) => JSON.parse(m) as { kind: string; id: number; value: unknown; detail: { contexts: unknown } });
    assert.equal(sock.sent.length, 3);
    assert.equal(table!.kind, 'shared');
    assert.deepEqual(first!.detail.contexts, { $shared: table!.id });
    assert.deepEqual(second!.detail.contexts, { $shared: table!.id });
    // put back in place, each record reads as it does for a client that did not ask for shared values
    for (const [got, record] of [[first!, a!], [second!, b!]] as const) {
      got.detail.contexts = table!.value;
      assert.deepEqual(got, JSON.parse(recordJson(record)));
    }
  });

  test('a busy window (at least BUSY_RECORDS records) makes the next one busyBatchMs long; a quiet one brings back batchMs', async () => {
    const hub = new InspectorHub();
    for (let i = 0; i < 12; i++) hub.publish({ kind: 'stats', assoc: 'assoc-1', pdus: i, bytes: i });
    const recs = hub.backlog();
    const sock = new FakeSocket();
    const feed = new ClientFeed(sock, { batch: true, batchMs: 5, busyBatchMs: 60 });
    for (const r of recs) feed.push(r); // 12 records in one window: busy
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(sock.sent.length, 1);
    feed.push(recs[0]!);
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(sock.sent.length, 1, 'the next window is the busy one');
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(sock.sent.length, 2);
    feed.push(recs[1]!); // that window held one record: back to 5 ms
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(sock.sent.length, 3);
  });
});

// ---------------------------------------------------------------- the page bundle

describe('page bundle', () => {
  test('modules are joined dependencies first, imports and export keywords removed', () => {
    const out = joinModules([
      { name: 'app.js', source: "import { two } from './b.js';\nimport { one } from './a.js';\nexport function main() { return one + two; }\n" },
      { name: 'a.js', source: 'export const one = 1;\n' },
      { name: 'b.js', source: "import { one } from './a.js';\nexport const two = one + 1;\n" },
    ]);
    assert.ok(out.indexOf('const one') < out.indexOf('const two') && out.indexOf('const two') < out.indexOf('function main'));
    assert.ok(!/\bimport\b|\bexport\b/.test(out));
    assert.equal(vm.runInNewContext(out.replace('})();', 'return main(); })();').replace('(() => {', 'result = (() => {'), {}), 3);
  });

  test('a name declared in two modules, a foreign import, "<!--" or a cycle is refused', () => {
    assert.throws(() => joinModules([{ name: 'a.js', source: 'export const x = 1;' }, { name: 'b.js', source: 'const x = 2;' }]), PageBundleError);
    assert.throws(() => joinModules([{ name: 'a.js', source: "import { y } from './nope.js';" }]), /not a page module/);
    assert.throws(() => joinModules([{ name: 'a.js', source: "const s = '<!--';" }]), /<!--/);
    assert.throws(() => joinModules([{ name: 'a.js', source: "import { b } from './b.js';\nexport const a = 1;" }, { name: 'b.js', source: "import { a } from './a.js';\nexport const b = 1;" }]), /cycle/);
    assert.throws(() => joinModules([{ name: 'a.js', source: 'export default 1;' }]), /unsupported/);
  });

  test('the real page joins into one script that compiles', () => {
    const js = buildPageBundle(new URL('../../visualize/page/', import.meta.url));
    assert.doesNotThrow(() => new vm.Script(js, { filename: 'bundle.js' }));
  });
});
