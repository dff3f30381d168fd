/** Builds the DomainContext a handler passes to its domain function. */
import type { Actor } from '../../auth/actor.ts';
import type { Deps } from '../../deps.ts';
import type { DomainContext } from '../../domain/context.ts';

export function domain(deps: Deps, actor: Actor): DomainContext {
  return {
    db: deps.db,
    actor,
    now: deps.clock.now(),
    config: deps.config,
    events: deps.events,
    analyzer: deps.analyzer,
    history: deps.history,
    engine: deps.engine,
    ...(deps.messageWrites ? { messageWrites: deps.messageWrites } : {}),
  };
}
