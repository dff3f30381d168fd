/**
 * The default ClientVoice: reads the personas' scripted lines, picks an unused phrasing with the
 * session's seeded generator, and fills the `{slot}`s. No language model; one can be plugged in
 * later behind the same interface.
 */
import { linesFor, personaText } from './personas/index.ts';
import { pick } from './prng.ts';
import type { ClientIntent, ClientVoice, VoiceRequest } from './types.ts';

/** Intents whose words come from the scenario itself rather than the persona's lines. */
const SCENARIO_INTENTS: Partial<Record<ClientIntent, 'opening' | 'truth'>> = {
  opening: 'opening',
  truth: 'truth',
};

export function fillSlots(line: string, slots: Readonly<Record<string, string>>): string {
  return line.replace(/\{(\w+)\}/g, (whole, name: string) => slots[name] ?? whole);
}

function choose(
  rng: number,
  keyPrefix: string,
  lines: readonly string[],
  used: readonly string[],
): { rng: number; line: string; key: string } {
  const indexed = lines.map((line, i) => ({ line, key: `${keyPrefix}:${i}` }));
  const fresh = indexed.filter((l) => !used.includes(l.key));
  const r = pick(rng, fresh.length > 0 ? fresh : indexed);
  return { rng: r.state, line: r.item.line, key: r.item.key };
}

export const scriptedVoice: ClientVoice = {
  say(req: VoiceRequest) {
    const text = personaText(req.persona, req.lang);
    const scenario = text.scenarios[req.scenario];
    if (!scenario) throw new RangeError(`scriptedVoice: no scenario ${req.scenario} for ${req.persona}`);
    const slots = { ...scenario.slots, ...req.slots };
    const fromScenario = SCENARIO_INTENTS[req.intent];
    if (fromScenario) {
      const c = choose(req.rng, `${req.intent}`, scenario[fromScenario], req.used);
      return { text: fillSlots(c.line, slots), rng: c.rng, key: c.key };
    }
    const c = choose(req.rng, req.intent, linesFor(req.persona, req.lang, req.intent), req.used);
    let out = fillSlots(c.line, slots);
    // A heard client talks: the lead-in is followed by the next fact of the scenario.
    const factIndex = req.slots.factIndex === undefined ? -1 : Number(req.slots.factIndex);
    const fact = scenario.facts[factIndex];
    if (
      fact !== undefined &&
      (req.intent === 'soften' ||
        req.intent === 'confirm' ||
        req.intent === 'calm_after_boundary' ||
        req.intent === 'back_down')
    ) {
      out = `${out} ${fact}`;
    } else if (fact !== undefined && req.intent === 'facts') {
      out = fact;
    }
    let rng = c.rng;
    if (req.slots.withTruth) {
      const t = pick(rng, scenario.truth);
      rng = t.state;
      out = `${out} ${fillSlots(t.item, slots)}`;
    }
    return { text: out, rng, key: c.key };
  },
};
