import { NetdicomError } from '../../transport/errors.js';
/** Command elements of PS3.7 Annex E (Table E.1-1), tag → keyword and VR. */
const ELEMENTS = [
    [0x0000, 'CommandGroupLength', 'UL'],
    [0x0002, 'AffectedSOPClassUID', 'UI'],
    [0x0003, 'RequestedSOPClassUID', 'UI'],
    [0x0100, 'CommandField', 'US'],
    [0x0110, 'MessageID', 'US'],
    [0x0120, 'MessageIDBeingRespondedTo', 'US'],
    [0x0600, 'MoveDestination', 'AE'],
    [0x0700, 'Priority', 'US'],
    [0x0800, 'CommandDataSetType', 'US'],
    [0x0900, 'Status', 'US'],
    [0x0901, 'OffendingElement', 'AT'],
    [0x0902, 'ErrorComment', 'LO'],
    [0x0903, 'ErrorID', 'US'],
    [0x1000, 'AffectedSOPInstanceUID', 'UI'],
    [0x1001, 'RequestedSOPInstanceUID', 'UI'],
    [0x1002, 'EventTypeID', 'US'],
    [0x1005, 'AttributeIdentifierList', 'AT'],
    [0x1008, 'ActionTypeID', 'US'],
    [0x1020, 'NumberOfRemainingSuboperations', 'US'],
    [0x1021, 'NumberOfCompletedSuboperations', 'US'],
    [0x1022, 'NumberOfFailedSuboperations', 'US'],
    [0x1023, 'NumberOfWarningSuboperations', 'US'],
    [0x1030, 'MoveOriginatorApplicationEntityTitle', 'AE'],
    [0x1031, 'MoveOriginatorMessageID', 'US'],
];
const BY_TAG = new Map(ELEMENTS.map(([e, k, vr]) => [e, [k, vr]]));
const BY_KEYWORD = new Map(ELEMENTS.map(([e, k, vr]) => [k, [e, vr]]));
/** CommandDataSetType value meaning "no data set", PS3.7 §E.1. */
export const NO_DATASET = 0x0101;
/** A command set that cannot be decoded or encoded. The association is aborted (A-ABORT, source 2). */
export class CommandSetError extends NetdicomError {
    constructor(message) {
        super('ERR_DIMSE_COMMAND_SET', message);
    }
}
/** Decodes a command set. Unknown group 0000 elements are skipped. Throws CommandSetError. */
export function decodeCommandSet(buf) {
    const out = {};
    let pos = 0;
    while (pos < buf.length) {
        if (pos + 8 > buf.length)
            throw new CommandSetError(`truncated element header at offset ${pos}`);
        const group = buf.readUInt16LE(pos);
        const element = buf.readUInt16LE(pos + 2);
        const len = buf.readUInt32LE(pos + 4);
        pos += 8;
        if (group !== 0)
            throw new CommandSetError(`element (${hex(group)},${hex(element)}) outside group 0000 in a command set`);
        if (len > buf.length - pos)
            throw new CommandSetError(`element (0000,${hex(element)}) length ${len} overruns the command set`);
        const def = BY_TAG.get(element);
        if (def)
            out[def[0]] = readValue(buf.subarray(pos, pos + len), def[1]);
        pos += len;
    }
    if (typeof out.CommandField !== 'number')
        throw new CommandSetError('command set without CommandField (0000,0100)');
    delete out.CommandGroupLength;
    return out;
}
function readValue(v, vr) {
    switch (vr) {
        case 'UL': return v.length >= 4 ? v.readUInt32LE(0) : 0;
        case 'US': return v.length >= 2 ? v.readUInt16LE(0) : 0;
        case 'AT': {
            const tags = [];
            for (let i = 0; i + 4 <= v.length; i += 4)
                tags.push(((v.readUInt16LE(i) << 16) | v.readUInt16LE(i + 2)) >>> 0);
            return tags;
        }
        default: return v.toString('latin1').replace(/[\0 ]+$/, '').replace(/^ +/, '');
    }
}
/** Encodes a command set (elements in tag order, CommandGroupLength first). Throws CommandSetError on an unknown keyword. */
export function encodeCommandSet(cmd) {
    const parts = [];
    const entries = Object.entries(cmd)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => {
        const def = BY_KEYWORD.get(k);
        if (!def)
            throw new CommandSetError(`unknown command element keyword ${k}`);
        return [def[0], def[1], v];
    })
        .sort((a, b) => a[0] - b[0]);
    let total = 0;
    for (const [element, vr, value] of entries) {
        const v = valueBytes(vr, value);
        const h = Buffer.allocUnsafe(8);
        h.writeUInt16LE(0, 0);
        h.writeUInt16LE(element, 2);
        h.writeUInt32LE(v.length, 4);
        parts.push(h, v);
        total += 8 + v.length;
    }
    const gl = Buffer.allocUnsafe(12);
    gl.writeUInt16LE(0, 0);
    gl.writeUInt16LE(0, 2);
    gl.writeUInt32LE(4, 4);
    gl.writeUInt32LE(total, 8);
    return Buffer.concat([gl, ...parts], 12 + total);
}
function valueBytes(vr, value) {
    switch (vr) {
        case 'UL': {
            const b = Buffer.allocUnsafe(4);
            b.writeUInt32LE(Number(value) >>> 0, 0);
            return b;
        }
        case 'US': {
            const b = Buffer.allocUnsafe(2);
            b.writeUInt16LE(Number(value) & 0xffff, 0);
            return b;
        }
        case 'AT': {
            const tags = Array.isArray(value) ? value : [Number(value)];
            const b = Buffer.allocUnsafe(tags.length * 4);
            tags.forEach((t, i) => {
                b.writeUInt16LE(t >>> 16, i * 4);
                b.writeUInt16LE(t & 0xffff, i * 4 + 2);
            });
            return b;
        }
        default: {
            const s = String(value);
            // UI pads with NUL, other text VRs with a space, to an even length (PS3.5 §6.2).
            return Buffer.from(s.length % 2 ? s + (vr === 'UI' ? '\0' : ' ') : s, 'latin1');
        }
    }
}
const hex = (n) => n.toString(16).padStart(4, '0');
//# sourceMappingURL=command-set.js.map