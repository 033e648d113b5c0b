import type { Server, Socket } from 'node:net';
import { assign, createActor, fromCallback, sendTo, setup, type InspectionEvent } from 'xstate';
import { createTransportServer, type ServerTlsOptions, type TlsRefusal } from '../transport/tls.js';

export interface ListenerOptions {
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** A connection was accepted (Evt5 for a new association). */
  onConnection(socket: Socket): void;
  /** TLS (PS3.15 Annex B): connections reach `onConnection` only after the handshake. Absent: plain TCP. */
  tls?: ServerTlsOptions;
  /** A TLS connection refused before any PDU (handshake or client certificate). */
  onTlsRefused?: (r: TlsRefusal) => void;
  inspect?: (ev: InspectionEvent) => void;
}

type ServerEvent =
  | { type: 'LISTENING'; port: number }
  | { type: 'FAILED'; error: Error }
  | { type: 'CONNECTION'; socket: Socket }
  | { type: 'CLOSE' }
  | { type: 'CLOSED' };

interface ServerInput {
  host: string;
  port: number;
  tls?: ServerTlsOptions;
  onTlsRefused?: (r: TlsRefusal) => void;
}

/** Wraps a net.Server (tls.Server with `tls`): connections and its life come back as events. Every accepted socket has Nagle off. */
const tcpServer = fromCallback<ServerEvent, ServerInput>(({ input, sendBack, receive }) => {
  const server: Server = createTransportServer({
    ...(input.tls ? { tls: input.tls } : {}),
    onSocket: (socket) => sendBack({ type: 'CONNECTION', socket }),
    ...(input.onTlsRefused ? { onRefused: input.onTlsRefused } : {}),
  });
  server.on('error', (error) => sendBack({ type: 'FAILED', error }));
  server.listen({ host: input.host, port: input.port }, () => {
    const addr = server.address();
    sendBack({ type: 'LISTENING', port: typeof addr === 'object' && addr ? addr.port : input.port });
  });
  receive((ev) => {
    if (ev.type === 'CLOSE') server.close(() => sendBack({ type: 'CLOSED' }));
  });
  return () => server.close();
});

/**
 * The listener actor: listens on a TCP port and hands each accepted
 * connection to `onConnection`, which starts one association actor (a root
 * actor kept by the AE, not a child: spawning children costs O(live children)).
 * States: starting → listening → closing → closed (or failed).
 */
export function createListenerMachine(onConnection: (socket: Socket) => void) {
  return setup({
    types: { events: {} as ServerEvent, input: {} as ServerInput, context: {} as ServerInput & { error: Error | null } },
    actors: { tcpServer },
  }).createMachine({
    id: 'listener',
    context: ({ input }) => ({ ...input, error: null }),
    invoke: { id: 'server', src: 'tcpServer', input: ({ context }) => ({ host: context.host, port: context.port, ...(context.tls ? { tls: context.tls } : {}), ...(context.onTlsRefused ? { onTlsRefused: context.onTlsRefused } : {}) }) },
    initial: 'starting',
    states: {
      starting: {
        on: {
          LISTENING: { target: 'listening', actions: assign({ port: ({ event }) => event.port }) },
          FAILED: { target: 'failed', actions: assign({ error: ({ event }) => event.error }) },
        },
      },
      listening: {
        on: {
          CONNECTION: { actions: ({ event }) => onConnection(event.socket) },
          CLOSE: { target: 'closing', actions: sendTo('server', { type: 'CLOSE' }) },
        },
      },
      closing: { on: { CLOSED: 'closed', CONNECTION: { actions: ({ event }) => event.socket.destroy() } } },
      closed: { type: 'final' },
      failed: { type: 'final' },
    },
  });
}

/** Starts a listener; resolves once listening with the bound port. Rejects with the listen error (EADDRINUSE…). */
export async function startListener(o: ListenerOptions): Promise<{ port: number; close(): Promise<void> }> {
  const machine = createListenerMachine(o.onConnection);
  const input: ServerInput = { host: o.host, port: o.port, ...(o.tls ? { tls: o.tls } : {}), ...(o.onTlsRefused ? { onTlsRefused: o.onTlsRefused } : {}) };
  const actor = createActor(machine, { input, ...(o.inspect ? { inspect: o.inspect } : {}) });
  const listening = new Promise<number>((resolve, reject) => {
    actor.subscribe((s) => {
      if (s.matches('listening')) resolve(s.context.port);
      if (s.matches('failed')) reject(s.context.error);
    });
  });
  actor.start();
  const port = await listening;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        actor.subscribe((s) => s.status === 'done' && resolve());
        actor.send({ type: 'CLOSE' });
        if (actor.getSnapshot().status === 'done') resolve();
      }),
  };
}
