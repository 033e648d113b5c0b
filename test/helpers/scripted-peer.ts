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
import { encodePdu } from '../../transport/pdu-codec.js';
import { pduArb } from './pdu-arbitraries.js';

// ---------------------------------------------------------------- bytes

const u8 = (n: number) => Buffer.from([n & 0xff]);
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n & 0xffff);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const ascii = (s: string) => Buffer.from(s, 'latin1');
/** `s` padded with spaces to exactly `width` bytes (AE titles). */
const fixed = (s: string, width: number) => ascii(s.padEnd(width, ' ').slice(0, width));

/** A PDU item or sub-item: type, reserved, 2-byte length, body (PS3.8 §9.3.2). `length` overrides the true length. */
export function item(type: number, body: Buffer, o: { length?: number; reserved?: number } = {}): Buffer {
  return Buffer.concat([u8(type), u8(o.reserved ?? 0), u16(o.length ?? body.length), body]);
}

/** A whole PDU: type, reserved, 4-byte length, body (PS3.8 §9.3.1). `length` overrides the true length (a lie). */
export function rawPdu(type: number, body: Buffer, o: { length?: number; reserved?: number } = {}): Buffer {
  return Buffer.concat([u8(type), u8(o.reserved ?? 0), u32(o.length ?? body.length), body]);
}

// ---------------------------------------------------------------- UIDs

export const UID = {
  Verification: '1.2.840.10008.1.1',
  ApplicationContext: '1.2.840.10008.3.1.1.1',
  ImplicitVRLittleEndian: '1.2.840.10008.1.2',
  ExplicitVRLittleEndian: '1.2.840.10008.1.2.1',
  /** Our test implementation class UID (2.25 UUID form). */
  ImplementationClass: '2.25.82736409813264509215471296587133741201',
} as const;

// ---------------------------------------------------------------- PDU builders

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
  userIdentity?: { username: string; passcode?: string };
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
function associateRq(o: AssociateOptions & { contexts?: RqContext[] } = {}): Buffer {
  const r = o.reserved ?? 0;
  const contexts = o.contexts ?? [{ id: 1, abstractSyntax: UID.Verification, transferSyntaxes: [UID.ImplicitVRLittleEndian] }];
  const items =
    o.items ??
    Buffer.concat([
      item(0x10, ascii(o.applicationContext ?? UID.ApplicationContext), { reserved: r }),
      ...contexts.map((pc) =>
        item(
          0x20,
          Buffer.concat([
            u8(pc.id), u8(r), u8(r), u8(r),
            item(0x30, ascii(pc.abstractSyntax), { reserved: r }),
            ...pc.transferSyntaxes.map((ts) => item(0x40, ascii(ts), { reserved: r })),
          ]),
          { reserved: r },
        ),
      ),
      userInformation(o),
      ...(o.extraItems ?? []),
    ]);
  return rawPdu(0x01, Buffer.concat([fixedPart(o), items]), { reserved: r, ...(o.length !== undefined ? { length: o.length } : {}) });
}

export interface AcContext {
  id: number;
  /** 0 acceptance, 1 user-rejection, 2 no-reason, 3 abstract syntax not supported, 4 transfer syntaxes not supported. */
  result: number;
  transferSyntax: string;
}

/** A-ASSOCIATE-AC, PS3.8 §9.3.3 (Table 9-17). Default: context 1 accepted with Implicit VR LE. */
function associateAc(o: AssociateOptions & { contexts?: AcContext[] } = {}): Buffer {
  const r = o.reserved ?? 0;
  const contexts = o.contexts ?? [{ id: 1, result: 0, transferSyntax: UID.ImplicitVRLittleEndian }];
  const items =
    o.items ??
    Buffer.concat([
      item(0x10, ascii(o.applicationContext ?? UID.ApplicationContext), { reserved: r }),
      ...contexts.map((pc) =>
        item(0x21, Buffer.concat([u8(pc.id), u8(r), u8(pc.result), u8(r), item(0x40, ascii(pc.transferSyntax), { reserved: r })]), { reserved: r }),
      ),
      userInformation(o),
      ...(o.extraItems ?? []),
    ]);
  return rawPdu(0x02, Buffer.concat([fixedPart(o), items]), { reserved: r, ...(o.length !== undefined ? { length: o.length } : {}) });
}

/** Protocol version, reserved, called and calling AE titles, 32 reserved bytes (Table 9-11 bytes 7–74). */
function fixedPart(o: AssociateOptions): Buffer {
  const r = o.reserved ?? 0;
  return Buffer.concat([
    u16(o.protocolVersion ?? 1), Buffer.alloc(2, r),
    fixed(o.calledAETitle ?? 'ANY-SCP', 16), fixed(o.callingAETitle ?? 'SCRIPTED', 16),
    Buffer.alloc(32, r),
  ]);
}

/** User Information item (0x50) with Maximum Length, Implementation Class UID and, if asked, User Identity. */
function userInformation(o: AssociateOptions): Buffer {
  const r = o.reserved ?? 0;
  const subs: Buffer[] = [];
  if (o.maxLength !== null) subs.push(item(0x51, u32(o.maxLength ?? 16384), { reserved: r }));
  subs.push(item(0x52, ascii(UID.ImplementationClass), { reserved: r }));
  if (o.userIdentity) {
    const primary = ascii(o.userIdentity.username);
    const secondary = ascii(o.userIdentity.passcode ?? '');
    const type = o.userIdentity.passcode === undefined ? 1 : 2;
    subs.push(item(0x58, Buffer.concat([u8(type), u8(0), u16(primary.length), primary, u16(secondary.length), secondary]), { reserved: r }));
  }
  subs.push(...(o.extraUserInformation ?? []));
  return item(0x50, Buffer.concat(subs), { reserved: r });
}

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
function pData(pdvs: readonly PdvSpec[], o: { length?: number; reserved?: number } = {}): Buffer {
  const body = Buffer.concat(
    pdvs.map((p) =>
      Buffer.concat([u32(p.itemLength ?? p.data.length + 2), u8(p.pcId), u8((p.command ? 1 : 0) | (p.last ? 2 : 0) | ((p.mchReserved ?? 0) << 2)), p.data]),
    ),
  );
  return rawPdu(0x04, body, o);
}

/** The fixed 4-byte-body PDUs, PS3.8 §9.3.4, 9.3.6–9.3.8. */
const fixed4 = (type: number, a: number, b: number, c: number, d: number, o: { length?: number; reserved?: number } = {}) =>
  rawPdu(type, Buffer.from([a, b, c, d]), o);

export const pdu = {
  associateRq,
  associateAc,
  /** A-ASSOCIATE-RJ (Table 9-21): result 1 permanent / 2 transient; source 1 user, 2 ACSE, 3 presentation. */
  associateRj: (result: number, source: number, reason: number, o: { reserved?: number } = {}) => fixed4(0x03, o.reserved ?? 0, result, source, reason, o),
  pData,
  releaseRq: (o: { reserved?: number; length?: number } = {}) => fixed4(0x05, o.reserved ?? 0, o.reserved ?? 0, o.reserved ?? 0, o.reserved ?? 0, o),
  releaseRp: (o: { reserved?: number; length?: number } = {}) => fixed4(0x06, o.reserved ?? 0, o.reserved ?? 0, o.reserved ?? 0, o.reserved ?? 0, o),
  /** A-ABORT (Table 9-26): source 0 service-user, 2 service-provider. */
  abort: (source: number, reason: number, o: { reserved?: number; length?: number } = {}) => fixed4(0x07, o.reserved ?? 0, o.reserved ?? 0, source, reason, o),
  /** A PDU of a type PS3.8 does not define (0x08 by default), with a 4-byte body. */
  unknownType: (type = 0x08) => rawPdu(type, Buffer.alloc(4)),
  /** A header alone that announces `length` bytes, none of which follow. */
  header: (type: number, length: number) => rawPdu(type, Buffer.alloc(0), { length }),
  raw: rawPdu,
  item,
  /** Not DICOM: what a browser or a load balancer's HTTP health check sends. */
  httpGet: () => ascii('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: health-check\r\nAccept: */*\r\n\r\n'),
  /** Not DICOM: the start of a TLS 1.2 ClientHello record (content type 0x16). */
  tlsClientHello: () =>
    Buffer.concat([
      Buffer.from([0x16, 0x03, 0x01]), u16(49), // record: handshake, TLS 1.0 record version, length
      Buffer.from([0x01, 0x00, 0x00, 45, 0x03, 0x03]), Buffer.alloc(32, 0x5a), // ClientHello, version 1.2, random
      Buffer.from([0x00, 0x00, 0x02, 0xc0, 0x2f, 0x01, 0x00, 0x00, 0x00]), // no session, one suite, null compression, no extensions
    ]),
} as const;

// ---------------------------------------------------------------- mutations (for fuzzing)

/** One change to a PDU's bytes; offsets wrap around the buffer's length. */
export type Mutation =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'u16'; at: number; value: number }
  | { kind: 'u32'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'append'; bytes: Buffer }
  /** Rewrites the PDU length to match the bytes present, so a decoder reads past the header. */
  | { kind: 'fixLength' };

/** Applies mutations in order to a copy of `bytes`. */
export function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of mutations) {
    if (m.kind === 'append') b = Buffer.concat([b, m.bytes]);
    else if (m.kind === 'fixLength') {
      if (b.length >= 6) b.writeUInt32BE(b.length - 6, 2);
    } else if (b.length === 0) continue;
    else if (m.kind === 'truncate') b = b.subarray(0, m.at % b.length);
    else if (m.kind === 'set') b[m.at % b.length] = m.value & 0xff;
    else if (m.kind === 'u16' && b.length >= 2) b.writeUInt16BE(m.value & 0xffff, m.at % (b.length - 1));
    else if (m.kind === 'u32' && b.length >= 4) b.writeUInt32BE(m.value >>> 0, m.at % (b.length - 3));
  }
  return b;
}

const offsetArb = fc.nat({ max: 4096 });
/** Values that break length fields: 0, 1, around the real sizes, and the largest. */
const lengthishArb = fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0xffff, 0x10000, 0x7fffffff, 0xffffffff), fc.nat({ max: 0x1ffff }));

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: offsetArb, value: fc.nat({ max: 255 }) }),
  fc.record({ kind: fc.constant('u16' as const), at: offsetArb, value: lengthishArb }),
  fc.record({ kind: fc.constant('u32' as const), at: offsetArb, value: lengthishArb }),
  fc.record({ kind: fc.constant('truncate' as const), at: offsetArb }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ maxLength: 32 }).map((a) => Buffer.from(a)) }),
  fc.constant({ kind: 'fixLength' as const }),
);

/** Hand-built PDUs (the builders above, reserved-field and User Identity variants included) as starting points. */
const builtArb: fc.Arbitrary<Buffer> = fc.constantFrom(
  pdu.associateRq(), pdu.associateRq({ reserved: 0xff, userIdentity: { username: 'u', passcode: 'p' } }), pdu.associateAc(),
  pdu.associateRj(1, 2, 2), pdu.releaseRq(), pdu.releaseRp(), pdu.abort(2, 6),
  pdu.pData([{ pcId: 1, command: true, last: true, data: Buffer.alloc(20) }, { pcId: 3, command: false, last: false, data: Buffer.alloc(7) }]),
);

/** A valid PDU's bytes (generated or hand-built) after 1–4 mutations, the PDU length often made to match again. */
export const mutatedPduArb: fc.Arbitrary<Buffer> = fc
  .tuple(fc.oneof(pduArb.map(encodePdu), builtArb), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([bytes, ms, fix]) => mutate(bytes, fix ? [...ms, { kind: 'fixLength' }] : ms));

// ---------------------------------------------------------------- DIMSE command sets (PS3.7 Annex E)

/** One group 0000 element, Implicit VR Little Endian: tag, 4-byte length, value. */
function element(elementNo: number, value: Buffer): Buffer {
  const h = Buffer.alloc(8);
  h.writeUInt16LE(0x0000, 0);
  h.writeUInt16LE(elementNo, 2);
  h.writeUInt32LE(value.length, 4);
  return Buffer.concat([h, value]);
}
const us = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
/** A UID value, NUL-padded to even length. */
const ui = (s: string) => (s.length % 2 ? Buffer.concat([ascii(s), Buffer.alloc(1)]) : ascii(s));

/** A command set with CommandGroupLength first (PS3.7 §6.3.1). */
function commandSet(elements: Buffer[]): Buffer {
  const rest = Buffer.concat(elements);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(rest.length);
  return Buffer.concat([element(0x0000, len), rest]);
}

export const dimse = {
  /** C-ECHO-RQ, PS3.7 §9.3.5.1. `dataSetType` other than 0x0101 announces a data set (which C-ECHO never has). */
  cEchoRq: (messageId: number, sopClass: string = UID.Verification, dataSetType = 0x0101) =>
    commandSet([element(0x0002, ui(sopClass)), element(0x0100, us(0x0030)), element(0x0110, us(messageId)), element(0x0800, us(dataSetType))]),
  /** C-ECHO-RSP, PS3.7 §9.3.5.2. */
  cEchoRsp: (respondingTo: number, status = 0, sopClass: string = UID.Verification) =>
    commandSet([element(0x0002, ui(sopClass)), element(0x0100, us(0x8030)), element(0x0120, us(respondingTo)), element(0x0800, us(0x0101)), element(0x0900, us(status))]),
  /** CommandField (0000,0100) of a command set, or undefined. */
  commandField(cmd: Buffer): number | undefined {
    for (let at = 0; at + 8 <= cmd.length; ) {
      const group = cmd.readUInt16LE(at);
      const el = cmd.readUInt16LE(at + 2);
      const len = cmd.readUInt32LE(at + 4);
      if (group === 0 && el === 0x0100 && len === 2) return cmd.readUInt16LE(at + 8);
      at += 8 + len;
    }
    return undefined;
  },
};

/** A P-DATA-TF holding one whole C-ECHO-RQ on a presentation context. */
export const echoRqPData = (pcId = 1, messageId = 1, sopClass: string = UID.Verification) =>
  pdu.pData([{ pcId, command: true, last: true, data: dimse.cEchoRq(messageId, sopClass) }]);

// ---------------------------------------------------------------- received PDUs

export const PDU_NAME: Record<number, string> = {
  0x01: 'A-ASSOCIATE-RQ', 0x02: 'A-ASSOCIATE-AC', 0x03: 'A-ASSOCIATE-RJ', 0x04: 'P-DATA-TF',
  0x05: 'A-RELEASE-RQ', 0x06: 'A-RELEASE-RP', 0x07: 'A-ABORT',
};

/** One PDU as received: type, name, whole bytes (header included) and body. */
export interface ReceivedPdu {
  type: number;
  name: string;
  bytes: Buffer;
  body: Buffer;
}

/** A-ABORT source and reason (body bytes 3 and 4). */
export const abortOf = (p: ReceivedPdu) => ({ source: p.body[2]!, reason: p.body[3]! });
/** A-ASSOCIATE-RJ result, source and reason (body bytes 2–4). */
export const rejectOf = (p: ReceivedPdu) => ({ result: p.body[1]!, source: p.body[2]!, reason: p.body[3]! });
/** The PDVs of a P-DATA-TF. */
export function pdvsOf(p: ReceivedPdu): { pcId: number; command: boolean; last: boolean; data: Buffer }[] {
  const out = [];
  for (let at = 0; at + 6 <= p.body.length; ) {
    const len = p.body.readUInt32BE(at);
    out.push({ pcId: p.body[at + 4]!, command: (p.body[at + 5]! & 1) === 1, last: (p.body[at + 5]! & 2) === 2, data: p.body.subarray(at + 6, at + 4 + len) });
    at += 4 + len;
  }
  return out;
}
/** Presentation context results of an A-ASSOCIATE-AC, by context ID. */
export function acResults(p: ReceivedPdu): Map<number, number> {
  const out = new Map<number, number>();
  for (let at = 68; at + 4 <= p.body.length; ) {
    const type = p.body[at]!;
    const len = p.body.readUInt16BE(at + 2);
    if (type === 0x21) out.set(p.body[at + 4]!, p.body[at + 6]!);
    at += 4 + len;
  }
  return out;
}

// ---------------------------------------------------------------- the peer

export type Step =
  /** Bytes written with one write(): PDUs given together arrive in one read on loopback. */
  | { send: Buffer | readonly Buffer[] }
  /** The next PDU received must be of this type (by name); `check` may assert more. */
  | { expect: string; check?: (p: ReceivedPdu) => void; timeoutMs?: number }
  /** Pause, for pacing only (never an assertion). */
  | { wait: number }
  /** end: FIN; destroy: close; reset: TCP RST. */
  | { close: 'end' | 'destroy' | 'reset' }
  /** The other side closes the connection (within the timeout). */
  | { expectClose: true; timeoutMs?: number };

const DEFAULT_TIMEOUT = 5_000;
/** Largest PDU the peer buffers; anything bigger from netdicom would be a bug. */
const PEER_MAX_PDU = 64 << 20;

/** One TCP connection played by a script. */
export class ScriptedPeer {
  /** Every PDU received, in order. */
  readonly received: ReceivedPdu[] = [];
  /** Resolves when the socket has closed (either side). */
  readonly closed: Promise<void>;
  private taken = 0;
  private pending: Buffer = Buffer.alloc(0);
  private isClosedFlag = false;
  private wake: (() => void) | undefined;

  constructor(readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => {}); // ECONNRESET when netdicom closes hard: seen as a close
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        this.isClosedFlag = true;
        this.wake?.();
        resolve();
      }),
    );
  }

  /** Connects to 127.0.0.1:port (requestor side). */
  static connect(port: number, host = '127.0.0.1'): Promise<ScriptedPeer> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host, noDelay: true });
      s.once('connect', () => resolve(new ScriptedPeer(s)));
      s.once('error', reject);
    });
  }

  /** Listens on 127.0.0.1:0 (acceptor side); `accept()` gives each connection in turn. */
  static listen(): Promise<PeerListener> {
    return new Promise((resolve, reject) => {
      const accepted: ScriptedPeer[] = [];
      const waiting: ((p: ScriptedPeer) => void)[] = [];
      const server = net.createServer({ noDelay: true }, (s) => {
        const p = new ScriptedPeer(s);
        const w = waiting.shift();
        if (w) w(p);
        else accepted.push(p);
      });
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        resolve({
          port,
          accept: (timeoutMs = DEFAULT_TIMEOUT) =>
            accepted.length > 0
              ? Promise.resolve(accepted.shift()!)
              : withTimeout(new Promise<ScriptedPeer>((r) => waiting.push(r)), timeoutMs, 'no connection accepted'),
          close: () => new Promise<void>((r) => server.close(() => r())),
        });
      });
    });
  }

  isClosed(): boolean {
    return this.isClosedFlag;
  }

  /** Writes the buffers with one write() call. */
  send(...parts: Buffer[]): void {
    if (!this.socket.destroyed) this.socket.write(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
  }

  /** The next PDU not yet taken; rejects when the connection closes first or after `timeoutMs`. */
  async next(timeoutMs = DEFAULT_TIMEOUT): Promise<ReceivedPdu> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.taken < this.received.length) return this.received[this.taken++]!;
      if (this.isClosedFlag) throw new Error(`connection closed; received so far: ${this.names().join(', ') || 'nothing'}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no PDU within ${timeoutMs} ms; received so far: ${this.names().join(', ') || 'nothing'}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
      this.wake = undefined;
    }
  }

  /** The next PDU, which must be of type `name`. */
  async expect(name: string, timeoutMs = DEFAULT_TIMEOUT): Promise<ReceivedPdu> {
    const p = await this.next(timeoutMs);
    if (p.name !== name) throw new Error(`expected ${name}, received ${describe(p)}`);
    return p;
  }

  /** Resolves when the other side has closed the connection; rejects after `timeoutMs`. */
  expectClosed(timeoutMs = DEFAULT_TIMEOUT): Promise<void> {
    return withTimeout(this.closed, timeoutMs, `connection still open after ${timeoutMs} ms; received: ${this.names().join(', ') || 'nothing'}`);
  }

  /** Half-closes (FIN). netdicom does not allow half-open connections, so it closes too. */
  end(): void {
    this.socket.end();
  }

  destroy(): void {
    this.socket.destroy();
  }

  /** Closes with a TCP RST. */
  reset(): void {
    this.socket.resetAndDestroy();
  }

  /** Names of the PDUs received so far. */
  names(): string[] {
    return this.received.map((p) => p.name);
  }

  /** Sends an A-ASSOCIATE-RQ and returns the A-ASSOCIATE-AC (throws on anything else). */
  async associate(o: Parameters<typeof associateRq>[0] = {}): Promise<ReceivedPdu> {
    this.send(pdu.associateRq(o));
    return this.expect('A-ASSOCIATE-AC');
  }

  /** Plays the steps in order; rejects with the first that fails. */
  async play(steps: readonly Step[]): Promise<void> {
    for (const [i, step] of steps.entries()) {
      try {
        if ('send' in step) this.send(...(Buffer.isBuffer(step.send) ? [step.send] : step.send));
        else if ('expect' in step) {
          const p = await this.expect(step.expect, step.timeoutMs); // not inside `check?.()`: that would skip the wait when there is no check
          step.check?.(p);
        }
        else if ('wait' in step) await new Promise((r) => setTimeout(r, step.wait));
        else if ('close' in step) step.close === 'end' ? this.end() : step.close === 'reset' ? this.reset() : this.destroy();
        else await this.expectClosed(step.timeoutMs);
      } catch (err) {
        throw new Error(`step ${i + 1} (${Object.keys(step)[0]}): ${(err as Error).message}`);
      }
    }
  }

  private onData(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 6) {
      const len = this.pending.readUInt32BE(2);
      if (len > PEER_MAX_PDU) {
        this.socket.destroy(new Error(`netdicom sent a PDU header announcing ${len} bytes`));
        return;
      }
      if (this.pending.length < 6 + len) break;
      const bytes = Buffer.from(this.pending.subarray(0, 6 + len));
      this.pending = this.pending.subarray(6 + len);
      const type = bytes[0]!;
      this.received.push({ type, name: PDU_NAME[type] ?? `0x${type.toString(16).padStart(2, '0')}`, bytes, body: bytes.subarray(6) });
    }
    this.wake?.();
  }
}

export interface PeerListener {
  port: number;
  /** The next accepted connection. */
  accept(timeoutMs?: number): Promise<ScriptedPeer>;
  /** Stops listening (open connections stay). */
  close(): Promise<void>;
}

/** "A-ABORT (2, 6)", "A-ASSOCIATE-RJ (1, 2, 2)", "P-DATA-TF", for messages. */
export function describe(p: ReceivedPdu): string {
  if (p.name === 'A-ABORT') return `A-ABORT (${p.body[2]}, ${p.body[3]})`;
  if (p.name === 'A-ASSOCIATE-RJ') return `A-ASSOCIATE-RJ (${p.body[1]}, ${p.body[2]}, ${p.body[3]})`;
  return p.name;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => (t = setTimeout(() => reject(new Error(what)), ms)))]).finally(() => clearTimeout(t));
}
