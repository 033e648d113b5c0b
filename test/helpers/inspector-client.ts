/**
 * A WebSocket client of the inspector stream (ws://127.0.0.1:PORT/inspect)
 * that keeps every record it receives, for tests that watch a running server.
 */
import WebSocket from 'ws';
import type { ActorRecord, InspectorRecord, TransitionRecord } from '../../visualize/protocol.js';

export class InspectorClient {
  readonly records: InspectorRecord[] = [];
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.records.push(JSON.parse(String(data)) as InspectorRecord));
  }

  /** Connects, retrying while the server is not yet listening (at most `tries`, 100 ms apart). */
  static async connect(port: number, tries = 50): Promise<InspectorClient> {
    let last: Error | undefined;
    for (let i = 0; i < tries; i++) {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/inspect`);
      // Listen before 'open': the backlog replay can arrive in the same read as the
      // upgrade response and is emitted before an await after 'open' resumes.
      const client = new InspectorClient(ws);
      try {
        await new Promise<void>((resolve, reject) => {
          ws.once('open', resolve);
          ws.once('error', reject);
        });
        return client;
      } catch (e) {
        last = e as Error;
        ws.terminate();
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error(`inspector on port ${port} not reachable: ${last?.message}`);
  }

  close(): void {
    this.ws.terminate();
  }

  /** Transitions that change state (P-DATA self-transitions may be folded into stats), in stream order. */
  transitions(assoc?: string): TransitionRecord[] {
    return this.records.filter((r): r is TransitionRecord => r.kind === 'transition' && r.from !== r.to && (assoc === undefined || r.assoc === assoc));
  }

  /** An association's transitions as "Sta1-Evt5/AE-5->Sta2". */
  path(assoc: string): string[] {
    return this.transitions(assoc).map((r) => `${r.from}-${r.evt}/${r.acts.join('+')}->${r.to}`);
  }

  /** Associations that started (a Sta1 + Evt5 transition), in stream order. */
  started(): string[] {
    return this.transitions().filter((r) => r.from === 'Sta1' && r.evt === 'Evt5').map((r) => r.assoc!);
  }

  /** Whether the association is back in Sta1 after it started. */
  ended(assoc: string): boolean {
    const ts = this.transitions(assoc);
    return ts.length > 1 && ts[ts.length - 1]!.to === 'Sta1';
  }

  actor(assoc: string, status: ActorRecord['status']): ActorRecord | undefined {
    return this.records.find((r): r is ActorRecord => r.kind === 'actor' && r.assoc === assoc && r.status === status);
  }
}

/** An acceptor association released by the requestor: PS3.8 Table 9-10, AE-5 … AR-5. */
export const ACCEPTOR_RELEASED = [
  'Sta1-Evt5/AE-5->Sta2',
  'Sta2-Evt6/AE-6->Sta3',
  'Sta3-Evt7/AE-7->Sta6',
  'Sta6-Evt12/AR-2->Sta8',
  'Sta8-Evt14/AR-4->Sta13',
  'Sta13-Evt17/AR-5->Sta1',
];
/** A requestor association that we release: AE-1 … AR-3. */
export const REQUESTOR_RELEASED = [
  'Sta1-Evt1/AE-1->Sta4',
  'Sta4-Evt2/AE-2->Sta5',
  'Sta5-Evt3/AE-3->Sta6',
  'Sta6-Evt11/AR-1->Sta7',
  'Sta7-Evt13/AR-3->Sta1',
];
