import { createServer, type Server, type Socket } from 'node:net';
import { assign, createActor, fromCallback, sendTo, setup, type InspectionEvent } from 'xstate';

export interface ListenerOptions {
  host: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** A connection was accepted (Evt5 for a new association). */
  onConnection(socket: Socket): void;
  inspect?: (ev: InspectionEvent) => void;
}

type ServerEvent =
  | { type: 'LISTENING'; port: number }
  | { type: 'FAILED'; error: Error }
  | { type: 'CONNECTION'; socket: Socket }
  | { type: 'CLOSE' }
  | { type: 'CLOSED' };

/** Wraps a net.Server: connections and its life come back as events. Every accepted socket has Nagle off. */
const tcpServer = fromCallback<ServerEvent, { host: string; port: number }>(({ input, sendBack, receive }) => {
  const server: Server = createServer({ noDelay: true, allowHalfOpen: false });
  server.on('connection', (socket) => sendBack({ type: 'CONNECTION', socket }));
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
    types: { events: {} as ServerEvent, input: {} as { host: string; port: number }, context: {} as { host: string; port: number; error: Error | null } },
    actors: { tcpServer },
  }).createMachine({
    id: 'listener',
    context: ({ input }) => ({ host: input.host, port: input.port, error: null }),
    invoke: { id: 'server', src: 'tcpServer', input: ({ context }) => ({ host: context.host, port: context.port }) },
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
  const actor = createActor(machine, { input: { host: o.host, port: o.port }, ...(o.inspect ? { inspect: o.inspect } : {}) });
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
