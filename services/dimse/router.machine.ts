import { enqueueActions, setup, type AnyActorLogic } from 'xstate';
import type { ServiceInput, ServiceOutput } from './service.js';

export type RouterEvent =
  | { type: 'REQUEST'; id: string; service: string; input: ServiceInput }
  | ServiceOutput
  | { type: 'STOP'; id: string };

export interface RouterDeps {
  /** A service actor answered; `id` is its operation id. */
  respond(id: string, out: Extract<ServiceOutput, { type: 'RESPONSE' }>): void;
  pause(): void;
  resume(): void;
  /** A service actor asks to send a request on the association (a sub-operation). */
  subop(out: Extract<ServiceOutput, { type: 'SUBOP' }>): void;
}

/**
 * The DIMSE router of one association: starts one service actor per request
 * (id `op-<pcId>-<MessageID>`), passes their responses on, and stops each one
 * after its final response. Service actors are children, so the inspector
 * sees them and a failing one is reported, never fatal.
 */
export function createRouterMachine(actors: Record<string, AnyActorLogic>, deps: RouterDeps) {
  return setup({
    types: { events: {} as RouterEvent },
    actors: actors as Record<string, AnyActorLogic>,
  }).createMachine({
    id: 'dimse',
    on: {
      REQUEST: {
        actions: enqueueActions(({ enqueue, event }) => {
          enqueue.spawnChild(event.service as never, { id: event.id, input: event.input } as never);
        }),
      },
      RESPONSE: {
        actions: enqueueActions(({ enqueue, event }) => {
          enqueue(() => deps.respond(event.id, event));
          if (event.final) enqueue.stopChild(event.id);
        }),
      },
      STOP: { actions: enqueueActions(({ enqueue, event }) => enqueue.stopChild(event.id)) },
      SUBOP: { actions: ({ event }) => deps.subop(event) },
      PAUSE: { actions: () => deps.pause() },
      RESUME: { actions: () => deps.resume() },
    },
  });
}

