import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { processLine } from './jsonl-contract.ts';

describe('the JSONL evaluation contract', () => {
  it('keeps the id of a message line and returns a signals list', () => {
    const out = processLine(
      JSON.stringify({ id: 'm1', role: 'client', text: 'Bonjour, merci.', lang: 'fr' }),
    );
    assert.equal(out.id, 'm1');
    assert.ok('signals' in out && Array.isArray(out.signals));
  });

  it('answers a line that is not JSON with id null and an error, without throwing', () => {
    const out = processLine('{not json');
    assert.equal(out.id, null);
    assert.ok('error' in out && out.error.startsWith('invalid JSON'));
  });

  it('answers a JSON value that is not an object with an error', () => {
    for (const line of ['[1,2]', '42', 'null', '"text"']) {
      const out = processLine(line);
      assert.ok('error' in out, line);
      assert.equal(out.id, null);
    }
  });

  it('keeps the id when the line is an object but unusable', () => {
    const cases = [
      { id: 'x1' },
      { id: 'x2', text: 12 },
      { id: 'x3', text: 'hi', role: 'robot' },
      { id: 'x4', text: 'hi', lang: 'de' },
      { id: 'x5', turns: [] },
      { id: 'x6', turns: [{ role: 'client' }] },
    ];
    for (const c of cases) {
      const out = processLine(JSON.stringify(c));
      assert.equal(out.id, c.id);
      assert.ok('error' in out, c.id);
    }
  });

  it('gives a conversation line the signals of its last turn, analysed with that turn’s role', () => {
    const line = JSON.stringify({
      id: 'c1',
      turns: [
        { role: 'client', text: 'Bonjour.' },
        { role: 'agent', text: 'Bonjour, que puis-je faire pour vous ?' },
      ],
    });
    const out = processLine(line);
    assert.equal(out.id, 'c1');
    assert.ok('signals' in out);
    for (const s of out.signals) assert.ok(s.id.startsWith('reply.') || s.id.startsWith('risk.'), s.id);
  });

  it('reports evidence that is exactly the text between start and end', () => {
    const text = 'C’EST INADMISSIBLE !!! Vous êtes des incapables, remboursez-moi.';
    const out = processLine(JSON.stringify({ id: 'm2', role: 'client', text }));
    assert.ok('signals' in out);
    for (const s of out.signals) assert.equal(text.slice(s.start, s.end), s.evidence);
  });
});
