import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusDetail } from '../../apps/findscu.js';

// findscu's error line carries the peer's Error Comment (0000,0902) and Offending Element (0000,0901), as dcmtk's status detail does.

test('statusDetail: the Error Comment, then each Offending Element as (gggg,eeee) and its keyword', () => {
  assert.equal(statusDetail({}), '');
  assert.equal(statusDetail({ errorComment: 'IMAGE level needs a SeriesInstanceUID value (C.4.1.2.2)' }), '; Error Comment: IMAGE level needs a SeriesInstanceUID value (C.4.1.2.2)');
  assert.equal(statusDetail({ offendingElement: [0x0020000e, 0x00080052] }), '; Offending Element: (0020,000e) SeriesInstanceUID, (0008,0052) QueryRetrieveLevel');
  assert.equal(statusDetail({ errorComment: 'bad', offendingElement: [0x00091001] }), '; Error Comment: bad; Offending Element: (0009,1001)');
});

test("statusDetail: control characters in the peer's comment never reach the terminal", () => {
  assert.equal(statusDetail({ errorComment: 'a\x1b[2Jb\nc' }), '; Error Comment: a?[2Jb?c');
});
