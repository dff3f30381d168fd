/** Every route of /api/v1, in one list: the access walk test iterates over it. */
import type { AnyRoute } from '../route.ts';
import { analyzeRoutes } from './analyze.ts';
import { authRoutes } from './auth.ts';
import { clientRoutes } from './clients.ts';
import { conversationRoutes } from './conversations.ts';
import { importRoutes } from './imports.ts';
import { incidentRoutes } from './incidents.ts';
import { teamRoutes } from './team.ts';
import { trainingRoutes } from './training.ts';
import { userRoutes } from './users.ts';

export const ROUTES: readonly AnyRoute[] = [
  ...authRoutes,
  ...userRoutes,
  ...analyzeRoutes,
  ...conversationRoutes,
  ...clientRoutes,
  ...incidentRoutes,
  ...teamRoutes,
  ...trainingRoutes,
  ...importRoutes,
];
