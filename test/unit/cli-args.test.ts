import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeArgv, parseMaxPdu } from '../../apps/args.js';

test('dcmtk-style multi-letter options become long options, before or after positionals', () => {
  assert.deepEqual(normalizeArgv(['-aet', 'A', '127.0.0.1', '104', '-aec=B', '-od', 'x']), ['--aetitle', 'A', '127.0.0.1', '104', '--call=B', '--output-directory', 'x']);
});

test('-pdu 0 (unlimited) is refused with a clear message; a finite Maximum Length is accepted', () => {
  assert.throws(() => parseMaxPdu('0'), /4096 to 67108864/);
  assert.throws(() => parseMaxPdu('abc'), /invalid max PDU/);
  assert.equal(parseMaxPdu('16384'), 16384);
});
