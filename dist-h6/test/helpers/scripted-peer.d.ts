/**
 * A scripted raw-socket DICOM peer for conformance and hostile-input tests.
 *
 * - As requestor it connects to our SCP (`ScriptedPeer.connect(port)`); as
 *   acceptor it listens on 127.0.0.1:0 and our SCU connects to it
 *   (`ScriptedPeer.listen()` → `accept()`).
 * - It plays a script of steps (`play`): send bytes, expect a PDU, wait,
 *   close, expect the other side to close. The same steps exist as methods.
 * - PDU builders (`pdu.*`) write every PDU type field by field from PS3.8
 *   §9.3, independent of netdicom's codec, with knobs for malformed variants
 *   (lying lengths, unknown types, non-zero reserved fields, raw items), plus
 *   non-DICOM openers (an HTTP request, a TLS ClientHello) and the few DIMSE
 *   command sets the tests need (PS3.7 Annex E, Implicit VR Little Endian).
 *
 * It frames what it receives itself (6-byte header, PS3.8 §9.3.1), so it does
 * not depend on the framer under test.
 */
import net from 'node:net';
import fc from 'fast-check';
/** A PDU item or sub-item: type, reserved, 2-byte length, body (PS3.8 §9.3.2). `length` overrides the true length. */
export declare function item(type: number, body: Buffer, o?: {
    length?: number;
    reserved?: number;
}): Buffer;
/** A whole PDU: type, reserved, 4-byte length, body (PS3.8 §9.3.1). `length` overrides the true length (a lie). */
export declare function rawPdu(type: number, body: Buffer, o?: {
    length?: number;
    reserved?: number;
}): Buffer;
export declare const UID: {
    readonly Verification: '1.2.840.10008.1.1';
    readonly ApplicationContext: '1.2.840.10008.3.1.1.1';
    readonly ImplicitVRLittleEndian: '1.2.840.10008.1.2';
    readonly ExplicitVRLittleEndian: '1.2.840.10008.1.2.1';
    /** Our test implementation class UID (2.25 UUID form). */
    readonly ImplementationClass: '2.25.82736409813264509215471296587133741201';
};
export interface RqContext {
    id: number;
    abstractSyntax: string;
    transferSyntaxes: string[];
}
export interface AssociateOptions {
    /** Protocol version field; bit 0 set = version 1. Default 1. */
    protocolVersion?: number;
    calledAETitle?: string;
    callingAETitle?: string;
    applicationContext?: string;
    /** Maximum Length Received sub-item; null leaves it out. Default 16384. */
    maxLength?: number | null;
    /** User Identity sub-item (PS3.7 D.3.3.7): type 1 with a username, or type 2 with a passcode. */
    userIdentity?: {
        username: string;
        passcode?: string;
    };
    /** Value for every reserved byte and field (PS3.8 §9.3.1: "not tested when received"). Default 0. */
    reserved?: number;
    /** Raw items appended after the User Information item. */
    extraItems?: Buffer[];
    /** Raw sub-items appended inside the User Information item. */
    extraUserInformation?: Buffer[];
    /** Replaces the whole variable part (items) with these bytes. */
    items?: Buffer;
    /** Overrides the PDU length field. */
    length?: number;
}
/** A-ASSOCIATE-RQ, PS3.8 §9.3.2 (Table 9-11). Default: one context, Verification, Implicit VR LE. */
declare function associateRq(o?: AssociateOptions & {
    contexts?: RqContext[];
}): Buffer;
export interface AcContext {
    id: number;
    /** 0 acceptance, 1 user-rejection, 2 no-reason, 3 abstract syntax not supported, 4 transfer syntaxes not supported. */
    result: number;
    transferSyntax: string;
}
/** A-ASSOCIATE-AC, PS3.8 §9.3.3 (Table 9-17). Default: context 1 accepted with Implicit VR LE. */
declare function associateAc(o?: AssociateOptions & {
    contexts?: AcContext[];
}): Buffer;
export interface PdvSpec {
    pcId: number;
    /** Message Control Header bit 0. */
    command: boolean;
    /** Message Control Header bit 1. */
    last: boolean;
    data: Buffer;
    /** Overrides the PDV item length (true value: data length + 2). */
    itemLength?: number;
    /** Bits 2–7 of the Message Control Header ("never checked by the receiver", PS3.8 Annex E.2). */
    mchReserved?: number;
}
/** P-DATA-TF, PS3.8 §9.3.5 (Tables 9-22, 9-23). */
declare function pData(pdvs: readonly PdvSpec[], o?: {
    length?: number;
    reserved?: number;
}): Buffer;
export declare const pdu: {
    readonly associateRq: typeof associateRq;
    readonly associateAc: typeof associateAc;
    /** A-ASSOCIATE-RJ (Table 9-21): result 1 permanent / 2 transient; source 1 user, 2 ACSE, 3 presentation. */
    readonly associateRj: (result: number, source: number, reason: number, o?: {
        reserved?: number;
    }) => Buffer<ArrayBufferLike>;
    readonly pData: typeof pData;
    readonly releaseRq: (o?: {
        reserved?: number;
        length?: number;
    }) => Buffer<ArrayBufferLike>;
    readonly releaseRp: (o?: {
        reserved?: number;
        length?: number;
    }) => Buffer<ArrayBufferLike>;
    /** A-ABORT (Table 9-26): source 0 service-user, 2 service-provider. */
    readonly abort: (source: number, reason: number, o?: {
        reserved?: number;
        length?: number;
    }) => Buffer<ArrayBufferLike>;
    /** A PDU of a type PS3.8 does not define (0x08 by default), with a 4-byte body. */
    readonly unknownType: (type?: number) => Buffer<ArrayBufferLike>;
    /** A header alone that announces `length` bytes, none of which follow. */
    readonly header: (type: number, length: number) => Buffer<ArrayBufferLike>;
    readonly raw: typeof rawPdu;
    readonly item: typeof item;
    /** Not DICOM: what a browser or a load balancer's HTTP health check sends. */
    readonly httpGet: () => Buffer<ArrayBuffer>;
    /** Not DICOM: the start of a TLS 1.2 ClientHello record (content type 0x16). */
    readonly tlsClientHello: () => Buffer<ArrayBuffer>;
};
/** One change to a PDU's bytes; offsets wrap around the buffer's length. */
export type Mutation = {
    kind: 'set';
    at: number;
    value: number;
} | {
    kind: 'u16';
    at: number;
    value: number;
} | {
    kind: 'u32';
    at: number;
    value: number;
} | {
    kind: 'truncate';
    at: number;
} | {
    kind: 'append';
    bytes: Buffer;
}
/** Rewrites the PDU length to match the bytes present, so a decoder reads past the header. */
 | {
    kind: 'fixLength';
};
/** Applies mutations in order to a copy of `bytes`. */
export declare function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer;
export declare const mutationArb: fc.Arbitrary<Mutation>;
/** A valid PDU's bytes (generated or hand-built) after 1–4 mutations, the PDU length often made to match again. */
export declare const mutatedPduArb: fc.Arbitrary<Buffer>;
export declare const dimse: {
    /** C-ECHO-RQ, PS3.7 §9.3.5.1. `dataSetType` other than 0x0101 announces a data set (which C-ECHO never has). */
    cEchoRq: (messageId: number, sopClass?: string, dataSetType?: number) => Buffer<ArrayBufferLike>;
    /** C-ECHO-RSP, PS3.7 §9.3.5.2. */
    cEchoRsp: (respondingTo: number, status?: number, sopClass?: string) => Buffer<ArrayBufferLike>;
    /** CommandField (0000,0100) of a command set, or undefined. */
    commandField(cmd: Buffer): number | undefined;
};
/** A P-DATA-TF holding one whole C-ECHO-RQ on a presentation context. */
export declare const echoRqPData: (pcId?: number, messageId?: number, sopClass?: string) => Buffer<ArrayBufferLike>;
export declare const PDU_NAME: Record<number, string>;
/** One PDU as received: type, name, whole bytes (header included) and body. */
export interface ReceivedPdu {
    type: number;
    name: string;
    bytes: Buffer;
    body: Buffer;
}
/** A-ABORT source and reason (body bytes 3 and 4). */
export declare const abortOf: (p: ReceivedPdu) => {
    source: number;
    reason: number;
};
/** A-ASSOCIATE-RJ result, source and reason (body bytes 2–4). */
export declare const rejectOf: (p: ReceivedPdu) => {
    result: number;
    source: number;
    reason: number;
};
/** The PDVs of a P-DATA-TF. */
export declare function pdvsOf(p: ReceivedPdu): {
    pcId: number;
    command: boolean;
    last: boolean;
    data: Buffer;
}[];
/** Presentation context results of an A-ASSOCIATE-AC, by context ID. */
export declare function acResults(p: ReceivedPdu): Map<number, number>;
export type Step = 
/** Bytes written with one write(): PDUs given together arrive in one read on loopback. */
{
    send: Buffer | readonly Buffer[];
}
/** The next PDU received must be of this type (by name); `check` may assert more. */
 | {
    expect: string;
    check?: (p: ReceivedPdu) => void;
    timeoutMs?: number;
}
/** Pause, for pacing only (never an assertion). */
 | {
    wait: number;
}
/** end: FIN; destroy: close; reset: TCP RST. */
 | {
    close: 'end' | 'destroy' | 'reset';
}
/** The other side closes the connection (within the timeout). */
 | {
    expectClose: true;
    timeoutMs?: number;
};
/** One TCP connection played by a script. */
export declare class ScriptedPeer {
    readonly socket: net.Socket;
    /** Every PDU received, in order. */
    readonly received: ReceivedPdu[];
    /** Resolves when the socket has closed (either side). */
    readonly closed: Promise<void>;
    private taken;
    private pending;
    private isClosedFlag;
    private wake;
    constructor(socket: net.Socket);
    /** Connects to 127.0.0.1:port (requestor side). */
    static connect(port: number, host?: string): Promise<ScriptedPeer>;
    /** Listens on 127.0.0.1:0 (acceptor side); `accept()` gives each connection in turn. */
    static listen(): Promise<PeerListener>;
    isClosed(): boolean;
    /** Writes the buffers with one write() call. */
    send(...parts: Buffer[]): void;
    /** The next PDU not yet taken; rejects when the connection closes first or after `timeoutMs`. */
    next(timeoutMs?: number): Promise<ReceivedPdu>;
    /** The next PDU, which must be of type `name`. */
    expect(name: string, timeoutMs?: number): Promise<ReceivedPdu>;
    /** Resolves when the other side has closed the connection; rejects after `timeoutMs`. */
    expectClosed(timeoutMs?: number): Promise<void>;
    /** Half-closes (FIN). netdicom does not allow half-open connections, so it closes too. */
    end(): void;
    destroy(): void;
    /** Closes with a TCP RST. */
    reset(): void;
    /** Names of the PDUs received so far. */
    names(): string[];
    /** Sends an A-ASSOCIATE-RQ and returns the A-ASSOCIATE-AC (throws on anything else). */
    associate(o?: Parameters<typeof associateRq>[0]): Promise<ReceivedPdu>;
    /** Plays the steps in order; rejects with the first that fails. */
    play(steps: readonly Step[]): Promise<void>;
    private onData;
}
export interface PeerListener {
    port: number;
    /** The next accepted connection. */
    accept(timeoutMs?: number): Promise<ScriptedPeer>;
    /** Stops listening (open connections stay). */
    close(): Promise<void>;
}
/** "A-ABORT (2, 6)", "A-ASSOCIATE-RJ (1, 2, 2)", "P-DATA-TF", for messages. */
export declare function describe(p: ReceivedPdu): string;
export {};
