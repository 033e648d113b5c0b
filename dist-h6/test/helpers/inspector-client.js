/**
 * A WebSocket client of the inspector stream (ws://127.0.0.1:PORT/inspect)
 * that keeps every record it receives, for tests that watch a running server.
 */
import WebSocket from 'ws';
export class InspectorClient {
    ws;
    records = [];
    constructor(ws) {
        this.ws = ws;
        ws.on('message', (data) => this.records.push(JSON.parse(String(data))));
    }
    /** Connects, retrying while the server is not yet listening (at most `tries`, 100 ms apart). */
    static async connect(port, tries = 50) {
        let last;
        for (let i = 0; i < tries; i++) {
            const ws = new WebSocket(`ws://127.0.0.1:${port}/inspect`);
            try {
                await new Promise((resolve, reject) => {
                    ws.once('open', resolve);
                    ws.once('error', reject);
                });
                return new InspectorClient(ws);
            }
            catch (e) {
                last = e;
                ws.terminate();
                await new Promise((r) => setTimeout(r, 100));
            }
        }
        throw new Error(`inspector on port ${port} not reachable: ${last?.message}`);
    }
    close() {
        this.ws.terminate();
    }
    /** Transitions that change state (P-DATA self-transitions may be folded into stats), in stream order. */
    transitions(assoc) {
        return this.records.filter((r) => r.kind === 'transition' && r.from !== r.to && (assoc === undefined || r.assoc === assoc));
    }
    /** An association's transitions as "Sta1-Evt5/AE-5->Sta2". */
    path(assoc) {
        return this.transitions(assoc).map((r) => `${r.from}-${r.evt}/${r.acts.join('+')}->${r.to}`);
    }
    /** Associations that started (a Sta1 + Evt5 transition), in stream order. */
    started() {
        return this.transitions().filter((r) => r.from === 'Sta1' && r.evt === 'Evt5').map((r) => r.assoc);
    }
    /** Whether the association is back in Sta1 after it started. */
    ended(assoc) {
        const ts = this.transitions(assoc);
        return ts.length > 1 && ts[ts.length - 1].to === 'Sta1';
    }
    actor(assoc, status) {
        return this.records.find((r) => r.kind === 'actor' && r.assoc === assoc && r.status === status);
    }
}
//# sourceMappingURL=inspector-client.js.map