import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { transcodeDataset } from '../dimse/dataset-codec.js';
import { ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, isUncompressed, uidName } from '../registry/uids.js';
import { NoPresentationContextError } from './errors.js';
const UNCOMPRESSED = [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian];
const PIECE = 1 << 20;
/**
 * Presentation contexts for sending these files: for each SOP class and
 * transfer syntax found, one context with exactly that syntax (so each file
 * can go as it is), plus, per SOP class, one with the uncompressed syntaxes
 * as a fallback for transcoding.
 */
export function contextsForFiles(files) {
    const out = [];
    const seen = new Set();
    const classes = new Set();
    for (const f of files) {
        const key = `${f.sopClassUid}|${f.transferSyntaxUid}`;
        classes.add(f.sopClassUid);
        if (seen.has(key))
            continue;
        seen.add(key);
        out.push({ abstractSyntax: f.sopClassUid, transferSyntaxes: [f.transferSyntaxUid] });
    }
    for (const c of classes)
        out.push({ abstractSyntax: c, transferSyntaxes: UNCOMPRESSED });
    return out;
}
/**
 * Picks the accepted context for a file: its own transfer syntax if accepted
 * (bytes sent straight from disk, no decoding); else, for uncompressed data,
 * another uncompressed syntax (transcoded in memory). Compressed data is
 * never transcoded. Throws NoPresentationContextError naming the file, its
 * syntax and what the peer accepted.
 */
export async function planSend(file, accepted) {
    const forClass = accepted.filter((c) => c.abstractSyntax === file.sopClassUid);
    const same = forClass.find((c) => c.transferSyntax === file.transferSyntaxUid);
    if (same) {
        const { path, datasetOffset, datasetLength } = file;
        return {
            context: same,
            bytes: datasetLength,
            transcoded: false,
            pieces: () => (datasetLength === 0 ? empty() : createReadStream(path, { start: datasetOffset, highWaterMark: PIECE })),
        };
    }
    const canTranscode = isUncompressed(file.transferSyntaxUid);
    const other = canTranscode ? forClass.find((c) => isUncompressed(c.transferSyntax)) : undefined;
    if (!other) {
        const offered = forClass.length ? forClass.map((c) => uidName(c.transferSyntax)).join(', ') : 'nothing';
        throw new NoPresentationContextError(`${uidName(file.sopClassUid)} in ${uidName(file.transferSyntaxUid)}: the peer accepted ${offered} for this SOP class${canTranscode ? '' : ' (compressed data is never transcoded)'}`);
    }
    const raw = (await readFile(file.path)).subarray(file.datasetOffset);
    const bytes = transcodeDataset(raw, file.transferSyntaxUid, other.transferSyntax);
    return { context: other, bytes: bytes.length, transcoded: true, pieces: () => once(bytes) };
}
async function* once(b) {
    yield b;
}
async function* empty() { }
//# sourceMappingURL=file-source.js.map