/**
 * What the rules compute once per message and share (its tokens, its abuse hits, the agent rules'
 * state), remembered for the last message only: the engine analyses one message at a time, so a
 * one-entry memo answers every rule of it, and no weak table keeps an entry per message for the
 * garbage collector to walk. A different key simply recomputes.
 */
export class LastMemo<K extends object, V> {
  private key: K | undefined;
  private value: V | undefined;

  get(key: K): V | undefined {
    return key === this.key ? this.value : undefined;
  }

  set(key: K, value: V): void {
    this.key = key;
    this.value = value;
  }
}
