import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sliceCodeUnits, truncate } from './truncate.ts';

const hasLoneSurrogate = (s: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('truncate', () => {
  it('keeps short text as it is and ends long text with an ellipsis', () => {
    assert.equal(truncate('bonjour', 10), 'bonjour');
    assert.equal(truncate('bonjour à tous', 8), 'bonjour…');
  });

  it('never leaves half of an emoji at the cut', () => {
    const text = `abc${'😡'.repeat(10)}`;
    for (let max = 1; max < text.length; max++) {
      assert.equal(hasLoneSurrogate(truncate(text, max)), false, `max ${max}`);
      assert.equal(hasLoneSurrogate(sliceCodeUnits(text, max)), false, `max ${max}`);
    }
  });

  it('never returns more than max units nor a lone surrogate, for any well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 50 }), (text, max) => {
        const out = truncate(text, max);
        return out.length <= max && !hasLoneSurrogate(out);
      }),
    );
  });
});
