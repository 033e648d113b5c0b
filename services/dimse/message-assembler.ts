import { NetdicomError } from '../../transport/errors.js';
import type { PDataTfPdu } from '../../transport/pdu-types.js';
import { decodeCommandSet, NO_DATASET, type CommandSet } from './command-set.js';

/** A DIMSE protocol violation in the PDV stream (PS3.7 Annex E, PS3.8 Annex E); answered with A-ABORT. */
export class DimseProtocolError extends NetdicomError {
  constructor(message: string) {
    super('ERR_DIMSE_PROTOCOL', message);
  }
}

/** Receives the pieces of each message as the assembler finds them. */
export interface MessageSink {
  /** A complete command set; `hasDataset` says whether data set fragments follow. */
  command(pcId: number, command: CommandSet, hasDataset: boolean): void;
  /** One data set fragment (a view into the PDU; copy it to keep it); `last` ends the message. */
  data(pcId: number, chunk: Buffer, last: boolean): void;
}

export interface AssemblerLimits {
  /** Largest command set accepted, bytes. */
  maxCommandBytes: number;
  /** True when a presentation context ID was accepted on this association. */
  isAcceptedContext: (pcId: number) => boolean;
  /** Refuse a fragment of odd length: "each fragment of a message shall consist of an even number of bytes", PS3.8 Annex E.1. */
  evenFragments?: boolean;
}

/**
 * PDVs → DIMSE messages, the only place that sees fragments. A command set is
 * gathered (bounded by `maxCommandBytes`) and decoded when its last fragment
 * arrives; data set fragments are passed on as they come, never gathered, so
 * memory does not grow with the object. PS3.8 Annex E.2, PS3.7 §6.3.1.
 * Throws DimseProtocolError for a data set before its command, a PDV on an
 * unaccepted or different presentation context, an oversized command, or
 * (with `evenFragments`) a fragment of odd length.
 */
export class MessageAssembler {
  private commandParts: Buffer[] = [];
  private commandBytes = 0;
  private commandPc = 0;
  /** Presentation context of the data set being received, 0 when none is expected. */
  private datasetPc = 0;

  constructor(
    private readonly limits: AssemblerLimits,
    private readonly sink: MessageSink,
  ) {}

  push(pdus: readonly PDataTfPdu[]): void {
    for (const pdu of pdus) {
      for (const pdv of pdu.pdvs) {
        if (!this.limits.isAcceptedContext(pdv.pcId)) {
          throw new DimseProtocolError(`PDV on presentation context ${pdv.pcId}, which was not accepted`);
        }
        if (this.limits.evenFragments && pdv.data.length % 2 !== 0) {
          throw new DimseProtocolError(`${pdv.isCommand ? 'command' : 'data set'} fragment of odd length ${pdv.data.length} (PS3.8 Annex E.1)`);
        }
        if (pdv.isCommand) this.commandFragment(pdv.pcId, pdv.data, pdv.isLast);
        else this.dataFragment(pdv.pcId, pdv.data, pdv.isLast);
      }
    }
  }

  private commandFragment(pcId: number, data: Buffer, last: boolean): void {
    if (this.datasetPc !== 0) throw new DimseProtocolError('command fragment while a data set was expected');
    if (this.commandParts.length > 0 && pcId !== this.commandPc) {
      throw new DimseProtocolError(`command fragments on presentation contexts ${this.commandPc} and ${pcId}`);
    }
    this.commandPc = pcId;
    this.commandBytes += data.length;
    if (this.commandBytes > this.limits.maxCommandBytes) {
      throw new DimseProtocolError(`command set larger than ${this.limits.maxCommandBytes} bytes`);
    }
    // A command in one fragment is decoded from the PDU's bytes at once; only fragments that wait are copied.
    let bytes = data;
    if (!last || this.commandParts.length > 0) {
      this.commandParts.push(Buffer.from(data));
      if (!last) return;
      bytes = Buffer.concat(this.commandParts);
      this.commandParts = [];
    }
    this.commandBytes = 0;
    let command: CommandSet;
    try {
      command = decodeCommandSet(bytes);
    } catch (err) {
      throw new DimseProtocolError((err as Error).message);
    }
    const hasDataset = command.CommandDataSetType !== undefined && command.CommandDataSetType !== NO_DATASET;
    if (hasDataset) this.datasetPc = pcId;
    this.sink.command(pcId, command, hasDataset);
  }

  private dataFragment(pcId: number, data: Buffer, last: boolean): void {
    if (this.datasetPc === 0) throw new DimseProtocolError('data set fragment without a command announcing one');
    if (pcId !== this.datasetPc) {
      throw new DimseProtocolError(`data set fragment on presentation context ${pcId}, its command came on ${this.datasetPc}`);
    }
    if (last) this.datasetPc = 0;
    this.sink.data(pcId, data, last);
  }
}
