/** The trainee's progress over time: average score per week, and the average of each skill. */
import { type Lang, SKILL_IDS, SKILL_NAME } from '@sangfroid/core';
import type { ChartConfiguration } from 'chart.js';
import { ChartView } from '../components/chart.tsx';
import type { Progress } from './history.ts';
import type { TrainingStrings } from './strings.ts';

export function ProgressView({ p, s, lang }: { p: Progress; s: TrainingStrings; lang: Lang }) {
  const weeks = p.perWeek.map((w) => w.weekStart);
  const scores = p.perWeek.map((w) => w.averageScore ?? 0);
  const line: ChartConfiguration = {
    type: 'line',
    data: {
      labels: weeks,
      datasets: [{ label: s.overall, data: scores, borderColor: '#0b5563', tension: 0.2 }],
    },
    options: { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
  };
  const skillValues = SKILL_IDS.map((k) => p.skills[k] ?? 0);
  const bars: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: SKILL_IDS.map((k) => SKILL_NAME[k][lang]),
      datasets: [{ label: s.skills, data: skillValues, backgroundColor: '#0b5563' }],
    },
    options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
  };
  return (
    <div class="training-progress" data-testid="training-progress-charts">
      <ChartView
        config={line}
        label={s.progressChart}
        table={{
          columns: [s.date, s.overall],
          rows: p.perWeek.map((w) => [w.weekStart, w.averageScore ?? '—']),
        }}
        height={180}
      />
      <ChartView
        config={bars}
        label={s.skills}
        table={{
          columns: [s.skills, s.score],
          rows: SKILL_IDS.map((k, i) => [SKILL_NAME[k][lang], skillValues[i] ?? 0]),
        }}
        height={220}
      />
    </div>
  );
}
