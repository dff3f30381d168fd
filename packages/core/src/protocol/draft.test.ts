import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { analyze } from '../analysis/analyze.ts';
import { detectLang } from '../analysis/lang.ts';
import { normalize } from '../text/normalize.ts';
import { ACTION_IDS, type Conversation, type Lang } from '../types.ts';
import { checkDraft } from './check-draft.ts';
import { draftReply } from './draft.ts';
import { CASES } from './fixtures/conversations.ts';

const DEV = fileURLToPath(new URL('../../../../../shared/corpus/dev/conversations.jsonl', import.meta.url));

function devConversations(): Conversation[] {
  if (!existsSync(DEV)) return [];
  return readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { turns: Conversation['turns']; lang?: Lang })
    .map((o) => ({ turns: o.turns, ...(o.lang ? { lang: o.lang } : {}) }));
}

const ALL: Conversation[] = [...CASES.map((k) => ({ turns: k.turns, lang: k.lang })), ...devConversations()];
const CHANNELS = ['email', 'chat', 'phone'] as const;
const FORMALITIES = ['vous', 'tu'] as const;
const OFFERS: Record<Lang, readonly string[]> = {
  fr: ['un avoir de 30 €', 'un nouvel envoi gratuit'],
  en: ['a £30 credit', 'a free redelivery'],
};

test('draft safety: no draft carries a risk.* finding (every conversation × action × channel × formality, real engine)', () => {
  let checked = 0;
  const offending: string[] = [];
  for (const conversation of ALL) {
    const lang = conversation.lang ?? 'fr';
    for (const action of ACTION_IDS) {
      for (const channel of CHANNELS) {
        for (const formality of FORMALITIES) {
          const offers = checked % 2 === 0 ? OFFERS[lang] : [];
          const d = draftReply(conversation, {
            action,
            channel,
            formality,
            offers,
            clientName: 'Alex Martin',
            agentName: 'Sam',
            supervisorName: 'Claire Roux',
          });
          const risks = analyze(d.text, { role: 'agent', lang: d.lang }).findings.filter((f) =>
            f.id.startsWith('risk.'),
          );
          if (risks.length > 0)
            offending.push(
              `${action}/${channel}/${formality}: ${risks.map((r) => `${r.id} «${r.evidence}»`).join(', ')} in «${d.text}»`,
            );
          checked++;
        }
      }
    }
  }
  assert.deepEqual(offending.slice(0, 5), []);
  assert.ok(checked >= CASES.length * ACTION_IDS.length * 6);
});

test('draft safety: the recommended drafts pass checkDraft with no risk and the moment’s required moves mostly present', () => {
  let withRequired = 0;
  for (const conversation of ALL) {
    const d = draftReply(conversation, { offers: OFFERS[conversation.lang ?? 'fr'] });
    const c = checkDraft(d.text, conversation);
    assert.deepEqual(c.risks, []);
    assert.equal(c.action, d.action);
    if (c.breakdown.qualities.score >= 25) withRequired++;
  }
  assert.ok(withRequired / ALL.length >= 0.75, `${withRequired}/${ALL.length}`);
});

test('draft: written in the client’s language', () => {
  for (const k of CASES) {
    const d = draftReply({ turns: k.turns }, { channel: 'chat' });
    assert.equal(d.lang, k.lang, k.name);
    assert.equal(detectLang(normalize(d.text).text), k.lang, `${k.name}: ${d.text}`);
  }
});

test('draft: « tu » drafts never slip into « vous »', () => {
  for (const k of CASES.filter((x) => x.lang === 'fr')) {
    for (const action of ACTION_IDS) {
      for (const channel of CHANNELS) {
        const d = draftReply(
          { turns: k.turns, lang: 'fr' },
          { action, channel, formality: 'tu', offers: OFFERS.fr, agentName: 'Sam' },
        );
        const body = d.moves
          .filter((m) => !m.isDirection)
          .map((m) => m.text)
          .join(' ');
        assert.doesNotMatch(
          body,
          /(?<![\p{L}])(?:vous|votre|vos)(?![\p{L}])/iu,
          `${action}/${channel}: ${body}`,
        );
      }
    }
  }
});

test('draft: offers only what the agent said they can offer', () => {
  const k = CASES.find((x) => x.action === 'propose_solution' && x.lang === 'fr');
  assert.ok(k);
  const withOffers = draftReply(
    { turns: k.turns, lang: 'fr' },
    { offers: ['un échange sous 48 h', 'un remboursement intégral'] },
  );
  assert.equal(withOffers.action, 'propose_solution');
  assert.match(withOffers.text, /un échange sous 48 h/);
  assert.match(withOffers.text, /un remboursement intégral/);
  const without = draftReply({ turns: k.turns, lang: 'fr' });
  assert.ok(without.moves.some((m) => m.move === 'optionsNone'));
  assert.ok(!without.moves.some((m) => ['optionsOne', 'optionsTwo', 'optionsMany'].includes(m.move)));
  assert.doesNotMatch(without.text, /rembours|échange|avoir/);
  assert.ok(without.notes.some((n) => n.includes('--offer')));
});

test('draft: names and channel shapes', () => {
  const k = CASES.find((x) => x.action === 'end_and_escalate' && x.lang === 'en');
  assert.ok(k);
  const email = draftReply(
    { turns: k.turns, lang: 'en' },
    { channel: 'email', clientName: 'Ms Patel', agentName: 'Jordan', supervisorName: 'Dana Lee' },
  );
  assert.match(email.text, /^(?:Dear|Hello|Hi) (?:Ms Patel,|)/);
  assert.match(email.text, /Ms Patel/);
  assert.match(email.text, /Jordan$/);
  assert.match(email.text, /Dana Lee/);
  const phone = draftReply({ turns: k.turns, lang: 'en' }, { channel: 'phone' });
  for (const line of phone.text.split('\n')) assert.match(line, /^(?:— |\()/);
  const chat = draftReply({ turns: k.turns, lang: 'en' }, { channel: 'chat', agentName: 'Jordan' });
  assert.doesNotMatch(chat.text, /Jordan|regards/i);
});

test('draft: the reformulation is built from what the client said', () => {
  const k = CASES.find((x) => x.name.startsWith('fr software several issues'));
  assert.ok(k);
  const d = draftReply({ turns: k.turns, lang: 'fr' }, { channel: 'chat' });
  assert.equal(d.action, 'reformulate');
  assert.match(d.text, /les tickets ne s'impriment plus avec le logo/);
  assert.match(d.text, /les remises ne s'appliquent pas/);
  assert.match(d.text, /\?/);
  const en = CASES.find((x) => x.name.startsWith('en co-working'));
  assert.ok(en);
  const e = draftReply({ turns: en.turns, lang: 'en' }, { channel: 'chat' });
  assert.match(e.text, /we were billed for four desks instead of three|the wifi drops every afternoon/);
});

test('draft: deterministic for a seed, varied across seeds', () => {
  const k = CASES.find((x) => x.action === 'acknowledge' && x.lang === 'fr');
  assert.ok(k);
  const conversation = { turns: k.turns, lang: 'fr' as const };
  assert.equal(draftReply(conversation, { seed: 7 }).text, draftReply(conversation, { seed: 7 }).text);
  assert.equal(draftReply(conversation).text, draftReply(conversation).text);
  const texts = new Set(Array.from({ length: 20 }, (_, i) => draftReply(conversation, { seed: i }).text));
  assert.ok(texts.size >= 4, `only ${texts.size} distinct drafts`);
});

test('draft: a limit is stated when abuse starts, and the hand-over when it goes on', () => {
  const first = CASES.find((x) => x.action === 'set_boundary' && x.lang === 'fr');
  const again = CASES.find((x) => x.action === 'end_and_escalate' && x.lang === 'en');
  assert.ok(first && again);
  const b = draftReply({ turns: first.turns, lang: 'fr' });
  assert.ok(b.moves.some((m) => m.move === 'boundary'));
  assert.ok(
    analyze(b.text, { role: 'agent', lang: 'fr' }).findings.some((f) => f.id === 'reply.boundary'),
    b.text,
  );
  const e = draftReply({ turns: again.turns, lang: 'en' });
  const moves = e.moves.map((m) => m.move);
  assert.equal(e.action, 'end_and_escalate');
  assert.ok(['endAfterLimit', 'endThreat', 'endGeneric'].includes(moves[0] ?? ''), moves.join());
  assert.deepEqual(moves.slice(1), ['handoverGeneric', 'goodbye']);
  assert.match(e.text, /manager/);
  assert.ok(
    analyze(e.text, { role: 'agent', lang: 'en' }).findings.some((f) => f.id === 'reply.boundary'),
    e.text,
  );
});

test('draft: a pause proposes to call back and asks when', () => {
  const k = CASES.find((x) => x.action === 'pause_and_call_back' && x.lang === 'fr');
  assert.ok(k);
  const phone = draftReply({ turns: k.turns, lang: 'fr' }, { channel: 'phone' });
  assert.ok(phone.moves.some((m) => m.move === 'callBackPhone'));
  assert.match(phone.text, /rappel/);
  assert.match(phone.text, /\?/);
  const email = draftReply({ turns: k.turns, lang: 'fr' }, { channel: 'email' });
  assert.ok(email.moves.some((m) => m.move === 'callBackWritten'));
});
