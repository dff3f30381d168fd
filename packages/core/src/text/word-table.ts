/**
 * A table of words looked up by a span of a larger string, without slicing it: the hot loops of
 * the engine (language evidence, lexicon words) ask about every word of every message, and a
 * `Map` would need a new string per word. Open addressing over an FNV-1a hash of the code units;
 * each slot holds a key's index and its full hash, so a probe rejects another key without reading
 * it (most words of a message are in no table: one read per look-up). Keys live in one flat
 * string. Built once, read-only afterwards.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashSpan(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

export class WordTable<T> {
  /** Per slot: [key index (-1: empty), the key's hash]. */
  private slots: Int32Array = new Int32Array(32).fill(-1);
  private readonly keyStart: number[] = [];
  private readonly keyEnd: number[] = [];
  private readonly hashes: number[] = [];
  private readonly values: T[] = [];
  private chars = '';

  get size(): number {
    return this.values.length;
  }

  /** Sets the value of `word` (the last one set wins). */
  set(word: string, value: T): void {
    const found = this.indexOf(word, 0, word.length);
    if (found >= 0) {
      this.values[found] = value;
      return;
    }
    const index = this.values.length;
    this.keyStart.push(this.chars.length);
    this.chars += word;
    this.keyEnd.push(this.chars.length);
    this.hashes.push(hashSpan(word, 0, word.length) | 0);
    this.values.push(value);
    if ((index + 1) * 4 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(index);
  }

  /** The value of the word text[start, end), or undefined. */
  get(text: string, start: number, end: number): T | undefined {
    const index = this.indexOf(text, start, end);
    return index >= 0 ? this.values[index] : undefined;
  }

  has(word: string): boolean {
    return this.indexOf(word, 0, word.length) >= 0;
  }

  private indexOf(text: string, start: number, end: number): number {
    const { slots, keyStart, keyEnd, chars } = this;
    const mask = (slots.length >> 1) - 1;
    const len = end - start;
    const hash = hashSpan(text, start, end) | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const index = slots[2 * slot] as number;
      if (index < 0) return -1;
      if (slots[2 * slot + 1] !== hash) continue;
      const from = keyStart[index] as number;
      if ((keyEnd[index] as number) - from !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++) {
        if (chars.charCodeAt(from + k) !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return index;
    }
  }

  private place(index: number): void {
    const mask = (this.slots.length >> 1) - 1;
    const hash = this.hashes[index] as number;
    let slot = hash & mask;
    while ((this.slots[2 * slot] as number) >= 0) slot = (slot + 1) & mask;
    this.slots[2 * slot] = index;
    this.slots[2 * slot + 1] = hash;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size).fill(-1);
    for (let index = 0; index < this.values.length; index++) this.place(index);
  }
}
