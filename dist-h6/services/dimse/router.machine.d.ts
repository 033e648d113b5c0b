import { type AnyActorLogic } from 'xstate';
import type { ServiceInput, ServiceOutput } from './service.js';
export type RouterEvent = {
    type: 'REQUEST';
    id: string;
    service: string;
    input: ServiceInput;
} | ServiceOutput | {
    type: 'STOP';
    id: string;
};
export interface RouterDeps {
    /** A service actor answered; `id` is its operation id. */
    respond(id: string, out: Extract<ServiceOutput, {
        type: 'RESPONSE';
    }>): void;
    pause(): void;
    resume(): void;
    /** A service actor asks to send a request on the association (a sub-operation). */
    subop(out: Extract<ServiceOutput, {
        type: 'SUBOP';
    }>): void;
}
/**
 * The DIMSE router of one association: starts one service actor per request
 * (id `op-<pcId>-<MessageID>`), passes their responses on, and stops each one
 * after its final response. Service actors are children, so the inspector
 * sees them and a failing one is reported, never fatal.
 */
export declare function createRouterMachine(actors: Record<string, AnyActorLogic>, deps: RouterDeps): import("xstate").StateMachine<import("xstate").MachineContext, {
    type: 'RESPONSE';
    id: string;
    command: import("./command-set.js").CommandSet;
    dataset?: Buffer;
    final: boolean;
} | {
    type: 'PAUSE';
    id: string;
} | {
    type: 'RESUME';
    id: string;
} | {
    type: 'SUBOP';
    id: string;
    pcId: number;
    command: import("./command-set.js").CommandSet;
    pieces: () => AsyncIterable<Buffer>;
    bytes: number;
} | {
    type: 'REQUEST';
    id: string;
    service: string;
    input: ServiceInput;
} | {
    type: 'STOP';
    id: string;
}, Record<string, import("xstate").AnyActorRef>, {
    src: string;
    logic: AnyActorLogic;
    id: string | undefined;
}, never, never, never, {}, string, import("xstate").NonReducibleUnknown, import("xstate").NonReducibleUnknown, import("xstate").EventObject, import("xstate").MetaObject, {
    id: "dimse";
}, import("xstate").MetaObject>;
