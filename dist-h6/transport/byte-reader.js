import { AbortReason, PduDecodeError } from './errors.js';
/**
 * A bounds-checked big-endian cursor over one PDU (PS3.8 §9.3 fields are
 * big-endian). Every read past `end` throws PduDecodeError, so a length field
 * that lies can never make the decoder read outside the PDU.
 */
export class ByteReader {
    buf;
    pos;
    end;
    constructor(buf, pos, end) {
        this.buf = buf;
        this.pos = pos;
        this.end = end;
    }
    get remaining() {
        return this.end - this.pos;
    }
    need(n, what) {
        if (n < 0 || this.pos + n > this.end) {
            throw new PduDecodeError('ERR_PDU_OVERRUN', `${what} needs ${n} bytes at offset ${this.pos}, only ${this.end - this.pos} left`, AbortReason.InvalidPduParameterValue);
        }
    }
    u8(what = 'field') {
        this.need(1, what);
        return this.buf[this.pos++];
    }
    u16(what = 'field') {
        this.need(2, what);
        const v = this.buf.readUInt16BE(this.pos);
        this.pos += 2;
        return v;
    }
    u32(what = 'field') {
        this.need(4, what);
        const v = this.buf.readUInt32BE(this.pos);
        this.pos += 4;
        return v;
    }
    /** A view (no copy) of the next n bytes. */
    bytes(n, what = 'field') {
        this.need(n, what);
        const v = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return v;
    }
    skip(n, what = 'reserved field') {
        this.need(n, what);
        this.pos += n;
    }
    /** An ASCII field with leading/trailing spaces and trailing NULs removed (AE titles, UIDs). */
    text(n, what = 'text field') {
        return trimField(this.bytes(n, what).toString('latin1'));
    }
    /** A sub-reader over the next n bytes; the parent skips them. */
    sub(n, what) {
        this.need(n, what);
        const r = new ByteReader(this.buf, this.pos, this.pos + n);
        this.pos += n;
        return r;
    }
}
/** Strips the padding DICOM allows around AE titles and UIDs (spaces, NULs). PS3.8 §9.3.2. */
export function trimField(s) {
    return s.replace(/^[\s\0]+|[\s\0]+$/g, '');
}
//# sourceMappingURL=byte-reader.js.map