/**
 * A growable big-endian writer for PDUs. Lengths are written after the body
 * (`mark`/`fillU16`/`fillU32`), so an item's length is always what was written.
 */
export class ByteWriter {
    buf;
    pos = 0;
    constructor(size = 256) {
        this.buf = Buffer.allocUnsafe(size);
    }
    ensure(n) {
        if (this.pos + n <= this.buf.length)
            return;
        const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
        this.buf.copy(next, 0, 0, this.pos);
        this.buf = next;
    }
    u8(v) {
        this.ensure(1);
        this.buf[this.pos++] = v & 0xff;
        return this;
    }
    u16(v) {
        this.ensure(2);
        this.buf.writeUInt16BE(v, this.pos);
        this.pos += 2;
        return this;
    }
    u32(v) {
        this.ensure(4);
        this.buf.writeUInt32BE(v >>> 0, this.pos);
        this.pos += 4;
        return this;
    }
    bytes(b) {
        this.ensure(b.length);
        this.buf.set(b, this.pos);
        this.pos += b.length;
        return this;
    }
    zeros(n) {
        this.ensure(n);
        this.buf.fill(0, this.pos, this.pos + n);
        this.pos += n;
        return this;
    }
    /** ASCII text padded with spaces to a fixed width (AE titles: 16 bytes). */
    fixedText(s, width) {
        const b = Buffer.alloc(width, 0x20);
        b.write(s.slice(0, width), 'latin1');
        return this.bytes(b);
    }
    /** Reserves a length field and returns its offset. */
    mark(bytes) {
        const at = this.pos;
        this.zeros(bytes);
        return at;
    }
    /** Writes the number of bytes since `at + 2` into the 2-byte field at `at`. */
    fillU16(at) {
        this.buf.writeUInt16BE(this.pos - at - 2, at);
    }
    /** Writes the number of bytes since `at + 4` into the 4-byte field at `at`. */
    fillU32(at) {
        this.buf.writeUInt32BE(this.pos - at - 4, at);
    }
    result() {
        return this.buf.subarray(0, this.pos);
    }
}
//# sourceMappingURL=byte-writer.js.map