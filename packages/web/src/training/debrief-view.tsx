/** The scored debrief of a training session; every text is rendered as text, never as HTML. */
import { type Debrief, MOVE_NAME, SKILL_NAME } from '@sangfroid/core';
import type { TrainingStrings } from './strings.ts';

export function DebriefView({ d, s }: { d: Debrief; s: TrainingStrings }) {
  const lang = d.lang;
  return (
    <section class="card training-debrief" aria-labelledby="tr-debrief" data-testid="training-debrief">
      <h2 id="tr-debrief">{s.debrief}</h2>
      <p
        class={d.outcome.kind === 'failed' ? 'training-outcome failed' : 'training-outcome ok'}
        data-testid="training-outcome"
        data-outcome={d.outcome.kind}
      >
        {d.outcomeText}
      </p>
      <p>
        <strong>{s.overall} : </strong>
        <span class="training-overall" data-testid="training-overall">
          {d.overall}
        </span>
        /100
      </p>
      <h3>{s.skills}</h3>
      <ul class="training-skills">
        {d.skills.map((k) => (
          <li key={k.skill} data-skill={k.skill}>
            <span class="training-skill-name">{SKILL_NAME[k.skill][lang]}</span>
            <meter
              min={0}
              max={100}
              low={50}
              high={80}
              optimum={100}
              value={k.score}
              aria-label={SKILL_NAME[k.skill][lang]}
            />
            <span class="training-skill-score">{k.score}</span>
          </li>
        ))}
      </ul>
      <h3>{s.truth}</h3>
      <p>
        {d.hiddenTruth.text}{' '}
        <span class="muted">
          (
          {d.hiddenTruth.discoveredAt === null
            ? s.notFound
            : s.found.replace('{n}', String(d.hiddenTruth.discoveredAt))}
          )
        </span>
      </p>
      <h3>{s.steps}</h3>
      {d.steps.length === 0 ? (
        <p class="muted">{s.none}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{s.step}</th>
              <th scope="col">{s.turns}</th>
            </tr>
          </thead>
          <tbody>
            {d.steps.map((st) => (
              <tr key={st.step}>
                <td>{MOVE_NAME[st.step][lang]}</td>
                <td>{st.turns.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{s.missed}</h3>
      {d.missed.length === 0 ? (
        <p class="muted">{s.none}</p>
      ) : (
        <ol class="training-missed">
          {d.missed.map((m) => (
            <li key={m.turn} data-testid="training-missed">
              <p>
                <strong>
                  {s.turn} {m.turn} — {MOVE_NAME[m.expected][lang]}
                </strong>
                <br />
                {m.why}
              </p>
              {m.reply ? (
                <p class="muted">
                  {s.youWrote} : « {m.reply} »
                </p>
              ) : null}
              <p class="training-better">
                {s.better} : <span class="pre">{m.betterReply}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
      <h3>{s.risks}</h3>
      {d.risks.length === 0 ? (
        <p class="muted">{s.none}</p>
      ) : (
        <ul>
          {d.risks.map((r, i) => (
            <li key={`${r.turn}-${r.id}-${i}`} data-risk={r.id}>
              <strong>
                {s.turn} {r.turn}
              </strong>{' '}
              « {r.evidence} » — {r.advice}
            </li>
          ))}
        </ul>
      )}
      {d.tips.length > 0 ? (
        <>
          <h3>{s.tips}</h3>
          <ul>
            {d.tips.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
