/**
 * PS3.8 Table 9-10 over real sockets: for each cell whose event comes from the
 * network (cell-coverage.ts: SOCKET_CELLS, 102 cells; the other 21 are driven
 * only by table-cells.test.ts), a scripted raw-socket peer drives a netdicom
 * association into the cell's state, delivers the event, and the transition
 * the Inspector records (from, evt, acts, to) must equal the independent
 * fixture transcribed from dcmtk. The answer on the wire is checked too.
 *
 * How each state is reached:
 *   acceptor (SCP, 127.0.0.1:0, cEchoScp + a held service)
 *     Sta2  connect, send nothing (ARTIM 500 ms for Evt18)
 *     Sta3  A-ASSOCIATE-RQ with a User Identity: the async identity check holds it
 *     Sta6  A-ASSOCIATE-RQ → A-ASSOCIATE-AC
 *     Sta8  C-ECHO-RQ to the held service, then A-RELEASE-RQ: the release answer waits for it
 *     Sta7  (acceptor) the SCP's own A-RELEASE request, `server.associations.get(id).release()`
 *     Sta10 from Sta7 (acceptor), the peer's A-RELEASE-RQ (collision)
 *     Sta12 from Sta10, A-RELEASE-RP and the event in one write (Sta12 lasts one tick)
 *     Sta13 after A-RELEASE-RP (AR-4) the peer keeps the connection open (ARTIM 500 ms for Evt18)
 *   requestor (SCU → scripted acceptor)
 *     Sta4  connecting (Evt2), or connecting to a port nobody listens on (Evt17)
 *     Sta5  the A-ASSOCIATE-RQ has arrived at the peer
 *     Sta7  after A-ASSOCIATE-AC, `release()`
 *     Sta9  from Sta7, A-RELEASE-RQ and the event in one write (Sta9 lasts one tick)
 *     Sta11 from Sta7, A-RELEASE-RQ → our A-RELEASE-RP (AR-9)
 *
 * The inspector leaves P-DATA self-transitions (DT-2 in Sta6, AR-6 in Sta7)
 * out of its transition records; those two cells are observed as the DIMSE
 * record of the message they delivered plus the next transition starting
 * from the same state.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { DimseRecord } from '../../visualize/protocol.js';
import { freePort } from '../helpers/dcmtk.js';
import { abortOf, describe, dimse, echoRqPData, pdu, rejectOf, ScriptedPeer, type ReceivedPdu } from '../helpers/scripted-peer.js';
import { SOCKET_CELLS } from './cell-coverage.js';
import { HELD_SOP_CLASS, RQ_CONTEXTS, scuEntity, startScp, type Recorder } from './harness.js';

type Side = 'acceptor' | 'requestor';

/** An association driven into a state: our side's recorder and id, and the scripted peer. */
interface Run {
  side: Side;
  rec: Recorder;
  assoc: string;
  peer: ScriptedPeer;
  /** Set when the state lasts one tick: the event must go in the same write as this PDU. */
  coalesceWith?: Buffer;
}

const SMALL_ARTIM = 500;
const VERIFICATION_CONTEXT = [{ abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: ['1.2.840.10008.1.2'] }];

/** The bytes of a PDU event sent to our side. */
function eventBytes(evt: string, side: Side): Buffer {
  switch (evt) {
    case 'Evt3': return pdu.associateAc();
    case 'Evt4': return pdu.associateRj(1, 1, 1);
    case 'Evt6': return pdu.associateRq({ contexts: RQ_CONTEXTS });
    case 'Evt10':
      return side === 'acceptor' ? echoRqPData(1, 7) : pdu.pData([{ pcId: 1, command: true, last: true, data: dimse.cEchoRsp(99) }]);
    case 'Evt12': return pdu.releaseRq();
    case 'Evt13': return pdu.releaseRp();
    case 'Evt16': return pdu.abort(0, 0);
    case 'Evt19': return pdu.unknownType(0x08);
    default: throw new Error(`${evt} is not a PDU event`);
  }
}

function deliver(run: Run, evt: string): void {
  if (evt === 'Evt17') return run.peer.end();
  if (evt === 'Evt18') return; // ARTIM runs out by itself
  const bytes = eventBytes(evt, run.side);
  run.peer.send(...(run.coalesceWith ? [run.coalesceWith, bytes] : [bytes]));
}

// ---------------------------------------------------------------- acceptor states

async function scpRun(t: TestContext, artimMs?: number): Promise<Run> {
  const scp = await startScp(t, artimMs ? { artimMs } : {});
  const peer = await ScriptedPeer.connect(scp.port);
  t.after(() => peer.destroy());
  const assoc = await scp.association('acceptor');
  await scp.reached(assoc, 'Sta2');
  return { side: 'acceptor', rec: scp, assoc, peer, scp } as Run & { scp: typeof scp };
}

async function acceptorSta6(t: TestContext, artimMs?: number): Promise<Run> {
  const run = await scpRun(t, artimMs);
  await run.peer.associate({ contexts: RQ_CONTEXTS });
  await run.rec.reached(run.assoc, 'Sta6');
  return run;
}

async function acceptorSta7(t: TestContext): Promise<Run> {
  const run = (await acceptorSta6(t)) as Run & { scp: Awaited<ReturnType<typeof startScp>> };
  run.scp.server.associations.get(run.assoc)!.release(); // Evt11: AR-1, a release requested by the acceptor
  await run.peer.expect('A-RELEASE-RQ');
  await run.rec.reached(run.assoc, 'Sta7');
  return run;
}

async function acceptorSta10(t: TestContext): Promise<Run> {
  const run = await acceptorSta7(t);
  run.peer.send(pdu.releaseRq());
  await run.rec.reached(run.assoc, 'Sta10');
  return run;
}

// ---------------------------------------------------------------- requestor states

async function scuRun(t: TestContext): Promise<Run & { client: Promise<unknown> }> {
  const { ae, rec } = scuEntity();
  const listener = await ScriptedPeer.listen();
  t.after(() => listener.close());
  const client = ae.associate({ host: '127.0.0.1', port: listener.port, calledAETitle: 'SCRIPTED', contexts: VERIFICATION_CONTEXT });
  client.catch(() => {}); // failures are the point of most of these tests
  const peer = await listener.accept();
  t.after(() => peer.destroy());
  const assoc = await rec.association('requestor');
  await peer.expect('A-ASSOCIATE-RQ');
  await rec.reached(assoc, 'Sta5');
  return { side: 'requestor', rec, assoc, peer, client };
}

async function requestorSta7(t: TestContext): Promise<Run> {
  const run = await scuRun(t);
  run.peer.send(pdu.associateAc());
  const scu = (await run.client) as { release(): Promise<void> };
  scu.release().catch(() => {});
  await run.peer.expect('A-RELEASE-RQ');
  await run.rec.reached(run.assoc, 'Sta7');
  return run;
}

/** Each state reachable from the network, keyed by state (and branch where the cell has two). */
const REACH: Record<string, (t: TestContext, evt: string) => Promise<Run>> = {
  Sta2: (t, evt) => scpRun(t, evt === 'Evt18' ? SMALL_ARTIM : undefined),
  Sta3: async (t) => {
    const run = await scpRun(t);
    run.peer.send(pdu.associateRq({ contexts: RQ_CONTEXTS, userIdentity: { username: 'held' } }));
    await run.rec.reached(run.assoc, 'Sta3');
    return run;
  },
  Sta5: (t) => scuRun(t),
  Sta6: (t) => acceptorSta6(t),
  Sta7: (t) => requestorSta7(t),
  'Sta7/acceptor': (t) => acceptorSta7(t),
  Sta8: async (t) => {
    const run = await acceptorSta6(t);
    run.peer.send(echoRqPData(3, 5, HELD_SOP_CLASS));
    run.peer.send(pdu.releaseRq());
    await run.rec.reached(run.assoc, 'Sta8');
    return run;
  },
  Sta9: async (t) => ({ ...(await requestorSta7(t)), coalesceWith: pdu.releaseRq() }),
  Sta10: (t) => acceptorSta10(t),
  Sta11: async (t) => {
    const run = await requestorSta7(t);
    run.peer.send(pdu.releaseRq());
    await run.peer.expect('A-RELEASE-RP'); // AR-9
    await run.rec.reached(run.assoc, 'Sta11');
    return run;
  },
  Sta12: async (t) => ({ ...(await acceptorSta10(t)), coalesceWith: pdu.releaseRp() }),
  Sta13: async (t, evt) => {
    const run = await acceptorSta6(t, evt === 'Evt18' ? SMALL_ARTIM : undefined);
    run.peer.send(pdu.releaseRq());
    await run.peer.expect('A-RELEASE-RP'); // AR-2, AR-4: now Sta13, and the peer never closes
    await run.rec.reached(run.assoc, 'Sta13');
    return run;
  },
};

/** Checks what our side put on the wire (or did to the connection) for the action taken. */
async function checkWire(run: Run, evt: string, act: string, to: string): Promise<void> {
  const next = () => run.peer.next();
  const abort = (p: ReceivedPdu, source: number, reason: number) => {
    assert.equal(p.name, 'A-ABORT', `expected A-ABORT, received ${describe(p)}`);
    assert.deepEqual(abortOf(p), { source, reason });
  };
  switch (act) {
    case 'AA-1': return abort(await next(), 0, 0); // service-user source (PS3.8 Table 9-9)
    case 'AA-7': return abort(await next(), 2, 2); // unexpected-PDU
    case 'AA-8': return abort(await next(), 2, evt === 'Evt19' ? 1 : 2); // unrecognized-PDU / unexpected-PDU
    case 'AE-6': {
      const p = await next();
      if (to === 'Sta3') return assert.equal(p.name, 'A-ASSOCIATE-AC'); // then AE-7
      assert.equal(p.name, 'A-ASSOCIATE-RJ', describe(p));
      return assert.deepEqual(rejectOf(p), { result: 1, source: 2, reason: 2 }); // protocol-version-not-supported
    }
    case 'AE-2': return void (await run.peer.expect('A-ASSOCIATE-RQ'));
    case 'AR-2': // then AR-4
    case 'AR-10': // then AR-4 in Sta12
      return void (await run.peer.expect('A-RELEASE-RP'));
    case 'AR-8':
      if (to === 'Sta9') await run.peer.expect('A-RELEASE-RP'); // then AR-9
      return;
    case 'DT-2': return void (await run.peer.expect('P-DATA-TF')); // the C-ECHO-RSP
    case 'AE-4':
    case 'AA-2':
    case 'AA-3':
    case 'AR-3':
      return run.peer.expectClosed(); // we closed the transport
    default:
      return; // AE-3, AE-5, AR-6, AA-4, AA-5, AA-6, AR-5: nothing on the wire
  }
}

/** The observed cell of a P-DATA self-transition (left out of the transition records). */
async function observeDataCell(run: Run, state: string, act: string): Promise<{ from: string; evt: string; acts: string[]; to: string }> {
  const command = run.side === 'acceptor' ? 'C-ECHO-RQ' : 'C-ECHO-RSP';
  await run.rec.waitFor(
    (r): r is DimseRecord => r.kind === 'dimse' && r.assoc === run.assoc && r.dir === 'in' && r.command === command,
    `the ${command} delivered by ${act}`,
  );
  await checkWire(run, 'Evt10', act, state);
  // The state did not change: the next event is taken from the same state.
  const probe = run.side === 'acceptor' ? 'Evt12' : 'Evt13';
  deliver(run, probe);
  const after = await run.rec.cell(run.assoc, state, probe);
  assert.ok(!run.rec.transitions(run.assoc).some((r) => r.evt === 'Evt10'), 'no transition record on Evt10');
  return { from: state, evt: 'Evt10', acts: [act], to: after.from };
}

/** Ends the association (if the cell did not) and waits until it is gone. */
async function finish(run: Run): Promise<void> {
  run.peer.destroy();
  await run.rec.ended(run.assoc);
}

interface Case {
  name: string;
  reach: (t: TestContext) => Promise<Run>;
  /** Bytes to send instead of the plain event (AE-6 branch). */
  evt: string;
  state: string;
  act: string;
  to: string;
  variant?: (run: Run) => void;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [evt, state, act, next] of SOCKET_CELLS) {
    const base = { evt, state, act };
    if (state === 'Sta1') continue; // Evt5, below
    if (state === 'Sta4') continue; // Evt2, Evt17, below
    if (act === 'AE-6') {
      out.push({ ...base, to: 'Sta3', name: `${state} + ${evt} (acceptable) → AE-6 → Sta3`, reach: (t) => REACH[state]!(t, evt) });
      out.push({
        ...base, to: 'Sta13', name: `${state} + ${evt} (protocol version 2) → AE-6 → Sta13`, reach: (t) => REACH[state]!(t, evt),
        variant: (run) => run.peer.send(pdu.associateRq({ protocolVersion: 2 })),
      });
    } else if (act === 'AR-8') {
      out.push({ ...base, to: 'Sta9', name: `${state} + ${evt} (requestor) → AR-8 → Sta9`, reach: (t) => REACH[state]!(t, evt) });
      out.push({ ...base, to: 'Sta10', name: `${state} + ${evt} (acceptor) → AR-8 → Sta10`, reach: (t) => REACH['Sta7/acceptor']!(t, evt) });
    } else {
      out.push({ ...base, to: next, name: `${state} + ${evt} → ${act} → ${next}`, reach: (t) => REACH[state]!(t, evt) });
    }
  }
  return out;
}

/** Cells whose test passed, checked against SOCKET_CELLS by the last test. */
const driven = new Set<string>();

for (const c of cases()) {
  test(`${c.name} (over TCP)`, { timeout: 20_000 }, async (t) => {
    const run = await c.reach(t);
    let observed: { from: string; evt: string; acts: string[]; to: string };
    if (c.act === 'DT-2' || c.act === 'AR-6') {
      deliver(run, c.evt);
      observed = await observeDataCell(run, c.state, c.act);
    } else {
      if (c.variant) c.variant(run);
      else deliver(run, c.evt);
      const r = await run.rec.cell(run.assoc, c.state, c.evt);
      observed = { from: r.from, evt: r.evt, acts: r.acts, to: r.to };
      await checkWire(run, c.evt, c.act, c.to);
    }
    assert.deepEqual(observed, { from: c.state, evt: c.evt, acts: [c.act], to: c.to });
    driven.add(`${c.evt}/${c.state}`);
    await finish(run);
  });
}

test('Sta1 + Evt5 → AE-5 → Sta2 (over TCP)', async (t) => {
  const scp = await startScp(t);
  const peer = await ScriptedPeer.connect(scp.port);
  t.after(() => peer.destroy());
  const assoc = await scp.association('acceptor');
  const r = await scp.cell(assoc, 'Sta1', 'Evt5');
  assert.deepEqual({ from: r.from, evt: r.evt, acts: r.acts, to: r.to }, { from: 'Sta1', evt: 'Evt5', acts: ['AE-5'], to: 'Sta2' });
  driven.add('Evt5/Sta1');
  peer.destroy();
  await scp.ended(assoc);
});

test('Sta4 + Evt2 → AE-2 → Sta5 (over TCP)', async (t) => {
  const run = await scuRun(t); // the peer has received the A-ASSOCIATE-RQ
  const r = await run.rec.cell(run.assoc, 'Sta4', 'Evt2');
  assert.deepEqual({ from: r.from, evt: r.evt, acts: r.acts, to: r.to }, { from: 'Sta4', evt: 'Evt2', acts: ['AE-2'], to: 'Sta5' });
  driven.add('Evt2/Sta4');
  await finish(run);
});

test('Sta4 + Evt17 (connection refused) → AA-4 → Sta1 (over TCP)', async () => {
  const { ae, rec } = scuEntity();
  const port = await freePort(); // nothing listens there
  await assert.rejects(ae.associate({ host: '127.0.0.1', port, contexts: VERIFICATION_CONTEXT }), (err: Error) => err.name === 'ConnectError');
  const assoc = await rec.association('requestor');
  const r = await rec.cell(assoc, 'Sta4', 'Evt17');
  assert.deepEqual({ from: r.from, evt: r.evt, acts: r.acts, to: r.to }, { from: 'Sta4', evt: 'Evt17', acts: ['AA-4'], to: 'Sta1' });
  driven.add('Evt17/Sta4');
  await rec.ended(assoc);
});

test('every one of the SOCKET_CELLS was driven over TCP and matched the fixture', () => {
  assert.deepEqual([...driven].sort(), SOCKET_CELLS.map(([e, s]) => `${e}/${s}`).sort());
});
