const MAX_DEPTH = 6;
const MAX_ITEMS = 200;
const MAX_STRING = 2000;
/** A JSON-safe copy of `value` bounded in depth, width and string length. */
export function plainData(value, depth = 0) {
    switch (typeof value) {
        case 'string':
            return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
        case 'number':
            return Number.isFinite(value) ? value : String(value);
        case 'boolean':
            return value;
        case 'bigint':
            return value.toString();
        case 'object': {
            if (value === null)
                return null;
            if (ArrayBuffer.isView(value))
                return { bytes: value.byteLength };
            if (value instanceof ArrayBuffer)
                return { bytes: value.byteLength };
            if (depth >= MAX_DEPTH)
                return '…';
            if (Array.isArray(value))
                return value.slice(0, MAX_ITEMS).map((v) => plainData(v, depth + 1));
            const proto = Object.getPrototypeOf(value);
            if (proto !== Object.prototype && proto !== null)
                return `[${value.constructor?.name ?? 'object'}]`;
            const out = {};
            let n = 0;
            for (const [k, v] of Object.entries(value)) {
                if (n++ >= MAX_ITEMS)
                    break;
                const copy = plainData(v, depth + 1);
                if (copy !== undefined)
                    out[k] = copy;
            }
            return out;
        }
        default:
            return undefined; // functions, symbols, undefined
    }
}
/** The wire object for one record: the fields protocol.ts names for its kind, nothing else. */
export function toWire(r) {
    const base = { v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc };
    switch (r.kind) {
        case 'actor':
            return {
                ...base,
                role: r.role,
                status: r.status,
                peer: r.peer,
                ending: r.ending,
                callingAE: r.callingAE,
                calledAE: r.calledAE,
                bytesIn: r.bytesIn,
                bytesOut: r.bytesOut,
                dimseMessages: r.dimseMessages,
            };
        case 'transition':
            return { ...base, from: r.from, to: r.to, evt: r.evt, acts: [...r.acts] };
        case 'pdu':
            return { ...base, dir: r.dir, pduType: r.pduType, len: r.len, summary: r.summary, detail: r.detail === undefined ? undefined : plainData(r.detail) };
        case 'dimse':
            return {
                ...base,
                dir: r.dir,
                command: r.command,
                messageId: r.messageId,
                sopClass: r.sopClass,
                status: r.status,
                datasetBytes: r.datasetBytes,
                pdus: r.pdus,
                pduBytes: r.pduBytes,
                incomplete: r.incomplete,
                summary: r.summary,
            };
        case 'stats':
            return { ...base, pdus: r.pdus, bytes: r.bytes };
        case 'drop':
            return { ...base, dropped: r.dropped };
        case 'error':
            return { ...base, error: { name: String(r.error.name), message: String(r.error.message), code: r.error.code === undefined ? undefined : String(r.error.code) } };
        default: {
            const unknown = r;
            return { ...base, kind: 'error', error: { name: 'InspectorError', message: `unknown record kind ${String(unknown.kind)}` } };
        }
    }
}
const cache = new WeakMap();
/** JSON text of a record, computed once per record however many clients receive it. */
export function recordJson(r) {
    let s = cache.get(r);
    if (s === undefined) {
        s = JSON.stringify(toWire(r));
        cache.set(r, s);
    }
    return s;
}
//# sourceMappingURL=wire.js.map