/**
 * The integrations shipped with sangfroid; main.ts passes this list to createApp. To add one,
 * write `src/integrations/<name>.ts` exporting an `Integration` (see types.ts) and list it here.
 */
import type { Integration } from './types.ts';

export const BUILT_IN_INTEGRATIONS: readonly Integration[] = [];
export type { Integration, IntegrationContext } from './types.ts';
