import type { Socket } from 'node:net';
import { type InspectionEvent } from 'xstate';
import { type ServerTlsOptions, type TlsRefusal } from '../transport/tls.js';
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
type ServerEvent = {
    type: 'LISTENING';
    port: number;
} | {
    type: 'FAILED';
    error: Error;
} | {
    type: 'CONNECTION';
    socket: Socket;
} | {
    type: 'CLOSE';
} | {
    type: 'CLOSED';
};
interface ServerInput {
    host: string;
    port: number;
    tls?: ServerTlsOptions;
    onTlsRefused?: (r: TlsRefusal) => void;
}
/**
 * The listener actor: listens on a TCP port and hands each accepted
 * connection to `onConnection`, which starts one association actor (a root
 * actor kept by the AE, not a child: spawning children costs O(live children)).
 * States: starting → listening → closing → closed (or failed).
 */
export declare function createListenerMachine(onConnection: (socket: Socket) => void): import("xstate").StateMachine<ServerInput & {
    error: Error | null;
}, {
    type: 'LISTENING';
    port: number;
} | {
    type: 'FAILED';
    error: Error;
} | {
    type: 'CONNECTION';
    socket: Socket;
} | {
    type: 'CLOSE';
} | {
    type: 'CLOSED';
}, {
    server?: import("xstate").ActorRefFromLogic<import("xstate").CallbackActorLogic<ServerEvent, ServerInput, import("xstate").EventObject>> | undefined;
}, {
    src: "tcpServer";
    logic: import("xstate").CallbackActorLogic<ServerEvent, ServerInput, import("xstate").EventObject>;
    id: "server";
}, never, never, never, "closed" | "closing" | "failed" | "listening" | "starting", string, ServerInput, import("xstate").NonReducibleUnknown, import("xstate").EventObject, import("xstate").MetaObject, {
    id: "listener";
    states: {
        readonly starting: {};
        readonly listening: {};
        readonly closing: {};
        readonly closed: {};
        readonly failed: {};
    };
}, import("xstate").MetaObject>;
/** Starts a listener; resolves once listening with the bound port. Rejects with the listen error (EADDRINUSE…). */
export declare function startListener(o: ListenerOptions): Promise<{
    port: number;
    close(): Promise<void>;
}>;
export {};
