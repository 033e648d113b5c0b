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
import { decodePdu, encodePdu } from '../../transport/pdu-codec.js';
import { emptyUserInformation, PDU_NAMES, type AssociateRqPdu, type Pdu, type PduName } from '../../transport/pdu-types.js';

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

const nameOf = (type: number): ReceivedPdu['name'] => PDU_NAMES[type] ?? `0x${type.toString(16).padStart(2, '0')}`;

/** Starts a peer that runs `script` on every connection it accepts. */
export async function rawPeer(script: readonly Step[]): Promise<RawPeer> {
  const connections: PeerConnection[] = [];
  const sockets = new Set<net.Socket>();
  const waiters: Array<{ n: number; resolve: (c: PeerConnection) => void }> = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const conn = runScript(socket, script);
    void conn.closed.then(() => sockets.delete(socket));
    connections.push(conn);
    for (const w of waiters.filter((w) => w.n < connections.length)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(connections[w.n]!);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    connections,
    connection: (n = 0) => (n < connections.length ? Promise.resolve(connections[n]!) : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function runScript(socket: net.Socket, script: readonly Step[]): PeerConnection {
  const received: ReceivedPdu[] = [];
  const queue: ReceivedPdu[] = [];
  let wake: (() => void) | undefined;
  let isClosed = false;
  let pending = Buffer.alloc(0);
  const closed = new Promise<void>((resolve) => {
    socket.on('close', () => {
      isClosed = true;
      wake?.();
      resolve();
    });
  });
  socket.on('error', () => {
    /* ECONNRESET and the like: 'close' follows */
  });
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 6) {
      const len = pending.readUInt32BE(2);
      if (pending.length < 6 + len) break;
      const pdu: ReceivedPdu = { type: pending[0]!, name: nameOf(pending[0]!), bytes: Buffer.from(pending.subarray(0, 6 + len)) };
      pending = pending.subarray(6 + len);
      received.push(pdu);
      queue.push(pdu);
      wake?.();
    }
  });
  const runtime: ConnectionRuntime = {
    closed,
    async nextPdu() {
      while (queue.length === 0) {
        if (isClosed) throw new Error('the connection closed before the expected PDU');
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
      }
      return queue.shift()!;
    },
  };
  const ctx: PeerContext = { socket, received, last: undefined };
  const run = async () => {
    for (const step of script) await step(ctx, runtime);
  };
  const scriptDone = run();
  scriptDone.catch(() => socket.destroy());
  return { received, closed, isClosed: () => isClosed, script: scriptDone, names: () => received.map((p) => p.name) };
}

// ---- steps ----

/** Waits for the next PDU and checks its type (code or name). Fails the script on another type or a close. */
export function expectPdu(type: number | PduName): Step {
  return async (ctx, conn) => {
    const pdu = await conn.nextPdu();
    const want = typeof type === 'number' ? nameOf(type) : type;
    if (pdu.name !== want) throw new Error(`expected ${want}, received ${pdu.name}`);
    ctx.last = pdu;
  };
}

/** Sends bytes, or bytes built from what was received so far (e.g. an A-ASSOCIATE-AC answering the RQ). */
export function send(bytes: Buffer | ((ctx: PeerContext) => Buffer)): Step {
  return async (ctx) => {
    if (ctx.socket.destroyed) throw new Error('send: the connection is closed');
    ctx.socket.write(typeof bytes === 'function' ? bytes(ctx) : bytes);
  };
}

/** Pauses the script for `ms` milliseconds. */
export function wait(ms: number): Step {
  return () => new Promise((r) => setTimeout(r, ms));
}

/** Closes the connection at once (socket destroyed: a reset if unread data is left). */
export function close(): Step {
  return async (ctx) => {
    ctx.socket.destroy();
  };
}

/** Half-closes gracefully (FIN) after what was written, and waits for the other side to close too. */
export function end(): Step {
  return async (ctx, conn) => {
    ctx.socket.end();
    await conn.closed;
  };
}

/** Goes silent: keeps reading and recording PDUs, answers nothing, until the other side closes. */
export function neverAnswer(): Step {
  return async (_ctx, conn) => {
    await conn.closed;
  };
}

// ---- PDU builders ----

/** The decoded A-ASSOCIATE-RQ this connection received. Throws if there is none. */
export function associateRqOf(ctx: PeerContext): AssociateRqPdu {
  const raw = ctx.received.find((p) => p.name === 'A-ASSOCIATE-RQ');
  if (!raw) throw new Error('no A-ASSOCIATE-RQ received');
  return decodePdu(raw.bytes) as AssociateRqPdu;
}

/**
 * An A-ASSOCIATE-AC for the received RQ that accepts every proposed context
 * with its first transfer syntax and every proposed role, advertising
 * `maxLength` (default 16384). With `result` (PS3.8 Table 9-18, e.g. 3
 * abstract-syntax-not-supported) every context gets that result instead.
 * PS3.8 §9.3.3.
 */
export function acceptAll(opts: { maxLength?: number; result?: number } = {}): (ctx: PeerContext) => Buffer {
  return (ctx) => {
    const rq = associateRqOf(ctx);
    return encodePdu({
      type: 'A-ASSOCIATE-AC',
      protocolVersion: 1,
      calledAETitle: rq.calledAETitle,
      callingAETitle: rq.callingAETitle,
      applicationContext: rq.applicationContext,
      presentationContexts: rq.presentationContexts.map((pc) => ({ id: pc.id, result: opts.result ?? 0, transferSyntax: pc.transferSyntaxes[0]! })),
      userInformation: {
        ...emptyUserInformation(),
        maxLength: opts.maxLength ?? 16384,
        implementationClassUid: '1.2.3.4',
        implementationVersionName: 'RAWPEER',
        roleSelections: rq.userInformation.roleSelections,
      },
    });
  };
}

/** A-ASSOCIATE-RJ (PDU type 03), PS3.8 Table 9-21. */
export function associateRj(result: number, source: number, reason: number): Buffer {
  return Buffer.from([0x03, 0, 0, 0, 0, 4, 0, result, source, reason]);
}

/** A-ABORT (PDU type 07), PS3.8 Table 9-26. */
export function abortPdu(source: number, reason: number): Buffer {
  return Buffer.from([0x07, 0, 0, 0, 0, 4, 0, 0, source, reason]);
}

/** A-RELEASE-RQ (PDU type 05), PS3.8 Table 9-24. */
export const releaseRq = (): Buffer => Buffer.from([0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0]);

/** A-RELEASE-RP (PDU type 06), PS3.8 Table 9-25. */
export const releaseRp = (): Buffer => Buffer.from([0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0]);

/** Any PDU encoded by the codec (for steps that need a full P-DATA-TF or the like). */
export const pduBytes = (pdu: Pdu): Buffer => encodePdu(pdu);
