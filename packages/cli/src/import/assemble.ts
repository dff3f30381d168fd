/**
 * Groups the messages of an export into conversations as they stream past. Exports are mostly
 * sorted by conversation, but some interleave them (sorted by date): up to `maxOpen`
 * conversations are kept open at once, the least recently continued one is closed when more are
 * needed, and a conversation longer than `maxMessages` is closed and continued as a new part.
 * Memory is bounded by these two numbers, not by the export's size.
 */
import type { WireConversation, WireMessage } from './analyse.ts';
import type { ImportConversation, ImportMessage } from './types.ts';

export interface AssembleLimits {
  readonly maxOpen: number;
  readonly maxMessages: number;
}

export const DEFAULT_ASSEMBLE: AssembleLimits = { maxOpen: 2000, maxMessages: 500 };

interface Open {
  key: string;
  part: number;
  client?: string;
  messages: WireMessage[];
}

function wire(m: ImportMessage): WireMessage {
  return {
    role: m.role,
    text: m.text,
    line: m.line,
    ...(m.at ? { at: m.at } : {}),
    ...(m.author ? { author: m.author } : {}),
    ...(m.lang ? { lang: m.lang } : {}),
    ...(m.externalId ? { externalId: m.externalId } : {}),
  };
}

function close(open: Open): WireConversation {
  return {
    key: open.key,
    part: open.part,
    ...(open.client ? { client: open.client } : {}),
    messages: open.messages,
  };
}

export class Assembler {
  readonly #open = new Map<string, Open>();
  readonly #limits: AssembleLimits;
  #last: Open | undefined;

  constructor(limits: AssembleLimits = DEFAULT_ASSEMBLE) {
    this.#limits = limits;
  }

  /** Adds a message; returns the conversations this closes (usually none). */
  add(m: ImportMessage): WireConversation[] {
    const closed: WireConversation[] = [];
    let open = this.#last?.key === m.conversation ? this.#last : this.#open.get(m.conversation);
    if (open && open.messages.length >= this.#limits.maxMessages) {
      this.#open.delete(open.key);
      closed.push(close(open));
      open = {
        key: open.key,
        part: open.part + 1,
        ...(open.client ? { client: open.client } : {}),
        messages: [],
      };
      this.#open.set(open.key, open);
    } else if (!open) {
      open = { key: m.conversation, part: 1, messages: [] };
      this.#open.set(open.key, open);
      while (this.#open.size > this.#limits.maxOpen) {
        const oldest = this.#open.values().next().value as Open;
        this.#open.delete(oldest.key);
        closed.push(close(oldest));
      }
    } else if (open !== this.#last) {
      // Most recently continued goes last, so that the oldest is the one closed first.
      this.#open.delete(open.key);
      this.#open.set(open.key, open);
    }
    if (open.client === undefined) {
      const client = m.client ?? (m.role === 'client' ? m.author : undefined);
      if (client !== undefined) open.client = client;
    }
    open.messages.push(wire(m));
    this.#last = open;
    return closed;
  }

  /** A conversation read whole from one line: passed through, split if very long. */
  addWhole(c: ImportConversation): WireConversation[] {
    const out: WireConversation[] = [];
    const client =
      c.messages.find((m) => m.client)?.client ?? c.messages.find((m) => m.role === 'client')?.author;
    for (let i = 0, part = 1; i < c.messages.length; i += this.#limits.maxMessages, part++) {
      out.push({
        key: c.conversation,
        part,
        ...(client ? { client } : {}),
        messages: c.messages.slice(i, i + this.#limits.maxMessages).map(wire),
      });
    }
    return out;
  }

  /** Closes every open conversation (end of the export). */
  flush(): WireConversation[] {
    const all = [...this.#open.values()].map(close);
    this.#open.clear();
    this.#last = undefined;
    return all;
  }
}
