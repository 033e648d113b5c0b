import { DatasetSourceError } from '../dimse/provider.js';
import type { Part10Info } from '../storage/part10-reader.js';
import type { ClientAssociation, RequestMessage } from './client-association.js';
import type { SendPlan } from './file-source.js';

/** A file to store not read yet: its path, and its size in bytes if known (readPart10Header). */
export interface FileRef {
  path: string;
  size?: number;
}

/**
 * One file's outcome in a C-STORE batch: the response's status, or why it
 * was not stored (with the file as far as it could be read).
 */
export type StoreOutcome = { file: Part10Info; status: number; transcoded: boolean } | { file: Part10Info | FileRef; error: Error };

/** A C-STORE ready to go: how the file is sent, and its request (encoded when the data set is in memory). */
export interface PreparedStore {
  file: Part10Info;
  plan: SendPlan;
  message: RequestMessage;
}

/**
 * C-STORE of files one after another on one association (PS3.7 §9.1.1),
 * with no idle time between them: the next file is read and its request
 * encoded (`prepareStore`) while the current one is answered, and it goes on
 * the wire from within that response's P-DATA indication. Yields one
 * outcome per file, in order. A file given as a FileRef is read (its
 * header, then its data set) in that same idle time. A file that cannot be
 * sent (NoPresentationContextError, ContextNotProposedError, Part10Error, a
 * read error, DatasetSourceError before any of it was sent) yields its error
 * and the rest go on. When the association fails (AssociationAbortedError,
 * TimeoutError) the file in flight yields that error and the iteration
 * ends. Leaving the loop stops sending; the request in flight is answered
 * (or times out) before the loop is left.
 */
export async function* storeEach(
  client: ClientAssociation,
  files: readonly (Part10Info | FileRef)[],
  prepareStore: (file: Part10Info | FileRef) => Promise<PreparedStore>,
): AsyncGenerator<StoreOutcome> {
  const outcomes: StoreOutcome[] = [];
  let wake: (() => void) | undefined;
  let finished = files.length === 0;
  let stopped = false;
  const emit = (o: StoreOutcome) => {
    outcomes.push(o);
    wake?.();
  };
  const end = () => {
    finished = true;
    wake?.();
  };
  /** File i's request being prepared; `due` once it should go out as soon as it is ready. */
  interface Slot {
    i: number;
    ready?: PreparedStore;
    error?: Error;
    due?: boolean;
  }
  let next: Slot | undefined;
  let flying = false;
  let landed: (() => void) | undefined;
  const prepare = (i: number): Slot => {
    const slot: Slot = { i };
    const settled = () => slot.due && send(slot);
    // In the check phase: after the request just sent is written, while it is answered.
    setImmediate(() => prepareStore(files[i]!).then((r) => ((slot.ready = r), settled()), (e: Error) => ((slot.error = e), settled())));
    return slot;
  };
  const sendWhenReady = (slot: Slot) => (slot.ready || slot.error ? send(slot) : (slot.due = true));
  const advance = (i: number) => {
    if (stopped || i >= files.length) return end();
    const slot = next?.i === i ? next : prepare(i);
    next = undefined;
    sendWhenReady(slot);
  };
  const send = (slot: Slot): void => {
    const file = files[slot.i]!;
    if (!slot.ready) {
      emit({ file, error: slot.error! });
      return advance(slot.i + 1);
    }
    const { file: info, plan, message } = slot.ready;
    flying = true;
    client.sendRequest(message, (rsp, err) => {
      flying = false;
      landed?.();
      plan.done?.(client.writesPending());
      // Recorded first, to keep the order; the caller runs later (a microtask), after the next request is on the wire.
      emit(rsp ? { file: info, status: Number(rsp.command.Status), transcoded: plan.transcoded } : { file: info, error: err! });
      // A file that could not be read before any of it went out leaves the association as it was.
      if (rsp || (err instanceof DatasetSourceError && !err.aborted)) advance(slot.i + 1);
      else end();
    });
    if (slot.i + 1 < files.length) next = prepare(slot.i + 1);
  };
  advance(0);
  try {
    while (outcomes.length > 0 || !finished) {
      if (outcomes.length === 0) {
        await new Promise<void>((r) => (wake = r));
        wake = undefined;
        continue;
      }
      yield outcomes.shift()!;
    }
  } finally {
    // Left early: the request in flight is answered before the caller goes on (e.g. to release).
    stopped = true;
    if (flying) await new Promise<void>((r) => (landed = r));
  }
}
