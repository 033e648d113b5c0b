/**
 * Regression for the test helper InspectorClient: a server that writes its
 * backlog in the same TCP segment as the 101 upgrade response (what a loaded
 * machine does) must not lose those records. The CI run on 2026-11-29 lost a
 * whole replay this way and timed out waiting for the warm-up association.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { InspectorClient } from '../helpers/inspector-client.js';

/** One unmasked server-to-client text frame (payload < 126 bytes). */
function textFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  return Buffer.concat([Buffer.from([0x81, payload.length]), payload]);
}

test('InspectorClient keeps records that arrive in the same read as the upgrade response', async (t) => {
  const records = [
    { v: 1, seq: 1, ts: 0, kind: 'actor', assoc: 'a1', role: 'acceptor', status: 'active', peer: 'x' },
    { v: 1, seq: 2, ts: 0, kind: 'transition', assoc: 'a1', from: 'Sta1', to: 'Sta2', evt: 'Evt5', acts: ['AE-5'] },
  ];
  const server = net.createServer((socket) => {
    let head = '';
    socket.on('data', (d) => {
      head += d.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      const key = /sec-websocket-key: *(\S+)/i.exec(head)![1]!;
      const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
      const response = `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`;
      socket.write(Buffer.concat([Buffer.from(response, 'latin1'), ...records.map((r) => textFrame(JSON.stringify(r)))]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const client = await InspectorClient.connect((server.address() as net.AddressInfo).port);
  t.after(() => client.close());
  for (let i = 0; i < 100 && client.records.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual(client.records, records);
});
