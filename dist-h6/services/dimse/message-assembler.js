import { NetdicomError } from '../../transport/errors.js';
import { decodeCommandSet, NO_DATASET } from './command-set.js';
/** A DIMSE protocol violation in the PDV stream (PS3.7 Annex E, PS3.8 Annex E); answered with A-ABORT. */
export class DimseProtocolError extends NetdicomError {
    constructor(message) {
        super('ERR_DIMSE_PROTOCOL', message);
    }
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
    limits;
    sink;
    commandParts = [];
    commandBytes = 0;
    commandPc = 0;
    /** Presentation context of the data set being received, 0 when none is expected. */
    datasetPc = 0;
    constructor(limits, sink) {
        this.limits = limits;
        this.sink = sink;
    }
    push(pdus) {
        for (const pdu of pdus) {
            for (const pdv of pdu.pdvs) {
                if (!this.limits.isAcceptedContext(pdv.pcId)) {
                    throw new DimseProtocolError(`PDV on presentation context ${pdv.pcId}, which was not accepted`);
                }
                if (this.limits.evenFragments && pdv.data.length % 2 !== 0) {
                    throw new DimseProtocolError(`${pdv.isCommand ? 'command' : 'data set'} fragment of odd length ${pdv.data.length} (PS3.8 Annex E.1)`);
                }
                if (pdv.isCommand)
                    this.commandFragment(pdv.pcId, pdv.data, pdv.isLast);
                else
                    this.dataFragment(pdv.pcId, pdv.data, pdv.isLast);
            }
        }
    }
    commandFragment(pcId, data, last) {
        if (this.datasetPc !== 0)
            throw new DimseProtocolError('command fragment while a data set was expected');
        if (this.commandParts.length > 0 && pcId !== this.commandPc) {
            throw new DimseProtocolError(`command fragments on presentation contexts ${this.commandPc} and ${pcId}`);
        }
        this.commandPc = pcId;
        this.commandBytes += data.length;
        if (this.commandBytes > this.limits.maxCommandBytes) {
            throw new DimseProtocolError(`command set larger than ${this.limits.maxCommandBytes} bytes`);
        }
        this.commandParts.push(Buffer.from(data));
        if (!last)
            return;
        const bytes = this.commandParts.length === 1 ? this.commandParts[0] : Buffer.concat(this.commandParts);
        this.commandParts = [];
        this.commandBytes = 0;
        let command;
        try {
            command = decodeCommandSet(bytes);
        }
        catch (err) {
            throw new DimseProtocolError(err.message);
        }
        const hasDataset = command.CommandDataSetType !== undefined && command.CommandDataSetType !== NO_DATASET;
        if (hasDataset)
            this.datasetPc = pcId;
        this.sink.command(pcId, command, hasDataset);
    }
    dataFragment(pcId, data, last) {
        if (this.datasetPc === 0)
            throw new DimseProtocolError('data set fragment without a command announcing one');
        if (pcId !== this.datasetPc) {
            throw new DimseProtocolError(`data set fragment on presentation context ${pcId}, its command came on ${this.datasetPc}`);
        }
        if (last)
            this.datasetPc = 0;
        this.sink.data(pcId, data, last);
    }
}
//# sourceMappingURL=message-assembler.js.map