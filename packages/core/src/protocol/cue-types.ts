/** The shape of the protocol's cue tables (see data/cues-fr.ts). */
export const CUE_KINDS = [
  'accept',
  'thanks',
  'resolved',
  'finished',
  'confirm',
  'asksRemedy',
  'logistics',
  'confusion',
  'counted',
  'vague',
  'overwhelmed',
  'boundary',
  'offer',
  'listening',
  'investigating',
  'commitment',
] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export interface CueEntry {
  readonly patterns: readonly string[];
  readonly allow?: readonly string[];
}

export type CueTable = Readonly<Record<CueKind, CueEntry>>;
