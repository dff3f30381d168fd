/** Training sessions: record a finished simulator session (replayed and scored here), history, progress. */
import { z } from '@hono/zod-openapi';
import { MAX_TURNS, PERSONA_IDS } from '@sangfroid/core';
import { findTrainingProgress, findTrainingSessions, recordTrainingSession } from '../../domain/training.ts';
import { EVERYONE } from '../access.ts';
import { defineRoute } from '../route.ts';
import { BoolQuery, Id, Lang, ListOf, PageQuery } from '../schemas.ts';
import { domain } from './context.ts';

const TrainingSession = z
  .object({
    id: Id,
    userId: Id,
    persona: z.enum(PERSONA_IDS),
    lang: Lang,
    scenario: z.number().int(),
    seed: z.number().int(),
    outcome: z.enum(['resolved', 'escalated', 'failed', 'abandoned']),
    reason: z.string(),
    turns: z.number().int(),
    overall: z.number().int(),
    skills: z.record(z.string(), z.number()),
    createdAt: z.string(),
  })
  .openapi('TrainingSession');

const Scope = z.object({ mine: BoolQuery.optional(), userId: Id.optional() });

export const trainingRoutes = [
  defineRoute({
    method: 'post',
    path: '/training/sessions',
    access: EVERYONE,
    tag: 'training',
    summary: 'Record a finished training session (the server replays it from its seed and scores it)',
    status: 201,
    body: z.object({
      persona: z.enum(PERSONA_IDS),
      lang: Lang,
      scenario: z.number().int().min(0).max(20),
      seed: z.number().int().min(0).max(4_294_967_295),
      replies: z
        .array(z.object({ text: z.string().max(4000), escalate: z.boolean().optional() }))
        .max(MAX_TURNS),
    }),
    response: TrainingSession,
    handler: ({ deps, actor, body }) =>
      recordTrainingSession({
        ...domain(deps, actor),
        input: {
          ...body,
          replies: body.replies.map((r) =>
            r.escalate ? { text: r.text, escalate: true } : { text: r.text },
          ),
        },
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/training/sessions',
    access: EVERYONE,
    tag: 'training',
    summary: 'Training history: yours, your reports’ (supervisor) or the organisation’s (admin)',
    query: PageQuery.extend(Scope.shape),
    response: ListOf(TrainingSession),
    handler: ({ deps, actor, query }) =>
      findTrainingSessions({ ...domain(deps, actor), page: query, mine: query.mine, userId: query.userId }),
  }),
  defineRoute({
    method: 'get',
    path: '/training/progress',
    access: EVERYONE,
    tag: 'training',
    summary: 'Training progress over time: sessions and average score per week, average per skill',
    query: Scope,
    handler: ({ deps, actor, query }) =>
      findTrainingProgress({ ...domain(deps, actor), mine: query.mine, userId: query.userId }),
  }),
];
