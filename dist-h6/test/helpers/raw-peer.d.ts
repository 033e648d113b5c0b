/**
 * A scripted raw-socket peer for failure tests: a TCP acceptor on
 * 127.0.0.1:0 that plays a list of steps on each connection — wait for a PDU
 * of a given type, send bytes, wait, close, or go silent — and records what
 * it received and when the connection closed. It frames PDUs itself (6-byte
 * header, PS3.8 §9.3.1) so it does not depend on the framer under test.
 *
 *   const peer = await rawPeer([expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), neverAnswer()]);
 *   ... connect to peer.port ...
 *   const conn = await peer.connection();   // first connection
 *   await conn.closed;                       // the other side closed the socket
 */
import net from 'node:net';
import { type AssociateRqPdu, type Pdu, type PduName } from '../../transport/pdu-types.js';
/** One PDU as received: its type code and name, its whole bytes (header included). */
export interface ReceivedPdu {
    type: number;
    name: PduName | `0x${string}`;
    bytes: Buffer;
}
/** What a step sees of its connection. */
export interface PeerContext {
    socket: net.Socket;
    /** PDUs received so far, in order. */
    received: ReceivedPdu[];
    /** The last PDU an `expectPdu` step took. */
    last: ReceivedPdu | undefined;
}
export type Step = (ctx: PeerContext, conn: ConnectionRuntime) => Promise<void>;
/** Internal: how steps read the PDU stream. */
export interface ConnectionRuntime {
    /** Resolves with the next PDU not yet taken by a step; rejects when the connection closes first. */
    nextPdu(): Promise<ReceivedPdu>;
    /** Resolves once the socket has closed. */
    closed: Promise<void>;
}
export interface PeerConnection {
    /** Every PDU received, in order (also those no step waited for). */
    received: ReceivedPdu[];
    /** Resolves when the socket closes (either side). */
    closed: Promise<void>;
    /** True once the socket closed. */
    isClosed(): boolean;
    /** Resolves when the script has run to its end; rejects with the step that failed (e.g. an unexpected PDU). */
    script: Promise<void>;
    /** Names of the received PDUs, e.g. ['A-ASSOCIATE-RQ', 'A-ABORT']. */
    names(): string[];
}
export interface RawPeer {
    port: number;
    /** The n-th accepted connection (0-based), once it is accepted. */
    connection(n?: number): Promise<PeerConnection>;
    /** Connections accepted so far. */
    readonly connections: readonly PeerConnection[];
    /** Stops listening and destroys every open socket. */
    close(): Promise<void>;
}
/** Starts a peer that runs `script` on every connection it accepts. */
export declare function rawPeer(script: readonly Step[]): Promise<RawPeer>;
/** Waits for the next PDU and checks its type (code or name). Fails the script on another type or a close. */
export declare function expectPdu(type: number | PduName): Step;
/** Sends bytes, or bytes built from what was received so far (e.g. an A-ASSOCIATE-AC answering the RQ). */
export declare function send(bytes: Buffer | ((ctx: PeerContext) => Buffer)): Step;
/** Pauses the script for `ms` milliseconds. */
export declare function wait(ms: number): Step;
/** Closes the connection at once (socket destroyed: a reset if unread data is left). */
export declare function close(): Step;
/** Half-closes gracefully (FIN) after what was written, and waits for the other side to close too. */
export declare function end(): Step;
/** Goes silent: keeps reading and recording PDUs, answers nothing, until the other side closes. */
export declare function neverAnswer(): Step;
/** The decoded A-ASSOCIATE-RQ this connection received. Throws if there is none. */
export declare function associateRqOf(ctx: PeerContext): AssociateRqPdu;
/**
 * An A-ASSOCIATE-AC for the received RQ that accepts every proposed context
 * with its first transfer syntax and every proposed role, advertising
 * `maxLength` (default 16384). With `result` (PS3.8 Table 9-18, e.g. 3
 * abstract-syntax-not-supported) every context gets that result instead.
 * PS3.8 §9.3.3.
 */
export declare function acceptAll(opts?: {
    maxLength?: number;
    result?: number;
}): (ctx: PeerContext) => Buffer;
/** A-ASSOCIATE-RJ (PDU type 03), PS3.8 Table 9-21. */
export declare function associateRj(result: number, source: number, reason: number): Buffer;
/** A-ABORT (PDU type 07), PS3.8 Table 9-26. */
export declare function abortPdu(source: number, reason: number): Buffer;
/** A-RELEASE-RQ (PDU type 05), PS3.8 Table 9-24. */
export declare const releaseRq: () => Buffer;
/** A-RELEASE-RP (PDU type 06), PS3.8 Table 9-25. */
export declare const releaseRp: () => Buffer;
/** Any PDU encoded by the codec (for steps that need a full P-DATA-TF or the like). */
export declare const pduBytes: (pdu: Pdu) => Buffer;
