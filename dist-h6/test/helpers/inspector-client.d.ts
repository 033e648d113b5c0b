import type { ActorRecord, InspectorRecord, TransitionRecord } from '../../visualize/protocol.js';
export declare class InspectorClient {
    private readonly ws;
    readonly records: InspectorRecord[];
    private constructor();
    /** Connects, retrying while the server is not yet listening (at most `tries`, 100 ms apart). */
    static connect(port: number, tries?: number): Promise<InspectorClient>;
    close(): void;
    /** Transitions that change state (P-DATA self-transitions may be folded into stats), in stream order. */
    transitions(assoc?: string): TransitionRecord[];
    /** An association's transitions as "Sta1-Evt5/AE-5->Sta2". */
    path(assoc: string): string[];
    /** Associations that started (a Sta1 + Evt5 transition), in stream order. */
    started(): string[];
    /** Whether the association is back in Sta1 after it started. */
    ended(assoc: string): boolean;
    actor(assoc: string, status: ActorRecord['status']): ActorRecord | undefined;
}
