/**
 * How each persona behaves, independent of language: its starting mood, when its hidden truth
 * comes out, whether it abuses or pressures the trainee, and how each scenario answers a calm
 * boundary or a firm hold. Drawn from the method: a furious client is often anxious underneath;
 * a calm limit stops some abusers and not others (then end and hand over); a toxic or powerful
 * client stops pushing only when concessions stop and the agreed terms go back on the table.
 */
import type { PersonaId, PersonaProfile } from '../types.ts';

export const PROFILES: Readonly<Record<PersonaId, PersonaProfile>> = {
  'furious-quality': {
    id: 'furious-quality',
    anger: 6,
    anxiety: 2,
    truthAt: 4,
    abusive: false,
    pressure: 'none',
    truthAnxiety: 6,
    scenarios: [{}, {}, {}],
  },
  rude: {
    id: 'rude',
    anger: 6,
    anxiety: 1,
    truthAt: 4,
    abusive: true,
    pressure: 'none',
    truthAnxiety: 3,
    scenarios: [{ boundary: 'stops' }, { boundary: 'persists' }, { boundary: 'stops' }],
  },
  power: {
    id: 'power',
    anger: 4,
    anxiety: 1,
    truthAt: 4,
    abusive: false,
    pressure: 'power',
    truthAnxiety: 2,
    scenarios: [{ holdsNeeded: 1 }, { holdsNeeded: 2 }, { holdsNeeded: 1 }],
  },
  'bad-faith': {
    id: 'bad-faith',
    anger: 2,
    anxiety: 1,
    truthAt: 4,
    abusive: false,
    pressure: 'denial',
    truthAnxiety: 2,
    scenarios: [{ holdsNeeded: 1 }, { holdsNeeded: 2 }, { holdsNeeded: 1 }],
  },
  'anxious-deadline': {
    id: 'anxious-deadline',
    anger: 2,
    anxiety: 8,
    truthAt: 2,
    abusive: false,
    pressure: 'none',
    truthAnxiety: 6,
    scenarios: [{}, {}, {}],
  },
  'toxic-concessions': {
    id: 'toxic-concessions',
    anger: 3,
    anxiety: 1,
    truthAt: 4,
    abusive: false,
    pressure: 'concessions',
    truthAnxiety: 2,
    scenarios: [{ holdsNeeded: 2 }, { holdsNeeded: 1 }, { holdsNeeded: 2 }],
  },
  'origin-remarks': {
    id: 'origin-remarks',
    anger: 5,
    anxiety: 2,
    truthAt: 4,
    abusive: true,
    pressure: 'none',
    truthAnxiety: 4,
    scenarios: [{ boundary: 'stops' }, { boundary: 'persists' }, { boundary: 'stops' }],
  },
};
