import { createActor, type Actor, type InspectionEvent } from 'xstate';
import type { Logger } from 'pino';
import type { Association } from '../../machines/association.js';
import { AbortReason, AbortSource, NetdicomError } from '../../transport/errors.js';
import type { EncodedPdu } from '../../transport/pdu-codec.js';
import type { PDataTfPdu } from '../../transport/pdu-types.js';
import type { AcceptedContext } from '../acse/negotiate.js';
import { NO_DATASET, type CommandSet } from './command-set.js';
import { CommandField } from './commands.js';
import { DimseProtocolError, MessageAssembler } from './message-assembler.js';
import { MessageWriter } from './message-writer.js';
import { createRouterMachine } from './router.machine.js';
import type { AssociationInfo, DimseService, ServiceOutput } from './service.js';
import { Status } from './status.js';

/**
 * A data set that could not be sent whole: its source failed or came to
 * another length than announced. `aborted`: part of the message had gone
 * out, so the association was aborted (code ERR_ASSOCIATION_ABORTED);
 * otherwise nothing was sent and the association goes on (ERR_DATASET_SOURCE).
 */
export class DatasetSourceError extends NetdicomError {
  constructor(
    why: string,
    readonly aborted: boolean,
  ) {
    super(aborted ? 'ERR_ASSOCIATION_ABORTED' : 'ERR_DATASET_SOURCE', aborted ? `${why}; association aborted (a message begun cannot be withdrawn)` : why);
  }
}

/** A DIMSE message encoded for sending: its command (as sent) and its P-DATA-TF PDUs. */
export interface EncodedMessage {
  pcId: number;
  command: CommandSet;
  datasetBytes: number;
  pdus: EncodedPdu[];
}

/** Told of every DIMSE message in and out (inspector, logs). */
export type DimseObserver = (dir: 'in' | 'out', pcId: number, command: CommandSet, datasetBytes: number) => void;

export interface ProviderOptions {
  assoc: Association;
  info: AssociationInfo;
  contexts: Map<number, AcceptedContext>;
  services: readonly DimseService[];
  /** The peer's Maximum Length, bytes (0 = unlimited). */
  peerMaxLength: number;
  /** Largest command set, and largest data set kept in memory for `buffer` services, bytes. */
  maxCommandBytes: number;
  maxBufferedDataset: number;
  log: Logger;
  inspect?: (ev: InspectionEvent) => void;
  observer?: DimseObserver;
  /** Requestor side: DIMSE responses (CommandField bit 15 set), with their data set if any, go here. */
  onResponse?: (pcId: number, command: CommandSet, dataset?: Buffer) => void;
}

/**
 * The DIMSE service provider of one accepted association (acceptor side):
 * P-DATA indications → message assembler → the router actor, which starts one
 * service actor per request; responses → message writer → P-DATA requests
 * (Evt9). A protocol violation in the PDV stream aborts the association
 * (A-ABORT, source 2, reason 6 invalid-PDU-parameter-value).
 */
export class DimseProvider {
  private readonly assembler: MessageAssembler;
  private readonly writer: MessageWriter;
  private readonly router: Actor<ReturnType<typeof createRouterMachine>>;
  /** The operation whose data set is arriving, and how it is delivered. */
  private incoming: { opId: string; mode: 'stream' | 'buffer' | 'discard'; parts: Buffer[]; bytes: number; start?: () => void } | null = null;
  /** A response whose data set (an identifier) is arriving. */
  private incomingResponse: { pcId: number; command: CommandSet; parts: Buffer[]; bytes: number } | null = null;
  private failed = false;
  /** Requests from the peer not yet answered with a final response. */
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  /** Requests we sent (sub-operations), by Message ID, waiting for their response. */
  private readonly outstanding = new Map<number, (command: CommandSet) => void>();
  private messageId = 0;

  constructor(private readonly o: ProviderOptions) {
    this.writer = new MessageWriter(o.peerMaxLength);
    this.assembler = new MessageAssembler(
      { maxCommandBytes: o.maxCommandBytes, isAcceptedContext: (pc) => o.contexts.has(pc), evenFragments: true },
      { command: (pc, cmd, has) => this.onCommand(pc, cmd, has), data: (pc, chunk, last) => this.onData(pc, chunk, last) },
    );
    const actors = Object.fromEntries(o.services.map((s) => [s.name, s.logic]));
    this.router = createActor(
      createRouterMachine(actors, {
        respond: (id, out) => this.respond(id, out),
        subop: (out) => void this.subop(out),
        pause: () => o.assoc.pauseInput(),
        resume: () => o.assoc.resumeInput(),
      }),
      { id: `${o.info.id}/dimse`, ...(o.inspect ? { inspect: o.inspect } : {}) },
    );
    this.router.subscribe({ error: (err) => this.fail(`DIMSE router failed: ${(err as Error).message}`) });
    this.router.start();
  }

  /** P-DATA indication from the Upper Layer. */
  pData(pdus: PDataTfPdu[]): void {
    if (this.failed) return;
    try {
      this.assembler.push(pdus);
    } catch (err) {
      if (!(err instanceof DimseProtocolError)) throw err;
      this.fail(err.message);
    }
  }

  /** The association is over: stop every service actor (they clean up their temporary files). */
  stop(): void {
    this.router.stop();
    this.settle();
  }

  /**
   * Resolves once every request received so far has its final response sent
   * (at once when none is outstanding), or the provider has stopped. The
   * acceptor waits for this before its A-RELEASE response, so a response
   * still being prepared goes out in Sta8 (AR-7) instead of being lost.
   */
  idle(): Promise<void> {
    if (this.inFlight === 0 || this.failed) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private settle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private onCommand(pcId: number, command: CommandSet, hasDataset: boolean): void {
    const ctx = this.o.contexts.get(pcId)!;
    this.o.observer?.('in', pcId, command, 0);
    if (command.CommandField & 0x8000) {
      const waiting = this.outstanding.get(Number(command.MessageIDBeingRespondedTo));
      if (waiting && !hasDataset) return waiting(command);
      if (!this.o.onResponse) return this.fail(`unexpected ${command.CommandField.toString(16)} response on an acceptor`);
      if (hasDataset) this.incomingResponse = { pcId, command, parts: [], bytes: 0 };
      else this.o.onResponse(pcId, command);
      return;
    }
    if (command.CommandField === CommandField['C-CANCEL-RQ']) {
      const child = this.child(`op-${pcId}-${command.MessageIDBeingRespondedTo}`);
      child?.send({ type: 'CANCEL' });
      return;
    }
    const opId = `op-${pcId}-${command.MessageID}`;
    const service = this.o.services.find((s) => s.commands.includes(command.CommandField) && s.serves(ctx.abstractSyntax));
    if (!service) {
      this.o.log.warn({ command: command.CommandField, sopClass: ctx.abstractSyntax }, 'no service for this request');
      this.refuse(pcId, command);
      if (hasDataset) this.incoming = { opId, mode: 'discard', parts: [], bytes: 0 };
      return;
    }
    const input = {
      opId, assoc: this.o.info, pcId, abstractSyntax: ctx.abstractSyntax, transferSyntax: ctx.transferSyntax, command,
      log: this.o.log.child({ op: opId }),
    };
    const start = () => this.router.send({ type: 'REQUEST', id: opId, service: service.name, input: { ...input, ...(this.incoming?.mode === 'buffer' ? { dataset: concat(this.incoming.parts) } : {}) } });
    this.inFlight++;
    if (!hasDataset) return start();
    if (service.dataset === 'stream') {
      this.incoming = { opId, mode: 'stream', parts: [], bytes: 0 };
      start();
    } else {
      this.incoming = { opId, mode: 'buffer', parts: [], bytes: 0, start };
    }
  }

  private onData(_pcId: number, chunk: Buffer, last: boolean): void {
    const rsp = this.incomingResponse;
    if (rsp) {
      rsp.bytes += chunk.length;
      if (rsp.bytes > this.o.maxBufferedDataset) return this.fail(`response data set over ${this.o.maxBufferedDataset} bytes`);
      rsp.parts.push(Buffer.from(chunk));
      if (last) {
        this.incomingResponse = null;
        this.o.onResponse!(rsp.pcId, rsp.command, concat(rsp.parts));
      }
      return;
    }
    const inc = this.incoming;
    if (!inc) return;
    inc.bytes += chunk.length;
    if (inc.mode === 'stream') {
      this.child(inc.opId)?.send({ type: 'DATA', chunk: Buffer.from(chunk), last });
    } else if (inc.mode === 'buffer') {
      if (inc.bytes > this.o.maxBufferedDataset) {
        this.fail(`data set over ${this.o.maxBufferedDataset} bytes for an operation that keeps it in memory`);
        return;
      }
      inc.parts.push(Buffer.from(chunk));
    }
    if (!last) return;
    this.incoming = null;
    if (inc.mode === 'buffer') {
      this.incoming = inc; // start() reads the parts
      inc.start!();
      this.incoming = null;
    }
  }

  private child(id: string) {
    return this.router.getSnapshot().children[id] as { send(ev: unknown): void } | undefined;
  }

  private respond(_id: string, out: Extract<ServiceOutput, { type: 'RESPONSE' }>): void {
    const pcId = Number(_id.split('-')[1]);
    this.sendMessage(pcId, out.command, out.dataset);
    if (out.final && this.inFlight > 0 && --this.inFlight === 0) this.settle();
  }

  /** Sends a message on a presentation context; false once the association can no longer send. */
  sendMessage(pcId: number, command: CommandSet, dataset?: Buffer): boolean {
    return this.sendEncoded(this.encodeMessage(pcId, command, dataset));
  }

  /**
   * A message as P-DATA-TF PDUs, ready for sendEncoded: a sender encodes its
   * next request while the current one is answered. The data set is not
   * copied: keep `dataset` unchanged until the message is written.
   */
  encodeMessage(pcId: number, command: CommandSet, dataset?: Buffer): EncodedMessage {
    const cmd = { ...command, CommandDataSetType: dataset ? 0x0000 : NO_DATASET };
    const pdus = this.writer.command(pcId, cmd);
    if (dataset) for (const pdu of this.writer.dataset(pcId, dataset, true)) pdus.push(pdu);
    return { pcId, command: cmd, datasetBytes: dataset?.length ?? 0, pdus };
  }

  /** Sends an encoded message (one socket write); false once the association can no longer send. */
  sendEncoded(m: EncodedMessage): boolean {
    this.o.observer?.('out', m.pcId, m.command, m.datasetBytes);
    return this.sendPData(m.pdus) !== undefined;
  }

  /** Evt9 for `pdus`: whether the socket has room left, or undefined when the association no longer sends. */
  private sendPData(pdus: EncodedPdu[]): boolean | undefined {
    try {
      return this.o.assoc.sendPData(pdus);
    } catch (err) {
      this.o.log.warn({ err: (err as Error).message }, 'message not sent: the association is no longer established');
      return undefined;
    }
  }

  /**
   * Sends a message whose data set comes in pieces (e.g. read from a file),
   * waiting for the socket to drain between pieces so memory stays flat.
   * Returns false if the association stopped accepting P-DATA meanwhile.
   * When the pieces fail, or come to another length than `datasetBytes`
   * (a file changed while it was sent), throws DatasetSourceError: before
   * any of the message went out, the association goes on; after, it is
   * aborted (A-ABORT), since a message begun cannot be withdrawn and the peer
   * would take what it got for the whole (PS3.8 §9.3.5, PS3.7 §9.3.1).
   */
  async sendMessageStream(pcId: number, command: CommandSet, pieces: AsyncIterable<Buffer>, datasetBytes: number): Promise<boolean> {
    const cmd = { ...command, CommandDataSetType: 0x0000 };
    this.o.observer?.('out', pcId, cmd, datasetBytes);
    // The command goes out together with the first piece (one socket write for a small object).
    let out: EncodedPdu[] = this.writer.command(pcId, cmd);
    let pending: Buffer | undefined;
    let bytes = 0;
    let begun = false;
    const it = pieces[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await it.next();
      } catch (err) {
        return this.notWhole(begun, `the data set could not be read: ${(err as Error).message}`);
      }
      if (next.done) break;
      bytes += next.value.length;
      if (!pending) {
        pending = next.value;
        continue;
      }
      // Every fragment even (PS3.8 Annex E.1): an odd byte waits for the next piece.
      const even = pending.length - (pending.length % 2);
      out.push(...this.writer.dataset(pcId, pending.subarray(0, even), false));
      begun = true;
      if (!(await this.sendPDataDrained(out))) {
        await it.return?.();
        return false;
      }
      out = [];
      pending = even < pending.length ? Buffer.concat([pending.subarray(even), next.value]) : next.value;
    }
    if (bytes !== datasetBytes) return this.notWhole(begun, `the data set came to ${bytes} bytes, not the ${datasetBytes} announced (the file changed while it was sent)`);
    out.push(...this.writer.dataset(pcId, pending ?? Buffer.alloc(0), true));
    return this.sendPData(out) !== undefined;
  }

  /** Evt9 for `pdus`, then waits for room in the socket; false when the association no longer sends. */
  private async sendPDataDrained(pdus: EncodedPdu[]): Promise<boolean> {
    const room = this.sendPData(pdus);
    if (room === false) await this.o.assoc.drained();
    return room !== undefined;
  }

  /** A data set that cannot be sent whole: throws DatasetSourceError, after aborting the association if the message had begun. */
  private notWhole(begun: boolean, why: string): never {
    if (begun) {
      this.o.log.warn({ why }, 'data set not sent whole: aborting the association');
      try {
        this.o.assoc.abort({ source: AbortSource.ServiceUser, reason: AbortReason.NotSpecified });
      } catch {
        // already ending
      }
    }
    throw new DatasetSourceError(why, begun);
  }

  /** Sends a sub-operation request for a service actor and tells it the response status (SUBOP_DONE). */
  private async subop(out: Extract<ServiceOutput, { type: 'SUBOP' }>): Promise<void> {
    const id = (this.messageId = (this.messageId % 0xffff) + 1);
    const answered = new Promise<CommandSet>((resolve) => this.outstanding.set(id, resolve));
    const ended = this.o.assoc.done.then(() => null);
    const sent = await this.sendMessageStream(out.pcId, { ...out.command, MessageID: id }, out.pieces(), out.bytes);
    const rsp = sent ? await Promise.race([answered, ended]) : null;
    this.outstanding.delete(id);
    this.child(out.id)?.send(rsp ? { type: 'SUBOP_DONE', status: Number(rsp.Status) } : { type: 'SUBOP_DONE', status: -1, error: 'the association ended before the response' });
  }

  /** No service: an immediate failure response. PS3.7 Annex C: 0x0211 unrecognized operation. */
  private refuse(pcId: number, command: CommandSet): void {
    const rspField = command.CommandField | 0x8000;
    this.sendMessage(pcId, {
      CommandField: rspField,
      MessageIDBeingRespondedTo: command.MessageID as number,
      ...(command.AffectedSOPClassUID ? { AffectedSOPClassUID: command.AffectedSOPClassUID } : {}),
      ...(command.AffectedSOPInstanceUID ? { AffectedSOPInstanceUID: command.AffectedSOPInstanceUID } : {}),
      Status: Status.UnrecognizedOperation,
    });
  }

  private fail(why: string): void {
    if (this.failed) return;
    this.failed = true;
    this.settle();
    this.o.log.warn({ why }, 'DIMSE protocol error: aborting the association');
    // After the Upper Layer action that delivered the P-DATA (DT-2), never inside it: a primitive
    // sent from inside an action is a second event in the same step, which the inspector cannot tell apart.
    queueMicrotask(() => {
      try {
        this.o.assoc.abort({ source: AbortSource.ServiceProvider, reason: AbortReason.InvalidPduParameterValue });
      } catch {
        // already ending: nothing to abort
      }
    });
  }
}

function concat(parts: Buffer[]): Buffer {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
