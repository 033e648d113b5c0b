import type { InspectionEvent } from 'xstate';
import type { Association, AssociationObserver } from '../machines/association.js';
import type { ActionId, EventId, StateId } from '../machines/upper-layer/state-table.js';
import { decodePdu } from '../transport/pdu-codec.js';
import { PDU_NAMES, type Pdu } from '../transport/pdu-types.js';
import type { CommandSet } from '../services/dimse/command-set.js';
import { commandName } from '../services/dimse/commands.js';
import type { DimseObserver } from '../services/dimse/provider.js';
import { statusText } from '../services/dimse/status.js';
import { uidName } from '../services/registry/uids.js';
import type { InspectorHub } from './hub.js';
import { summarizePdu } from './pdu-summary.js';

/** P-DATA traffic is folded into one stats record per association at most this often, ms. */
const STATS_EVERY_MS = 250;

/**
 * Maps XState inspection events of association actors to inspector records,
 * explicitly, field by field (never by stringifying events or Buffers). The
 * only file that knows XState's inspection event names. One `transition`
 * record per Table 9-10 cell taken, with the actions run; P-DATA self
 * transitions (DT-2, AR-6, DT-1, AR-7) are folded into `stats` records.
 */
export class Inspector {
  private readonly pending = new Map<string, { evt: string; acts: ActionId[] }>();
  private readonly prev = new Map<string, StateId>();
  private readonly stats = new Map<string, { pdus: number; bytes: number; timer: NodeJS.Timeout | null }>();

  constructor(private readonly hub: InspectorHub) {}

  /** The `inspect` option for association actors. */
  readonly inspect = (ev: InspectionEvent): void => {
    const id = (ev.actorRef as { id?: string }).id ?? '';
    if (!id.startsWith('assoc-') || id.includes('/')) return; // Upper Layer actors only
    switch (ev.type) {
      case '@xstate.event':
        this.pending.set(id, { evt: ev.event.type, acts: [] });
        return;
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
        if (!p || !from || !p.evt.startsWith('Evt')) return;
        if (from === to && p.acts.length === 1 && (p.acts[0] === 'DT-2' || p.acts[0] === 'AR-6' || p.acts[0] === 'DT-1' || p.acts[0] === 'AR-7')) return;
        if (p.acts.length === 0) return; // blank cell: logged by the association
        this.hub.publish({ kind: 'transition', assoc: id, from, to, evt: p.evt as EventId, acts: p.acts });
        return;
      }
      case '@xstate.actor':
        this.prev.set(id, 'Sta1');
        return;
    }
  };

  /** The association observer: PDU records, P-DATA stats, the actor's start and end. */
  observer(): AssociationObserver {
    return {
      pdu: (assoc, dir, pdu, len, raw) => this.pdu(assoc, dir, pdu, len, raw),
      ended: (assoc) => this.ended(assoc),
    };
  }

  started(assoc: Association, role: 'acceptor' | 'requestor'): void {
    this.hub.publish({ kind: 'actor', assoc: assoc.id, role, status: 'active', peer: assoc.remoteAddress });
  }

  /** DIMSE records for one association. */
  dimse(assoc: Association): DimseObserver {
    return (dir, _pcId, cmd, datasetBytes) => {
      this.hub.publish({
        kind: 'dimse', assoc: assoc.id, dir, command: commandName(cmd.CommandField), messageId: Number(cmd.MessageID ?? cmd.MessageIDBeingRespondedTo ?? 0),
        ...(cmd.AffectedSOPClassUID ? { sopClass: uidName(String(cmd.AffectedSOPClassUID)) } : {}),
        ...(cmd.Status !== undefined ? { status: statusText(Number(cmd.Status)) } : {}),
        ...(datasetBytes ? { datasetBytes } : {}),
        summary: dimseSummary(cmd),
      });
    };
  }

  private pdu(assoc: Association, dir: 'in' | 'out', pdu: Pdu | null, len: number, raw?: Buffer): void {
    const type = pdu ? pdu.type : PDU_NAMES[raw?.[0] ?? 0] ?? 'unknown';
    if (type === 'P-DATA-TF') return this.countPData(assoc.id, len);
    if (!pdu && raw) {
      try {
        pdu = decodePdu(raw);
      } catch {
        return;
      }
    }
    if (!pdu) return;
    const { summary, detail } = summarizePdu(pdu, assoc.associateRq ?? undefined);
    this.hub.publish({ kind: 'pdu', assoc: assoc.id, dir, pduType: type, len, summary, ...(detail ? { detail } : {}) });
  }

  private countPData(id: string, len: number): void {
    let s = this.stats.get(id);
    if (!s) this.stats.set(id, (s = { pdus: 0, bytes: 0, timer: null }));
    s.pdus++;
    s.bytes += len;
    if (!s.timer) s.timer = setTimeout(() => this.flushStats(id), STATS_EVERY_MS).unref();
  }

  private flushStats(id: string): void {
    const s = this.stats.get(id);
    if (!s) return;
    if (s.timer) clearTimeout(s.timer);
    s.timer = null;
    if (s.pdus > 0) this.hub.publish({ kind: 'stats', assoc: id, pdus: s.pdus, bytes: s.bytes });
    s.pdus = 0;
    s.bytes = 0;
  }

  private ended(assoc: Association): void {
    this.flushStats(assoc.id);
    this.stats.delete(assoc.id);
    // The final snapshot (→ Sta1) is inspected after subscribers ran: forget the actor only then.
    setImmediate(() => {
      this.prev.delete(assoc.id);
      this.pending.delete(assoc.id);
    });
    const rq = assoc.associateRq;
    this.hub.publish({
      kind: 'actor', assoc: assoc.id, role: assoc.isRequestor ? 'requestor' : 'acceptor', status: 'done', peer: assoc.remoteAddress,
      ending: assoc.ending || 'transport closed', bytesIn: assoc.bytesIn, bytesOut: assoc.bytesOut,
      ...(rq ? { callingAE: rq.callingAETitle, calledAE: rq.calledAETitle } : {}),
    });
  }
}

function dimseSummary(cmd: CommandSet): string {
  const parts = [commandName(cmd.CommandField)];
  if (cmd.MessageID !== undefined) parts.push(`id ${cmd.MessageID}`);
  if (cmd.MessageIDBeingRespondedTo !== undefined) parts.push(`re ${cmd.MessageIDBeingRespondedTo}`);
  if (cmd.AffectedSOPClassUID) parts.push(uidName(String(cmd.AffectedSOPClassUID)));
  if (cmd.Status !== undefined) parts.push(statusText(Number(cmd.Status)));
  return parts.join(', ');
}
