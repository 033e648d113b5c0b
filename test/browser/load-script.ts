/**
 * Scripted records for load tests and the inspector benchmark: what the
 * inspector publishes for many C-STORE associations, and a publisher that
 * interleaves them so the associations overlap.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ActionId, EventId, StateId } from '../../machines/upper-layer/state-table.js';
import type { InspectorHub } from '../../visualize/hub.js';
import type { RecordBody } from '../../visualize/protocol.js';

const t = (assoc: string, from: StateId, to: StateId, evt: EventId, ...acts: ActionId[]): RecordBody => ({ kind: 'transition', assoc, from, to, evt, acts });

/** What the inspector publishes for one acceptor association that stores `n` CT images and releases. */
export function storeAssociation(i: number, n: number): RecordBody[] {
  const a = `assoc-${i}`;
  const peer = `10.1.${i >> 8}.${i & 255}:${40000 + i}`;
  const calling = `MODALITY_${String(i).padStart(3, '0')}`;
  const out: RecordBody[] = [
    { kind: 'actor', assoc: a, role: 'acceptor', status: 'active', peer },
    t(a, 'Sta1', 'Sta2', 'Evt5', 'AE-5'),
    { kind: 'actor', assoc: a, role: 'acceptor', status: 'active', peer, callingAE: calling, calledAE: 'STORESCP' },
    {
      kind: 'pdu', assoc: a, dir: 'in', pduType: 'A-ASSOCIATE-RQ', len: 9615,
      summary: `${calling} → STORESCP · 128 presentation contexts: CT Image Storage ×2, MR Image Storage ×2, … +60 more · max PDU 16384`,
      detail: {
        callingAE: calling, calledAE: 'STORESCP', maxLength: 16384,
        contexts: Array.from({ length: 128 }, (_, k) => ({ id: 2 * k + 1, abstractSyntax: `Storage class ${k >> 1}`, transferSyntaxes: ['Explicit VR Little Endian', 'Implicit VR Little Endian'] })),
        roleSelections: [],
      },
    },
    t(a, 'Sta2', 'Sta3', 'Evt6', 'AE-6'),
    {
      kind: 'pdu', assoc: a, dir: 'out', pduType: 'A-ASSOCIATE-AC', len: 4015,
      summary: `${calling} → STORESCP · 128 of 128 accepted: CT Image Storage (Explicit VR Little Endian), … · max PDU 1048576`,
      detail: {
        callingAE: calling, calledAE: 'STORESCP', maxLength: 1048576,
        contexts: Array.from({ length: 128 }, (_, k) => ({ id: 2 * k + 1, abstractSyntax: `Storage class ${k >> 1}`, result: 'acceptance', accepted: true, transferSyntax: 'Explicit VR Little Endian' })),
        roleSelections: [],
      },
    },
    t(a, 'Sta3', 'Sta6', 'Evt7', 'AE-7'),
  ];
  for (let m = 1; m <= n; m++) {
    out.push({ kind: 'dimse', assoc: a, dir: 'in', command: 'C-STORE-RQ', messageId: m, sopClass: 'CT Image Storage', datasetBytes: 38_732, pdus: 2, pduBytes: 38_898, summary: 'priority MEDIUM' });
    out.push({ kind: 'dimse', assoc: a, dir: 'out', command: 'C-STORE-RSP', messageId: m, sopClass: 'CT Image Storage', status: '0000 Success', pdus: 1, pduBytes: 154, summary: `responds to #${m}` });
    if (m % 5 === 0) out.push({ kind: 'stats', assoc: a, pdus: 15, bytes: 5 * 39_052 });
  }
  out.push(
    { kind: 'pdu', assoc: a, dir: 'in', pduType: 'A-RELEASE-RQ', len: 10, summary: 'release request' },
    t(a, 'Sta6', 'Sta8', 'Evt12', 'AR-2'),
    { kind: 'pdu', assoc: a, dir: 'out', pduType: 'A-RELEASE-RP', len: 10, summary: 'release response' },
    t(a, 'Sta8', 'Sta13', 'Evt14', 'AR-4'),
    t(a, 'Sta13', 'Sta1', 'Evt17', 'AR-5'),
    {
      kind: 'actor', assoc: a, role: 'acceptor', status: 'done', peer, ending: 'release', callingAE: calling, calledAE: 'STORESCP',
      bytesIn: 9615 + n * 38_898 + 10, bytesOut: 4015 + n * 154 + 10, dimseMessages: 2 * n,
    },
  );
  return out;
}

/** Records of `streams` published round-robin, `perTick` at a time every `tickMs`, so the associations overlap. */
export async function interleave(hub: InspectorHub, streams: RecordBody[][], perTick: number, tickMs: number): Promise<number> {
  const cursors = streams.map(() => 0);
  let published = 0;
  let live = streams.length;
  while (live > 0) {
    for (let k = 0; k < perTick && live > 0; ) {
      live = 0;
      for (let s = 0; s < streams.length && k < perTick; s++) {
        if (cursors[s]! >= streams[s]!.length) continue;
        hub.publish(streams[s]![cursors[s]!++]!);
        published++;
        k++;
      }
      for (let s = 0; s < streams.length; s++) if (cursors[s]! < streams[s]!.length) live++;
    }
    await sleep(tickMs);
  }
  return published;
}

