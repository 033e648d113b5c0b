// node:fs/promises through fs.promises: loaded on first use (transcoding a large file), not at every start (~3 ms).
import { closeSync, createReadStream, openSync, promises as fsPromises, readSync } from 'node:fs';
import { transcodeDataset } from '../dimse/dataset-codec.js';
import { checkDataset, type Part10Info } from '../storage/part10-reader.js';
import { ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, isUncompressed, uidName } from '../registry/uids.js';
import type { AcceptedContext } from '../acse/negotiate.js';
import type { ProposedContext } from './client-association.js';
import { NoPresentationContextError } from './errors.js';

const UNCOMPRESSED = [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian];
const PIECE = 1 << 20;

/**
 * Presentation contexts for sending these files: for each SOP class and
 * transfer syntax found, one context with exactly that syntax (so each file
 * can go as it is), plus, per SOP class, one with the uncompressed syntaxes
 * as a fallback for transcoding.
 */
export function contextsForFiles(files: readonly Pick<Part10Info, 'sopClassUid' | 'transferSyntaxUid'>[]): ProposedContext[] {
  const out: ProposedContext[] = [];
  const seen = new Set<string>();
  const classes = new Set<string>();
  for (const f of files) {
    const key = `${f.sopClassUid}|${f.transferSyntaxUid}`;
    classes.add(f.sopClassUid);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ abstractSyntax: f.sopClassUid, transferSyntaxes: [f.transferSyntaxUid] });
  }
  for (const c of classes) out.push({ abstractSyntax: c, transferSyntaxes: UNCOMPRESSED });
  return out;
}

/** How a file will be sent on an association. */
export interface SendPlan {
  context: AcceptedContext;
  /** The data set's bytes as pieces, and its size in bytes. */
  pieces: () => AsyncIterable<Buffer>;
  /** The whole data set, when it is in memory (small or transcoded): sent without streaming. */
  data?: Buffer;
  /**
   * Call once the final response came, telling whether the socket still has
   * writes pending: with none, the buffer that held `data` is reused.
   */
  done?(writesPending: boolean): void;
  bytes: number;
  transcoded: boolean;
}

/** A small file already read whole into a buffer of a ReadBuffers (readSmallPart10), its data set walked. */
export interface FileInBuffer {
  /** The file's bytes. */
  bytes: Buffer;
  /** Gives the buffer back to its ReadBuffers, once nothing can still be reading it. */
  giveBack(): void;
}

/**
 * Picks the accepted context for a file: its own transfer syntax if accepted
 * (bytes sent straight from disk, no decoding); else, for uncompressed data,
 * another uncompressed syntax (transcoded in memory). Compressed data is
 * never transcoded. The data set is walked (checkDataset) before it is
 * planned, so a truncated or corrupt file is never sent; a file given
 * already `read` was walked when it was read. Throws
 * NoPresentationContextError naming the file, its syntax and what the peer
 * accepted, and Part10Error.
 */
export async function planSend(file: Part10Info, accepted: readonly AcceptedContext[], buffers?: ReadBuffers, read?: FileInBuffer): Promise<SendPlan> {
  try {
    return await plan(file, accepted, buffers, read);
  } catch (err) {
    read?.giveBack();
    throw err;
  }
}

async function plan(file: Part10Info, accepted: readonly AcceptedContext[], buffers?: ReadBuffers, read?: FileInBuffer): Promise<SendPlan> {
  const forClass = accepted.filter((c) => c.abstractSyntax === file.sopClassUid);
  const same = forClass.find((c) => c.transferSyntax === file.transferSyntaxUid);
  const { path, datasetOffset, datasetLength } = file;
  const end = datasetOffset + datasetLength;
  const after = read && ((writesPending: boolean) => writesPending || read.giveBack());
  if (same) {
    if (read) return { context: same, bytes: datasetLength, transcoded: false, data: read.bytes.subarray(datasetOffset, end), pieces: () => once(read.bytes.subarray(datasetOffset, end)), done: after! };
    // A small data set is read now, so a caller can read the next file while the previous one is answered.
    if (datasetLength <= PIECE) {
      const whole = buffers?.take();
      const bytes = readExactly(path, datasetOffset, datasetLength, whole);
      try {
        checkDataset(file, bytes);
      } catch (err) {
        if (whole) buffers!.give(whole);
        throw err;
      }
      const done = whole && ((writesPending: boolean) => writesPending || buffers!.give(whole));
      return { context: same, bytes: datasetLength, transcoded: false, data: bytes, pieces: () => once(bytes), ...(done ? { done } : {}) };
    }
    checkDataset(file);
    return {
      context: same,
      bytes: datasetLength,
      transcoded: false,
      pieces: () => createReadStream(path, { start: datasetOffset, end: end - 1, highWaterMark: PIECE }),
    };
  }
  const canTranscode = isUncompressed(file.transferSyntaxUid);
  const other = canTranscode ? forClass.find((c) => isUncompressed(c.transferSyntax)) : undefined;
  if (!other) {
    const offered = forClass.length ? forClass.map((c) => uidName(c.transferSyntax)).join(', ') : 'nothing';
    throw new NoPresentationContextError(
      `${uidName(file.sopClassUid)} in ${uidName(file.transferSyntaxUid)}: the peer accepted ${offered} for this SOP class${canTranscode ? '' : ' (compressed data is never transcoded)'}`,
    );
  }
  const raw = read ? read.bytes.subarray(datasetOffset, end) : (await fsPromises.readFile(path)).subarray(datasetOffset, end);
  if (!read) checkDataset(file, raw);
  // The result may be `raw` itself (same encoding): a buffer read into is given back only once sent.
  const bytes = transcodeDataset(raw, file.transferSyntaxUid, other.transferSyntax);
  return { context: other, bytes: bytes.length, transcoded: true, data: bytes, pieces: () => once(bytes), ...(after ? { done: after } : {}) };
}

/**
 * Buffers of PIECE bytes for small data sets, reused from one C-STORE to the
 * next: a fresh buffer per file costs a page fault per 4 KiB touched, which
 * on many small files is a measurable share of the time. A buffer comes back
 * (SendPlan.done) only when no socket write can still hold it.
 */
export class ReadBuffers {
  private readonly free: Buffer[] = [];
  constructor(private readonly keep = 3) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafe(PIECE);
  }

  give(b: Buffer): void {
    if (this.free.length < this.keep) this.free.push(b);
  }
}

async function* once(b: Buffer): AsyncIterable<Buffer> {
  yield b;
}

/**
 * A small data set in one positional read of exactly its size. Synchronous:
 * for a small file the promise-based file API cost several times more CPU
 * than the read (measured on 1000 files); a batch sender reads the next file
 * while the current one is answered, so the wait is spent anyway.
 */
function readExactly(path: string, offset: number, length: number, into?: Buffer): Buffer {
  const buf = into ? into.subarray(0, length) : Buffer.allocUnsafe(length);
  if (length === 0) return buf;
  const fd = openSync(path, 'r');
  try {
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, offset + got);
      if (n === 0) throw new Error(`file shrank while being sent: ${path}`);
      got += n;
    }
    return buf;
  } finally {
    closeSync(fd);
  }
}
