import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, toCsv } from './csv.ts';

test('cells with separators, quotes or line breaks are quoted and quotes doubled', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('il a dit "non"'), '"il a dit ""non"""');
  assert.equal(csvCell('ligne 1\nligne 2'), '"ligne 1\nligne 2"');
  assert.equal(csvCell('a;b', ';'), '"a;b"');
  assert.equal(csvCell('simple'), 'simple');
});

test('formula-looking text is neutralised, numbers are kept as numbers', () => {
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell(null), '');
});

test('a table becomes a header line plus one CRLF-ended line per row', () => {
  const csv = toCsv(
    [
      { day: '2026-12-01', n: 2 },
      { day: '2026-12-02', n: 0 },
    ],
    [
      { header: 'jour', value: (r) => r.day },
      { header: 'incidents', value: (r) => r.n },
    ],
  );
  assert.equal(csv, 'jour,incidents\r\n2026-12-01,2\r\n2026-12-02,0\r\n');
});
