import type { Part10Info } from '../storage/part10-reader.js';
import type { AcceptedContext } from '../acse/negotiate.js';
import type { ProposedContext } from './client-association.js';
/**
 * Presentation contexts for sending these files: for each SOP class and
 * transfer syntax found, one context with exactly that syntax (so each file
 * can go as it is), plus, per SOP class, one with the uncompressed syntaxes
 * as a fallback for transcoding.
 */
export declare function contextsForFiles(files: readonly Pick<Part10Info, 'sopClassUid' | 'transferSyntaxUid'>[]): ProposedContext[];
/** How a file will be sent on an association. */
export interface SendPlan {
    context: AcceptedContext;
    /** The data set's bytes as pieces, and its size in bytes. */
    pieces: () => AsyncIterable<Buffer>;
    bytes: number;
    transcoded: boolean;
}
/**
 * Picks the accepted context for a file: its own transfer syntax if accepted
 * (bytes sent straight from disk, no decoding); else, for uncompressed data,
 * another uncompressed syntax (transcoded in memory). Compressed data is
 * never transcoded. Throws NoPresentationContextError naming the file, its
 * syntax and what the peer accepted.
 */
export declare function planSend(file: Part10Info, accepted: readonly AcceptedContext[]): Promise<SendPlan>;
