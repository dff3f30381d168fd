/**
 * A realistic export for `npm run bench:import`: conversations between clients and agents, in
 * French and English, mostly calm with a share of angry, anxious, abusive and legal-pressure
 * messages, agent replies of uneven quality, dates over a quarter. Deterministic (seeded), written
 * as the spec's JSON Lines (one message per line) or as CSV. The sentences are written for this
 * benchmark from fragments, so that texts vary like real ones.
 */
import { createWriteStream } from 'node:fs';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FR = {
  open: ['Bonjour,', 'Bonsoir,', 'Madame, Monsieur,', 'Bonjour à vous,', ''],
  topic: [
    'ma commande n°{n} n’est toujours pas arrivée',
    'la facture de {m} compte deux fois le même abonnement',
    'le technicien devait passer {d} et personne n’est venu',
    'ma box internet coupe toutes les dix minutes depuis {d}',
    'le remboursement promis il y a trois semaines n’apparaît pas sur mon compte',
    'l’application refuse mon mot de passe depuis la mise à jour',
    'le colis reçu {d} contenait un article abîmé',
    'mon contrat a été renouvelé sans mon accord',
  ],
  calm: [
    'Pouvez-vous me dire où en est le dossier ?',
    'Merci de me tenir au courant.',
    'Je reste disponible si vous avez besoin d’informations.',
    'Pourriez-vous vérifier de votre côté ?',
  ],
  angry: [
    'Je suis vraiment furieux, c’est inadmissible.',
    'J’en ai assez de vos excuses, ça ne marche JAMAIS !!!',
    'C’est la troisième fois que j’appelle et rien ne bouge, je suis à bout.',
    'Franchement je suis très déçue, je vous faisais confiance.',
  ],
  anxious: [
    'Je panique un peu, j’en ai besoin pour lundi.',
    'Je suis très inquiète, sans ça je ne peux pas travailler.',
  ],
  abuse: [
    'Vous êtes une bande d’incapables.',
    'Espèce d’abruti, vous ne servez à rien.',
    'C’est de la merde, votre service.',
  ],
  pressure: [
    'Mon avocat va vous contacter.',
    'Je vais laisser un avis sur Google pour prévenir tout le monde.',
    'Passez-moi votre responsable immédiatement.',
    'Je veux être remboursé intégralement.',
    'Je résilie mon abonnement si rien n’est fait.',
  ],
  reply: [
    'Merci pour votre message et désolé pour ce désagrément.',
    'Je comprends votre agacement, c’est normal.',
    'Si je comprends bien, le problème vient de la facture du mois dernier ?',
    'Pouvez-vous m’indiquer la date exacte de la commande ?',
    'Nous allons regarder cela ensemble.',
    'Je lance le renvoi aujourd’hui et je vous rappelle jeudi, cela vous convient-il ?',
    'Le retard vient d’un incident chez notre transporteur.',
  ],
  badReply: [
    'Ce n’est pas de notre faute, c’est le transporteur.',
    'Vous auriez dû lire les conditions.',
    'Je vous garantis que ça n’arrivera plus jamais.',
    'Calmez-vous, ce n’est pas si grave.',
  ],
  boundary: ['Je veux bien vous aider, mais je ne peux pas accepter ces propos.'],
  close: ['Bonne journée.', 'Cordialement,', 'À bientôt.', ''],
};

const EN = {
  open: ['Hello,', 'Hi,', 'Dear team,', 'Good morning,', ''],
  topic: [
    'my order #{n} still has not arrived',
    'the {m} invoice charges the same plan twice',
    'the engineer was due {d} and nobody came',
    'my router has been dropping every ten minutes since {d}',
    'the refund I was promised three weeks ago is not on my account',
    'the app rejects my password since the update',
    'the parcel I got {d} had a damaged item',
    'my contract was renewed without my consent',
  ],
  calm: [
    'Could you tell me where things stand?',
    'Please keep me posted.',
    'Happy to give more details if needed.',
    'Could you check on your side?',
  ],
  angry: [
    'I am absolutely furious, this is unacceptable.',
    'I am sick of your excuses, it NEVER works!!!',
    'This is the third time I call and nothing happens, I am fed up.',
    'Honestly I am very disappointed, I trusted you.',
  ],
  anxious: ['I am panicking a bit, I need it by Monday.', 'I am really worried, I cannot work without it.'],
  abuse: ['You are a bunch of useless idiots.', 'What a load of crap, your service.'],
  pressure: [
    'My lawyer will be in touch.',
    'I will post a review on Google to warn everyone.',
    'Put me through to your manager right now.',
    'I want a full refund.',
    'I will cancel my subscription if nothing is done.',
  ],
  reply: [
    'Thank you for your message and sorry for the trouble.',
    'I understand how frustrating this is.',
    'If I understand correctly, the issue is last month’s invoice?',
    'Could you tell me the exact date of the order?',
    'We will sort this out together.',
    'I am sending a replacement today and will call you on Thursday, does that work for you?',
    'The delay comes from an incident at our carrier.',
  ],
  badReply: [
    'It is not our fault, it is the carrier.',
    'You should have read the terms.',
    'I guarantee this will never happen again.',
    'Calm down, it is not a big deal.',
  ],
  boundary: ['I do want to help, but I cannot accept this language.'],
  close: ['Have a nice day.', 'Best regards,', 'Thanks.', ''],
};

const MONTHS = { fr: ['janvier', 'février', 'mars'], en: ['January', 'February', 'March'] };
const DAYS = {
  fr: ['lundi', 'hier', 'mardi dernier', 'ce matin'],
  en: ['on Monday', 'yesterday', 'last Tuesday', 'this morning'],
};

export interface GeneratedMessage {
  conversation: string;
  id: string;
  role: 'client' | 'agent';
  author: string;
  client: string;
  text: string;
  at: string;
}

/** Yields `total` messages grouped in conversations of 2 to 12 messages. */
export function* generateMessages(total: number, seed = 42): Generator<GeneratedMessage> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const start = Date.UTC(2026, 0, 1);
  const quarter = 90 * 86400_000;
  let produced = 0;
  let conv = 0;
  while (produced < total) {
    conv++;
    const lang = r() < 0.75 ? 'fr' : 'en';
    const w = lang === 'fr' ? FR : EN;
    const client = `client-${Math.floor(r() * 20_000)}`;
    const agent = `agent-${Math.floor(r() * 40)}`;
    const mood = r();
    const length = Math.min(total - produced, 2 + Math.floor(r() * 11));
    let at = start + Math.floor(r() * quarter);
    const topic = pick(w.topic)
      .replace('{n}', String(10000 + Math.floor(r() * 90000)))
      .replace('{m}', pick(MONTHS[lang]))
      .replace('{d}', pick(DAYS[lang]));
    for (let i = 0; i < length; i++) {
      const role = i % 2 === 0 ? 'client' : 'agent';
      const parts: string[] = [];
      if (role === 'client') {
        parts.push(i === 0 ? `${pick(w.open)} ${topic}.` : pick(w.calm));
        if (mood < 0.25) parts.push(pick(w.angry));
        if (mood < 0.06) parts.push(pick(w.abuse));
        if (mood > 0.85 && mood < 0.93) parts.push(pick(w.pressure));
        if (mood > 0.93) parts.push(pick(w.anxious));
        parts.push(pick(w.calm));
      } else {
        parts.push(pick(w.reply), pick(w.reply));
        if (r() < 0.15) parts.push(pick(w.badReply));
        if (mood < 0.06 && r() < 0.5) parts.push(pick(w.boundary));
        parts.push(pick(w.reply), pick(w.close));
      }
      at += 60_000 + Math.floor(r() * 7_200_000);
      yield {
        conversation: `T-${conv}`,
        id: `T-${conv}-${i + 1}`,
        role,
        author: role === 'client' ? client : agent,
        client,
        text: parts.filter(Boolean).join(' '),
        at: new Date(at).toISOString(),
      };
      produced++;
    }
  }
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the export; resolves with its size in bytes. */
export async function writeExport(path: string, total: number, format: 'jsonl' | 'csv'): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  if (format === 'csv') await write('ticket_id,id,author_type,author,requester,body,created_at\n');
  for (const m of generateMessages(total)) {
    if (format === 'jsonl') {
      await write(
        `${JSON.stringify({ id: m.id, conversation: m.conversation, role: m.role, author: m.author, client: m.client, text: m.text, at: m.at })}\n`,
      );
    } else {
      await write(
        `${[m.conversation, m.id, m.role === 'client' ? 'end-user' : 'agent', m.author, m.client, m.text, m.at].map(csvCell).join(',')}\n`,
      );
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return bytes;
}
