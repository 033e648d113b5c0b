import type { InspectionEvent } from 'xstate';
import type { Association, AssociationObserver } from '../machines/association.js';
import type { ActionId, EventId, StateId } from '../machines/upper-layer/state-table.js';
import { decodePdu } from '../transport/pdu-codec.js';
import { PDU_NAMES, type AssociateRqPdu, type Pdu } from '../transport/pdu-types.js';
import { NO_DATASET, type CommandSet } from '../services/dimse/command-set.js';
import { commandName } from '../services/dimse/commands.js';
import type { DimseObserver } from '../services/dimse/provider.js';
import { statusText } from '../services/dimse/status.js';
import { uidName } from '../services/registry/uids.js';
import type { InspectorHub } from './hub.js';
import type { ActorRecord, DimseRecord, RecordBody } from './protocol.js';
import { abortWords, rejectWords, summarizePdu } from './pdu-summary.js';
import { trustedDetail } from './wire.js';

/** P-DATA traffic is folded into one stats record per association at most this often, ms. */
const STATS_EVERY_MS = 250;

/** Events a received PDU other than P-DATA-TF becomes (PS3.8 Table 9-10): its record is published when the machine takes it. */
const PDU_EVENTS: ReadonlySet<string> = new Set(['Evt3', 'Evt4', 'Evt6', 'Evt12', 'Evt13', 'Evt16', 'Evt19']);

type Dir = 'in' | 'out';
type DimseBody = Omit<DimseRecord, 'v' | 'seq' | 'ts'>;

/**
 * The P-DATA of one DIMSE message in one direction, counted from PDV headers
 * (PS3.8 Annex E.2: bit 0 command/data, bit 1 last fragment). A message ends
 * with the last data fragment, or with the last command fragment when its
 * command says there is no data set; a command fragment after a finished
 * command or data set starts the next message.
 */
interface Message {
  pdus: number;
  bytes: number;
  datasetBytes: number;
  /** Last PDV seen: none yet, command fragment, last command fragment, data fragment, last data fragment. */
  phase: 'none' | 'cmd' | 'cmdLast' | 'data' | 'dataLast';
  /** The DIMSE record, once the provider reported the command. */
  record?: DimseBody;
  hasDataset?: boolean;
}

/** What the inspector remembers about one association while it lives. */
interface Watch {
  id: string;
  role: 'acceptor' | 'requestor';
  peer: string;
  rq?: AssociateRqPdu;
  dimse: number;
  messages: Record<Dir, Message[]>;
  /** Received non-P-DATA PDU records, waiting for the machine to take their event. */
  inbound: RecordBody[];
  /** How it ended, in words, from the first A-ASSOCIATE-RJ or A-ABORT PDU seen. */
  ending?: string;
  stats: { pdus: number; bytes: number; timer: NodeJS.Timeout | null };
  /** The actor's done record, published after the final transition (→ Sta1). */
  done?: RecordBody;
}

/**
 * Maps XState inspection events of association actors, PDUs and DIMSE
 * messages to inspector records, explicitly, field by field (never by
 * stringifying events or Buffers). The only file that knows XState's
 * inspection event names.
 *
 * - One `transition` record per Table 9-10 cell taken, with the actions run;
 *   P-DATA self transitions (DT-1, DT-2, AR-6, AR-7) are left out.
 * - One `pdu` record per PDU other than P-DATA-TF; a received one is
 *   published when the machine takes its event, so the timeline keeps the
 *   order in which the association acted on what it read.
 * - One `dimse` record per DIMSE message, published once its P-DATA is
 *   complete, with the P-DATA-TF PDUs and bytes that carried it.
 * - `stats` records: P-DATA traffic at most every 250 ms (progress of long messages).
 * - `actor` records: start; an update once the A-ASSOCIATE-RQ names the AE
 *   titles; done, with how it ended in the standard's words, socket bytes and
 *   the number of DIMSE messages.
 */
export class Inspector {
  private readonly pending = new Map<string, { evt: string; acts: ActionId[] }>();
  private readonly prev = new Map<string, StateId>();
  private readonly watches = new Map<string, Watch>();

  constructor(private readonly hub: InspectorHub) {}

  /** The `inspect` option for association actors. */
  readonly inspect = (ev: InspectionEvent): void => {
    const id = (ev.actorRef as { id?: string }).id ?? '';
    if (!id.startsWith('assoc-') || id.includes('/')) return; // Upper Layer actors only
    switch (ev.type) {
      case '@xstate.event': {
        const type = ev.event.type;
        this.pending.set(id, { evt: type, acts: [] });
        if (PDU_EVENTS.has(type)) {
          const w = this.watches.get(id);
          const rec = w?.inbound.shift();
          if (rec) this.hub.publish(rec);
        }
        return;
      }
      case '@xstate.action': {
        if (ev.action.type === 'ul') this.pending.get(id)?.acts.push((ev.action.params as { act: ActionId }).act);
        return;
      }
      case '@xstate.snapshot': {
        const to = (ev.snapshot as { value?: unknown }).value as StateId;
        const p = this.pending.get(id);
        this.pending.delete(id);
        const from = this.prev.get(id);
        this.prev.set(id, to);
        if (p && from && p.evt.startsWith('Evt') && p.acts.length > 0 && !(from === to && isDataCell(p.acts))) {
          this.hub.publish({ kind: 'transition', assoc: id, from, to, evt: p.evt as EventId, acts: p.acts });
        }
        if (to === 'Sta1') this.publishDone(id);
        return;
      }
      case '@xstate.actor':
        this.prev.set(id, 'Sta1');
        return;
    }
  };

  /** The association observer: PDU records, P-DATA accounting, the actor's end. */
  observer(): AssociationObserver {
    return {
      pdu: (assoc, dir, pdu, len, raw) => this.pdu(assoc, dir, pdu, len, raw),
      ended: (assoc) => this.ended(assoc),
    };
  }

  started(assoc: Association, role: 'acceptor' | 'requestor'): void {
    const peer = assoc.remoteAddress;
    this.watches.set(assoc.id, {
      id: assoc.id, role, peer, dimse: 0, messages: { in: [], out: [] }, inbound: [], stats: { pdus: 0, bytes: 0, timer: null },
    });
    this.hub.publish({ kind: 'actor', assoc: assoc.id, role, status: 'active', peer });
  }

  /** DIMSE records for one association. */
  dimse(assoc: Association): DimseObserver {
    return (dir, _pcId, cmd, datasetBytes) => {
      const w = this.watch(assoc);
      w.dimse++;
      const record: DimseBody = {
        kind: 'dimse', assoc: assoc.id, dir, command: commandName(cmd.CommandField), messageId: Number(cmd.MessageID ?? cmd.MessageIDBeingRespondedTo ?? 0),
        ...(cmd.AffectedSOPClassUID ? { sopClass: uidName(String(cmd.AffectedSOPClassUID)) } : {}),
        ...(cmd.Status !== undefined ? { status: statusText(Number(cmd.Status)) } : {}),
        ...(datasetBytes ? { datasetBytes } : {}),
        summary: dimseSummary(cmd),
      };
      const queue = w.messages[dir];
      let m = queue.find((x) => !x.record);
      if (!m) queue.push((m = newMessage()));
      m.record = record;
      m.hasDataset = cmd.CommandDataSetType === undefined ? datasetBytes > 0 : Number(cmd.CommandDataSetType) !== NO_DATASET;
      this.settle(w, dir);
    };
  }

  private watch(assoc: Association): Watch {
    let w = this.watches.get(assoc.id);
    if (!w) {
      w = { id: assoc.id, role: assoc.isRequestor ? 'requestor' : 'acceptor', peer: assoc.remoteAddress, dimse: 0, messages: { in: [], out: [] }, inbound: [], stats: { pdus: 0, bytes: 0, timer: null } };
      this.watches.set(assoc.id, w);
    }
    return w;
  }

  private pdu(assoc: Association, dir: Dir, pdu: Pdu | null, len: number, raw?: Buffer): void {
    const w = this.watch(assoc);
    const type = pdu ? pdu.type : PDU_NAMES[raw?.[0] ?? 0] ?? 'unknown';
    if (type === 'P-DATA-TF') return this.pData(w, dir, len, pdu?.type === 'P-DATA-TF' ? pdu : undefined, raw);
    if (!pdu && raw) {
      try {
        pdu = decodePdu(raw);
      } catch {
        return;
      }
    }
    if (!pdu) return;
    if (pdu.type === 'A-ASSOCIATE-RQ') this.associateRq(assoc, w, pdu);
    if (pdu.type === 'A-ASSOCIATE-RJ' && !w.ending) w.ending = `A-ASSOCIATE-RJ ${dir === 'in' ? 'received' : 'sent'}: ${rejectWords(pdu.result, pdu.source, pdu.reason)}`;
    if (pdu.type === 'A-ABORT' && !w.ending) w.ending = `A-ABORT ${dir === 'in' ? 'received' : 'sent'}: ${abortWords(pdu.source, pdu.reason)}`;
    const { summary, detail } = summarizePdu(pdu, w.rq);
    const rec: RecordBody = { kind: 'pdu', assoc: assoc.id, dir, pduType: type, len, summary, ...(detail ? { detail: trustedDetail(detail) } : {}) };
    if (dir === 'in') w.inbound.push(rec);
    else this.hub.publish(rec);
  }

  /** The RQ names the AE titles (and, for a requestor, the socket is open now): the actor record is brought up to date. */
  private associateRq(assoc: Association, w: Watch, rq: AssociateRqPdu): void {
    w.rq = rq;
    w.peer = assoc.remoteAddress || w.peer;
    this.hub.publish({ kind: 'actor', assoc: assoc.id, role: w.role, status: 'active', peer: w.peer, callingAE: rq.callingAETitle, calledAE: rq.calledAETitle });
  }

  /** Counts one P-DATA-TF PDU: into its DIMSE message (from the PDV headers) and into the periodic stats. */
  private pData(w: Watch, dir: Dir, len: number, pdu: Extract<Pdu, { type: 'P-DATA-TF' }> | undefined, raw?: Buffer): void {
    const queue = w.messages[dir];
    let m = queue[queue.length - 1];
    if (!m) queue.push((m = newMessage()));
    let counted = false;
    const pdv = (isCommand: boolean, isLast: boolean, bytes: number): void => {
      if (isCommand && (m!.phase === 'cmdLast' || m!.phase === 'dataLast')) queue.push((m = newMessage()));
      if (!counted) {
        m!.pdus++;
        m!.bytes += len;
        counted = true;
      }
      if (!isCommand) m!.datasetBytes += bytes;
      m!.phase = isCommand ? (isLast ? 'cmdLast' : 'cmd') : isLast ? 'dataLast' : 'data';
    };
    if (pdu) for (const v of pdu.pdvs) pdv(v.isCommand, v.isLast, v.data.length);
    else if (raw) {
      // PS3.8 §9.3.5: items of 4-byte length, presentation context ID, message control header, fragment.
      for (let off = 6; off + 6 <= raw.length; ) {
        const itemLen = raw.readUInt32BE(off);
        const mch = raw[off + 5]!;
        pdv((mch & 1) === 1, (mch & 2) === 2, Math.max(0, itemLen - 2));
        off += 4 + itemLen;
      }
    }
    if (!counted) {
      m.pdus++;
      m.bytes += len;
    }
    this.settle(w, dir);
    this.countStats(w, len);
  }

  /** Publishes the DIMSE records of the messages at the head of the queue whose P-DATA is complete. */
  private settle(w: Watch, dir: Dir): void {
    const queue = w.messages[dir];
    while (queue.length > 0) {
      const m = queue[0]!;
      const closed = queue.length > 1 || m.phase === 'dataLast' || (m.phase === 'cmdLast' && m.hasDataset === false);
      if (!m.record || !closed) return;
      queue.shift();
      this.publishMessage(m, false);
    }
  }

  private publishMessage(m: Message, incomplete: boolean): void {
    const r = m.record!;
    this.hub.publish({
      ...r,
      ...(!r.datasetBytes && m.datasetBytes ? { datasetBytes: m.datasetBytes } : {}),
      pdus: m.pdus,
      pduBytes: m.bytes,
      ...(incomplete ? { incomplete: true } : {}),
    });
  }

  private countStats(w: Watch, len: number): void {
    const s = w.stats;
    s.pdus++;
    s.bytes += len;
    if (!s.timer) s.timer = setTimeout(() => this.flushStats(w), STATS_EVERY_MS).unref();
  }

  private flushStats(w: Watch): void {
    const s = w.stats;
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    if (s.pdus > 0) this.hub.publish({ kind: 'stats', assoc: w.id, pdus: s.pdus, bytes: s.bytes });
    s.pdus = 0;
    s.bytes = 0;
  }

  private ended(assoc: Association): void {
    const w = this.watch(assoc);
    // What is left: received PDUs the machine never took, messages cut short, traffic since the last stats.
    for (const rec of w.inbound.splice(0)) this.hub.publish(rec);
    for (const dir of ['in', 'out'] as const) {
      for (const m of w.messages[dir].splice(0)) if (m.record) this.publishMessage(m, !(m.phase === 'dataLast' || (m.phase === 'cmdLast' && m.hasDataset === false)));
    }
    this.flushStats(w);
    const rq = w.rq ?? assoc.associateRq;
    const ending = endingOf(assoc.ending, w.ending);
    w.done = {
      kind: 'actor', assoc: assoc.id, role: w.role, status: 'done', peer: assoc.remoteAddress || w.peer,
      ending, bytesIn: assoc.bytesIn, bytesOut: assoc.bytesOut, dimseMessages: w.dimse,
      ...(rq ? { callingAE: rq.callingAETitle, calledAE: rq.calledAETitle } : {}),
    } satisfies Omit<ActorRecord, 'v' | 'seq' | 'ts'>;
    // The final snapshot (→ Sta1) is inspected after this: the done record follows its transition record.
    if (this.prev.get(assoc.id) === 'Sta1' && !this.pending.has(assoc.id)) this.publishDone(assoc.id);
    else setImmediate(() => this.publishDone(assoc.id));
  }

  private publishDone(id: string): void {
    const w = this.watches.get(id);
    if (!w?.done) return;
    this.hub.publish(w.done);
    this.watches.delete(id);
    this.prev.delete(id);
    this.pending.delete(id);
  }
}

/**
 * How an association ended, for the done record: "release"; the first
 * A-ASSOCIATE-RJ or A-ABORT PDU in words (PS3.8 Tables 9-21, 9-26), with the
 * provider's own reason when it aborted; else what the association says
 * ("transport closed", "A-P-ABORT: …").
 */
export function endingOf(assocEnding: string, fromPdu: string | undefined): string {
  if (assocEnding === 'release' || !fromPdu) return assocEnding || 'transport closed';
  return assocEnding.startsWith('A-P-ABORT') ? `${fromPdu} (${assocEnding})` : fromPdu;
}

function newMessage(): Message {
  return { pdus: 0, bytes: 0, datasetBytes: 0, phase: 'none' };
}

function isDataCell(acts: readonly ActionId[]): boolean {
  return acts.length === 1 && (acts[0] === 'DT-2' || acts[0] === 'AR-6' || acts[0] === 'DT-1' || acts[0] === 'AR-7');
}

function dimseSummary(cmd: CommandSet): string {
  const parts: string[] = [];
  if (cmd.MessageIDBeingRespondedTo !== undefined) parts.push(`responds to #${cmd.MessageIDBeingRespondedTo}`);
  if (cmd.Priority !== undefined && cmd.CommandField !== 0x0030) parts.push(`priority ${['MEDIUM', 'HIGH', 'LOW'][Number(cmd.Priority)] ?? cmd.Priority}`);
  if (cmd.MoveDestination) parts.push(`move destination ${String(cmd.MoveDestination).trim()}`);
  if (cmd.MoveOriginatorApplicationEntityTitle) parts.push(`originator ${String(cmd.MoveOriginatorApplicationEntityTitle).trim()}`);
  for (const [k, label] of [['NumberOfRemainingSuboperations', 'remaining'], ['NumberOfCompletedSuboperations', 'completed'], ['NumberOfFailedSuboperations', 'failed'], ['NumberOfWarningSuboperations', 'warning']] as const) {
    if (cmd[k] !== undefined) parts.push(`${label} ${cmd[k]}`);
  }
  if (cmd.ErrorComment) parts.push(`error comment "${String(cmd.ErrorComment).trim()}"`);
  return parts.join(', ');
}
