/**
 * Imports of exported history (issue #8): `POST /imports` with the export as text (spec JSONL, CSV,
 * Zendesk comments, Chatwoot messages; within the request body limit) analyses every message and
 * stores conversations, findings and incidents idempotently — posting the same export twice
 * stores nothing twice. Larger exports go through `sangfroid import --into-server` (jobs on the
 * queue with DATABASE_URL). The pipeline lives with the command line (@sangfroid/cli/import) and is
 * loaded on first use.
 */
import { z } from '@hono/zod-openapi';
import { invalid } from '../../errors.ts';
import { MANAGERS } from '../access.ts';
import { defineRoute } from '../route.ts';

const FORMATS = ['jsonl', 'csv', 'zendesk', 'chatwoot'] as const;

export const importRoutes = [
  defineRoute({
    method: 'post',
    path: '/imports',
    access: MANAGERS,
    tag: 'imports',
    summary: 'Import an export of past conversations (analysed and stored idempotently)',
    status: 201,
    body: z.object({
      content: z.string().min(1).max(1_000_000),
      format: z.enum(FORMATS).optional(),
      source: z.string().min(1).max(100).optional(),
      columns: z.string().max(500).optional(),
    }),
    async handler({ deps, actor, body }) {
      const { importText, ImportInputError } = await import('@sangfroid/cli/import');
      try {
        const { summary, stored } = await importText({
          database: { db: deps.db },
          orgId: actor.orgId,
          content: body.content,
          now: () => deps.clock.now(),
          ...(body.format ? { format: body.format } : {}),
          ...(body.source ? { source: body.source } : {}),
          ...(body.columns ? { columns: body.columns } : {}),
        });
        return {
          format: summary.source.format,
          totals: summary.totals,
          stored,
          errors: summary.errors,
          signals: summary.signals,
          actions: summary.actions,
        };
      } catch (error) {
        if (error instanceof ImportInputError) throw invalid(error.message);
        throw error;
      }
    },
  }),
];
