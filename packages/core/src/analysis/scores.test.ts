import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalize } from '../text/normalize.ts';
import type { Finding, Lang } from '../types.ts';
import { analyze } from './analyze.ts';
import { computeScores } from './scores.ts';

const scores = (text: string, lang: Lang = 'fr') => analyze(text, { role: 'client', lang }).scores;

test('a calm message scores zero everywhere', () => {
  assert.deepEqual(scores('Bonjour, pourriez-vous me renvoyer la facture de mars ? Merci.'), {
    anger: 0,
    anxiety: 0,
    disappointment: 0,
    escalationRisk: 0,
  });
});

test('anger grows with the strength of the evidence (fr, en)', () => {
  const ladders: [Lang, string[]][] = [
    [
      'fr',
      [
        'Je suis un peu agacé par ce retard.',
        'Je suis agacé par ce retard.',
        'Je suis vraiment furieux, ce retard est inadmissible.',
        'JE SUIS FURIEUX !!! CE RETARD EST INADMISSIBLE !!!',
        'JE SUIS FURIEUX !!! Bande d’incapables, CE RETARD EST INADMISSIBLE !!!',
      ],
    ],
    [
      'en',
      [
        "I'm a bit annoyed about the delay.",
        "I'm annoyed about the delay.",
        "I'm absolutely furious, this delay is unacceptable.",
        "I'M ABSOLUTELY FURIOUS!!! THIS DELAY IS UNACCEPTABLE!!!",
      ],
    ],
  ];
  for (const [lang, ladder] of ladders) {
    const values = ladder.map((t) => scores(t, lang).anger);
    for (let i = 1; i < values.length; i++) {
      assert.ok(
        (values[i] as number) > (values[i - 1] as number),
        `${lang}: « ${ladder[i]} » (${values[i]}) should exceed « ${ladder[i - 1]} » (${values[i - 1]})`,
      );
    }
  }
});

test('anxiety and disappointment are graded by intensifiers and urgency', () => {
  assert.ok(
    scores('Je suis vraiment très inquiète, c’est urgent, je pars ce soir !').anxiety >
      scores('Je suis inquiète.').anxiety,
  );
  assert.ok(scores('Je suis un peu inquiète.').anxiety < scores('Je suis inquiète.').anxiety);
  assert.ok(
    scores('I am so deeply disappointed, I have lost all trust.', 'en').disappointment >
      scores('I am disappointed.', 'en').disappointment,
  );
});

test('escalation risk rises with pressure, abuse and threats, and stays in [0, 1]', () => {
  const polite = scores('Pouvez-vous me passer votre responsable ?').escalationRisk;
  const legal = scores('Je vais porter plainte.').escalationRisk;
  const legalAbuse = scores(
    'Je vais porter plainte, bande d’escrocs, vous allez le regretter !!!',
  ).escalationRisk;
  assert.ok(polite > 0 && polite < legal && legal < legalAbuse, `${polite} < ${legal} < ${legalAbuse}`);
  const worst = scores(
    'JE VAIS VOUS DÉFONCER, BANDE DE CONNARDS !!! Je porte plainte et je vous pourris sur Google !!!',
  );
  for (const v of Object.values(worst)) assert.ok(v >= 0 && v <= 1);
  assert.ok(worst.escalationRisk > 0.8);
});

test('stretched letters and tactics add to the scores they grade', () => {
  // a run of three letters or more (« nooon ») is evidence of anger, a run of an astral letter too
  assert.ok(scores('Je suis furieux, nooon !').anger > scores('Je suis furieux, non !').anger);
  assert.ok(scores('Je suis furieux 𝐀𝐀𝐀').anger > scores('Je suis furieux 𝐀𝐀').anger);
  // tactics count by family: two different tactic.* findings weigh more than one
  const text = 'Vous devriez avoir honte.';
  const ctx = {
    text,
    normalized: normalize(text),
    lang: 'fr',
    role: 'client',
    span: (s: number, e: number) => ({ start: s, end: e }),
  } as const;
  const finding = (id: Finding['id']): Finding => ({
    id,
    severity: 1,
    start: 0,
    end: 4,
    evidence: 'Vous',
    message: '',
    note: '',
  });
  const one = computeScores([finding('tactic.guilt_trip')], ctx).escalationRisk;
  const two = computeScores(
    [finding('tactic.guilt_trip'), finding('tactic.fear_appeal')],
    ctx,
  ).escalationRisk;
  assert.ok(one > 0 && two > one, `${one} < ${two}`);
});
