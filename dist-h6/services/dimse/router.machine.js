import { enqueueActions, setup } from 'xstate';
/**
 * The DIMSE router of one association: starts one service actor per request
 * (id `op-<pcId>-<MessageID>`), passes their responses on, and stops each one
 * after its final response. Service actors are children, so the inspector
 * sees them and a failing one is reported, never fatal.
 */
export function createRouterMachine(actors, deps) {
    return setup({
        types: { events: {} },
        actors: actors,
    }).createMachine({
        id: 'dimse',
        on: {
            REQUEST: {
                actions: enqueueActions(({ enqueue, event }) => {
                    enqueue.spawnChild(event.service, { id: event.id, input: event.input });
                }),
            },
            RESPONSE: {
                actions: enqueueActions(({ enqueue, event }) => {
                    enqueue(() => deps.respond(event.id, event));
                    if (event.final)
                        enqueue.stopChild(event.id);
                }),
            },
            STOP: { actions: enqueueActions(({ enqueue, event }) => enqueue.stopChild(event.id)) },
            SUBOP: { actions: ({ event }) => deps.subop(event) },
            PAUSE: { actions: () => deps.pause() },
            RESUME: { actions: () => deps.resume() },
        },
    });
}
//# sourceMappingURL=router.machine.js.map