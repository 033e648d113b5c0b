export function encodeFileMeta(meta) {
    const elements = [
        element(0x0001, 'OB', Buffer.from([0, 1])),
        element(0x0002, 'UI', uid(meta.mediaStorageSopClassUid)),
        element(0x0003, 'UI', uid(meta.mediaStorageSopInstanceUid)),
        element(0x0010, 'UI', uid(meta.transferSyntaxUid)),
        element(0x0012, 'UI', uid(meta.implementationClassUid)),
    ];
    if (meta.implementationVersionName)
        elements.push(element(0x0013, 'SH', text(meta.implementationVersionName)));
    if (meta.sourceApplicationEntityTitle)
        elements.push(element(0x0016, 'AE', text(meta.sourceApplicationEntityTitle)));
    const body = Buffer.concat(elements);
    const groupLength = Buffer.alloc(4);
    groupLength.writeUInt32LE(body.length, 0);
    const preamble = Buffer.alloc(132);
    preamble.write('DICM', 128, 'latin1');
    return Buffer.concat([preamble, element(0x0000, 'UL', groupLength), body]);
}
/** One group 0002 element in Explicit VR Little Endian. OB has the long (4-byte) length form. */
function element(elementNo, vr, value) {
    const long = vr === 'OB';
    const h = Buffer.alloc(long ? 12 : 8);
    h.writeUInt16LE(0x0002, 0);
    h.writeUInt16LE(elementNo, 2);
    h.write(vr, 4, 'latin1');
    if (long)
        h.writeUInt32LE(value.length, 8);
    else
        h.writeUInt16LE(value.length, 6);
    return Buffer.concat([h, value]);
}
const uid = (s) => Buffer.from(s.length % 2 ? `${s}\0` : s, 'latin1');
const text = (s) => Buffer.from(s.length % 2 ? `${s} ` : s, 'latin1');
//# sourceMappingURL=file-meta.js.map