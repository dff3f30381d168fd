/**
 * The training simulator (route #/training): pick a difficult client, answer them turn by turn,
 * then read the scored debrief. The simulation runs in the browser with the core engine
 * (packages/core/src/training); the finished session is sent to the server, which replays it from
 * its seed and replies to score and keep it — the trainee's history, and the manager's dashboard.
 */
import {
  buildDebrief,
  type Debrief,
  expectedMove,
  listPersonas,
  MOVE_NAME,
  MOVE_WHY,
  type PersonaId,
  personaText,
  replyTo,
  startTraining,
  type TraineeReply,
  type TrainingState,
} from '@sangfroid/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentLang, useT } from '../i18n/index.ts';
import { formatDateTime } from '../lib/dates.ts';
import { DebriefView } from '../training/debrief-view.tsx';
import {
  myProgress,
  mySessions,
  type Progress,
  type SessionRecord,
  saveSession,
} from '../training/history.ts';
import { ProgressView } from '../training/progress-view.tsx';
import { outcomeName, trainingStrings } from '../training/strings.ts';
import '../training/training.css';

type Saved = 'idle' | 'saved' | 'off';

export function TrainingPage() {
  useT(); // re-render when the language changes
  const lang = currentLang();
  const s = trainingStrings(lang);
  const personas = listPersonas(lang);
  const [persona, setPersona] = useState<PersonaId>(personas[0]?.id ?? 'furious-quality');
  const [seedText, setSeedText] = useState('');
  const [session, setSession] = useState<TrainingState | null>(null);
  const [replies, setReplies] = useState<readonly TraineeReply[]>([]);
  const [draft, setDraft] = useState('');
  const [debrief, setDebrief] = useState<Debrief | null>(null);
  const [saved, setSaved] = useState<Saved>('idle');
  const [hint, setHint] = useState<string | null>(null);
  const [history, setHistory] = useState<readonly SessionRecord[] | null>(null);
  const replyBox = useRef<HTMLTextAreaElement>(null);

  const [progress, setProgress] = useState<Progress | null>(null);
  const loadHistory = () => {
    mySessions()
      .then(setHistory)
      .catch(() => setHistory(null));
    myProgress()
      .then(setProgress)
      .catch(() => setProgress(null));
  };
  useEffect(() => {
    loadHistory();
  }, []);

  const begin = (seed: number) => {
    setSession(startTraining({ persona, lang, seed }));
    setReplies([]);
    setDraft('');
    setDebrief(null);
    setSaved('idle');
    setSeedText(String(seed));
    setTimeout(() => replyBox.current?.focus(), 0);
  };
  const start = (e: Event) => {
    e.preventDefault();
    const typed = seedText.trim();
    // The page is the boundary that may read the clock: a fresh seed unless one was typed.
    begin(/^\d+$/.test(typed) ? Number(typed) : Date.now() % 1_000_000);
  };

  const finish = (state: TrainingState, all: readonly TraineeReply[]) => {
    setDebrief(buildDebrief(state));
    saveSession({
      persona: state.persona,
      lang: state.lang,
      scenario: state.scenario,
      seed: state.seed,
      replies: all,
    })
      .then(() => {
        setSaved('saved');
        loadHistory();
      })
      .catch(() => setSaved('off'));
  };

  const send = (escalate: boolean) => {
    if (!session || session.outcome) return;
    const text = draft.trim();
    if (!text && !escalate) return;
    const reply: TraineeReply = escalate ? { text, escalate: true } : { text };
    const next = replyTo(session, reply);
    const all = [...replies, reply];
    setSession(next);
    setReplies(all);
    setDraft('');
    setHint(null);
    if (next.outcome) finish(next, all);
    else setTimeout(() => replyBox.current?.focus(), 0);
  };

  const text = session ? personaText(session.persona, session.lang) : null;
  const brief = session && text ? (text.scenarios[session.scenario]?.brief ?? '') : '';

  return (
    <div class="page">
      <header class="page-head">
        <h1>{s.title}</h1>
        <p class="muted">{s.intro}</p>
      </header>
      {!session ? (
        <form class="card" onSubmit={start} aria-labelledby="tr-choose">
          <fieldset class="training-fieldset">
            <legend id="tr-choose">{s.choose}</legend>
            <ul class="training-personas">
              {personas.map((p) => (
                <li key={p.id}>
                  <label>
                    <input
                      type="radio"
                      name="persona"
                      value={p.id}
                      checked={persona === p.id}
                      onChange={() => setPersona(p.id)}
                    />{' '}
                    <span>{p.name}</span>
                    <br />
                    <small class="muted">{p.title}</small>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <label class="field">
            <span>{s.seed}</span>
            <input inputMode="numeric" value={seedText} onInput={(e) => setSeedText(e.currentTarget.value)} />
          </label>
          <div class="form-buttons">
            <button type="submit" class="btn btn-primary">
              {s.start}
            </button>
          </div>
        </form>
      ) : (
        <div class="training-grid">
          <section class="card" aria-labelledby="tr-scenario">
            <h2 id="tr-scenario">
              {text?.name} — {text?.title}
            </h2>
            <p>
              <strong>{s.scenario} : </strong>
              {brief}
            </p>
            <ol class="training-transcript" aria-live="polite" data-testid="training-transcript">
              {session.transcript.map((t, i) => (
                <li key={`${session.seed}:${i}`} class={`training-turn ${t.role}`} data-role={t.role}>
                  <span class="training-who">{t.role === 'client' ? s.client : s.you}</span>
                  {t.text}
                </li>
              ))}
            </ol>
            {!session.outcome ? (
              <form
                class="training-reply"
                onSubmit={(e) => {
                  e.preventDefault();
                  send(false);
                }}
              >
                <label class="field">
                  <span>{s.reply}</span>
                  <textarea
                    ref={replyBox}
                    value={draft}
                    onInput={(e) => setDraft(e.currentTarget.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                        e.preventDefault();
                        send(false);
                      }
                    }}
                  />
                </label>
                <div class="form-buttons">
                  <button type="submit" class="btn btn-primary">
                    {s.send}
                  </button>
                  <button
                    type="button"
                    class="btn btn-danger"
                    title={s.escalateHint}
                    onClick={() => send(true)}
                  >
                    {s.escalate}
                  </button>
                  <button
                    type="button"
                    class="btn btn-ghost"
                    onClick={() => {
                      const move = expectedMove(session);
                      setHint(
                        `${s.hintLead} ${MOVE_NAME[move][session.lang]}. ${MOVE_WHY[move][session.lang]}`,
                      );
                    }}
                  >
                    {s.hint}
                  </button>
                  <button type="button" class="btn btn-ghost" onClick={() => finish(session, replies)}>
                    {s.stop}
                  </button>
                </div>
              </form>
            ) : null}
            {hint && !session.outcome ? (
              <p class="hint" role="status" data-testid="training-hint">
                {hint}
              </p>
            ) : null}
            {debrief ? (
              <div class="form-buttons">
                <button
                  type="button"
                  class="btn btn-primary"
                  onClick={() => {
                    setSession(null);
                    setSeedText(''); // a new session draws a new seed
                  }}
                >
                  {s.again}
                </button>
                <button type="button" class="btn" onClick={() => begin(session.seed)}>
                  {s.replay}
                </button>
                <span class="muted small">
                  {s.seedLabel} : {session.seed}
                </span>
              </div>
            ) : null}
          </section>
          <aside>
            {debrief ? (
              <>
                <DebriefView d={debrief} s={s} />
                {saved === 'saved' ? <p class="muted small">{s.saved}</p> : null}
                {saved === 'off' ? <p class="muted small">{s.historyOff}</p> : null}
              </>
            ) : null}
          </aside>
        </div>
      )}
      <section class="card" aria-labelledby="tr-history">
        <h2 id="tr-history">{s.history}</h2>
        {history === null || history.length === 0 ? (
          <p class="muted">{s.historyNone}</p>
        ) : (
          <>
            <p data-testid="training-progress">
              {s.progress
                .replace('{n}', String(Math.min(5, history.length)))
                .replace(
                  '{avg}',
                  String(
                    Math.round(
                      history.slice(0, 5).reduce((sum, h) => sum + h.overall, 0) /
                        Math.min(5, history.length),
                    ),
                  ),
                )}
            </p>
            {progress && progress.sessions > 0 ? <ProgressView p={progress} s={s} lang={lang} /> : null}
            <table class="table" data-testid="training-history">
              <thead>
                <tr>
                  <th scope="col">{s.date}</th>
                  <th scope="col">{s.persona}</th>
                  <th scope="col">{s.outcome}</th>
                  <th scope="col">{s.score}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id}>
                    <td>{formatDateTime(h.createdAt, lang)}</td>
                    <td>{personaText(h.persona, lang).name}</td>
                    <td>{outcomeName(s, h.outcome)}</td>
                    <td>{h.overall}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
