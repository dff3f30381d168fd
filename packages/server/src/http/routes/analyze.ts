/** Stateless analysis and live assist (recommendation, draft, draft check). Nothing is stored. */
import { z } from '@hono/zod-openapi';
import { analyze } from '@sangfroid/core';
import { findTurns } from '../../domain/conversations.ts';
import { checkDraftFor, draftFor, recommendFor, type StoredTurn } from '../../domain/protocol.ts';
import { invalid } from '../../errors.ts';
import { EVERYONE } from '../access.ts';
import { defineRoute } from '../route.ts';
import { Id, Lang, LIMITS, SpeakerRole } from '../schemas.ts';
import { domain } from './context.ts';

const Text = z.string().min(1).max(LIMITS.messageText);

export const analyzeRoutes = [
  defineRoute({
    method: 'post',
    path: '/analyze',
    access: EVERYONE,
    tag: 'analysis',
    summary: 'Analyse one message (client or agent draft); nothing is stored',
    body: z.object({ text: Text, role: SpeakerRole.default('client'), lang: Lang.optional() }),
    async handler({ body }) {
      return analyze(body.text, { role: body.role, ...(body.lang ? { lang: body.lang } : {}) });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/assist',
    access: EVERYONE,
    tag: 'analysis',
    summary:
      'For a stored conversation or given turns: the next action, a draft reply and the check of your draft',
    body: z.object({
      conversationId: Id.optional(),
      turns: z
        .array(z.object({ role: SpeakerRole, text: Text }))
        .max(100)
        .optional(),
      draft: Text.optional(),
      lang: Lang.optional(),
      channel: z.enum(['email', 'chat', 'phone']).optional(),
      formality: z.enum(['vous', 'tu']).optional(),
      agentName: z.string().max(LIMITS.name).optional(),
      clientName: z.string().max(LIMITS.name).optional(),
      supervisorName: z.string().max(LIMITS.name).optional(),
      offers: z.array(z.string().min(1).max(LIMITS.shortText)).max(10).optional(),
    }),
    async handler({ deps, actor, body }) {
      if (!body.conversationId === !body.turns) throw invalid('give either conversationId or turns');
      const turns: StoredTurn[] = body.conversationId
        ? await findTurns({ ...domain(deps, actor), conversationId: body.conversationId })
        : (body.turns ?? []);
      const lastClient = [...turns].reverse().find((t) => t.role === 'client');
      return {
        analysis: lastClient
          ? (lastClient.analysis ??
            analyze(lastClient.text, { role: 'client', ...(body.lang ? { lang: body.lang } : {}) }))
          : null,
        recommendation: recommendFor(turns, body.lang),
        draft: draftFor(turns, body.lang, {
          channel: body.channel,
          formality: body.formality,
          agentName: body.agentName ?? actor.name,
          clientName: body.clientName,
          supervisorName: body.supervisorName,
          offers: body.offers,
        }),
        draftCheck: body.draft ? checkDraftFor(body.draft, turns, body.lang) : null,
      };
    },
  }),
];
