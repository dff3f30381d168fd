/**
 * The manager's dashboard: incidents over time by kind and by severity, clients by risk,
 * escalations and the median time to acknowledge, debriefs on time, commitments kept, training.
 * Filters by period and team; every figure can be exported as CSV.
 */
import type { ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Dashboard, Escalation, Incident, Page, User } from '../api/types.ts';
import { ChartView, PALETTE, SEVERITY_COLOURS } from '../components/chart.tsx';
import { Gauge } from '../components/gauge.tsx';
import { currentLang, useT } from '../i18n/index.ts';
import { type CsvColumn, toCsv } from '../lib/csv.ts';
import { formatWeek, minutesBetween } from '../lib/dates.ts';
import { bucketByWeek, clientsByRisk, type FigureRow, median, percent, seriesRows } from '../lib/stats.ts';
import { API, useUser } from '../session.tsx';

const PERIODS = [7, 30, 90, 365] as const;
const MAX_PAGES = 10;

/** Every item of a list endpoint newer than `since`, following cursors (bounded). */
async function listSince<T extends { readonly createdAt: string }>(
  path: string,
  since: string,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: Page<T> = await api.get<Page<T>>(path, { limit: 100, cursor });
    out.push(...page.items.filter((x) => x.createdAt >= since));
    const last = page.items[page.items.length - 1];
    if (!page.nextCursor || !last || last.createdAt < since) break;
    cursor = page.nextCursor;
  }
  return out;
}

function download(name: string, csv: string) {
  const blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function DashboardPage() {
  const t = useT();
  const user = useUser();
  const [days, setDays] = useState<number>(30);
  const [team, setTeam] = useState('');
  const [users, setUsers] = useState<readonly User[]>([]);
  const [dash, setDash] = useState<Dashboard | null>(null);
  const [incidents, setIncidents] = useState<readonly Incident[]>([]);
  const [escalations, setEscalations] = useState<readonly Escalation[]>([]);
  const [error, setError] = useState(false);
  const now = useMemo(() => new Date(), [days, team]);
  const since = new Date(now.getTime() - days * 86400000).toISOString();

  useEffect(() => {
    // supervisors and admins may pick a team; the server narrows its figures with supervisorId
    if (user && user.role !== 'agent')
      void api
        .get<Page<User>>(`${API}/users`, { limit: 100 })
        .then((p) => setUsers(p.items))
        .catch(() => undefined);
  }, [user?.role]);

  useEffect(() => {
    setError(false);
    api
      .get<Dashboard>(`${API}/dashboard`, { days, ...(team ? { supervisorId: team } : {}) })
      .then(setDash)
      .catch(() => setError(true));
    void listSince<Incident>(`${API}/incidents`, since)
      .then(setIncidents)
      .catch(() => setIncidents([]));
    void listSince<Escalation>(`${API}/escalations`, since)
      .then(setEscalations)
      .catch(() => setEscalations([]));
  }, [days, team]);

  const members = useMemo(
    () => (team ? new Set([team, ...users.filter((u) => u.supervisorId === team).map((u) => u.id)]) : null),
    [team, users],
  );
  const teamIncidents = members
    ? incidents.filter((i) => i.reportedBy && members.has(i.reportedBy))
    : incidents;
  const teamEscalations = members ? escalations.filter((e) => members.has(e.raisedBy)) : escalations;
  const supervisors = users.filter((u) => u.role === 'supervisor');

  const byKind = bucketByWeek(
    teamIncidents,
    (i) => i.createdAt,
    (i) => i.kind,
    since,
    now.toISOString(),
  );
  const bySeverity = bucketByWeek(
    teamIncidents,
    (i) => i.createdAt,
    (i) => String(i.severity),
    since,
    now.toISOString(),
  );
  const risk = clientsByRisk(teamIncidents);
  const ackMinutes = teamEscalations
    .map((e) => minutesBetween(e.createdAt, e.acknowledgedAt))
    .filter((m): m is number => m !== null);
  const medianAck = members
    ? median(ackMinutes)
    : (dash?.escalations.medianMinutesToAcknowledge ?? median(ackMinutes));
  const escPerWeek = bucketByWeek(
    teamEscalations,
    (e) => e.createdAt,
    () => 'all',
    since,
    now.toISOString(),
  );
  const training =
    dash && typeof dash.training === 'object' && dash.training !== null
      ? (dash.training as Record<string, unknown>)
      : null;

  const weeksLabel = t('dashboard.week');
  const week = (w: string) => formatWeek(w, currentLang());
  const kindConfig: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: byKind.weeks.map(week),
      datasets: [...byKind.series.entries()].map(([k, counts], i) => ({
        label: t(`signal.${k}`, { defaultValue: k }),
        data: [...counts],
        backgroundColor: PALETTE[i % PALETTE.length] as string,
      })),
    },
    options: {
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
  const sevConfig: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: bySeverity.weeks.map(week),
      datasets: ['1', '2', '3'].map((s) => ({
        label: t(`severity.${s}`),
        data: [...(bySeverity.series.get(s) ?? bySeverity.weeks.map(() => 0))],
        backgroundColor: SEVERITY_COLOURS[s] as string,
      })),
    },
    options: {
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
  const riskConfig: ChartConfiguration = {
    type: 'doughnut',
    data: {
      labels: [t('risk.low'), t('risk.medium'), t('risk.high')],
      datasets: [
        { data: [risk.low, risk.medium, risk.high], backgroundColor: ['#56B4E9', '#E69F00', '#9b1c1c'] },
      ],
    },
  };
  const escConfig: ChartConfiguration = {
    type: 'line',
    data: {
      labels: escPerWeek.weeks.map(week),
      datasets: [
        {
          label: t('dashboard.escalations'),
          data: [...(escPerWeek.series.get('all') ?? escPerWeek.weeks.map(() => 0))],
          borderColor: '#0072B2',
          backgroundColor: '#0072B2',
        },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  };
  const debriefConfig: ChartConfiguration | null = dash
    ? {
        type: 'doughnut',
        data: {
          labels: [t('dashboard.completed'), t('dashboard.due'), t('dashboard.overdue')],
          datasets: [
            {
              data: [
                dash.debriefs.completed,
                Math.max(0, dash.debriefs.due - dash.debriefs.overdue),
                dash.debriefs.overdue,
              ],
              backgroundColor: ['#009E73', '#56B4E9', '#D55E00'],
            },
          ],
        },
      }
    : null;
  const commitConfig: ChartConfiguration | null = dash
    ? {
        type: 'doughnut',
        data: {
          labels: [t('commitment.kept'), t('commitment.broken'), t('dashboard.open')],
          datasets: [
            {
              data: [dash.commitments.kept, dash.commitments.broken, dash.commitments.open],
              backgroundColor: ['#009E73', '#D55E00', '#56B4E9'],
            },
          ],
        },
      }
    : null;

  const exportCsv = () => {
    type Row = FigureRow;
    const rows: Row[] = [
      ...seriesRows('incidents_by_kind', byKind),
      ...seriesRows('incidents_by_severity', bySeverity),
      ...Object.entries(risk).map(([key, value]) => ({ section: 'clients_by_risk', key, week: '', value })),
      ...seriesRows('escalations_raised', escPerWeek),
    ];
    rows.push({
      section: 'escalations',
      key: 'median_minutes_to_acknowledge',
      week: '',
      value: medianAck ?? '',
    });
    if (dash) {
      rows.push({
        section: 'debriefs',
        key: 'on_time_rate_percent',
        week: '',
        value: percent(dash.debriefs.onTimeRate) ?? '',
      });
      rows.push({ section: 'debriefs', key: 'overdue', week: '', value: dash.debriefs.overdue });
      rows.push({
        section: 'commitments',
        key: 'kept_rate_percent',
        week: '',
        value: percent(dash.commitments.keptRate) ?? '',
      });
      rows.push({ section: 'commitments', key: 'overdue', week: '', value: dash.commitments.overdue });
      rows.push({ section: 'messages', key: 'analysed', week: '', value: dash.messages.analysed });
      rows.push({ section: 'messages', key: 'with_abuse', week: '', value: dash.messages.withAbuse });
    }
    const cols: CsvColumn<Row>[] = [
      { header: 'section', value: (r) => r.section },
      { header: 'key', value: (r) => r.key },
      { header: 'week', value: (r) => r.week },
      { header: 'value', value: (r) => r.value },
    ];
    download(`sangfroid-dashboard-${days}d${team ? '-team' : ''}.csv`, toCsv(rows, cols));
  };

  const tableOf = (s: typeof byKind, name: (k: string) => string) => ({
    columns: [weeksLabel, ...[...s.series.keys()].map(name)],
    rows: s.weeks.map((w, i) => [w, ...[...s.series.values()].map((c) => c[i] ?? 0)]),
  });

  return (
    <div class="page dashboard">
      <header class="page-head row">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p class="muted">{t('dashboard.subtitle')}</p>
        </div>
        <fieldset class="filters">
          <legend class="visually-hidden">{t('dashboard.filters')}</legend>
          <label class="field inline">
            <span>{t('dashboard.period')}</span>
            <select
              value={String(days)}
              onChange={(e) => setDays(Number(e.currentTarget.value))}
              data-testid="period"
            >
              {PERIODS.map((p) => (
                <option key={p} value={String(p)}>
                  {t('dashboard.lastDays', { count: p })}
                </option>
              ))}
            </select>
          </label>
          <label class="field inline">
            <span>{t('dashboard.team')}</span>
            <select
              value={team}
              onChange={(e) => setTeam(e.currentTarget.value)}
              disabled={supervisors.length === 0}
            >
              <option value="">{t('dashboard.allTeams')}</option>
              {supervisors.map((s) => (
                <option key={s.id} value={s.id}>
                  {t('dashboard.teamOf', { name: s.name })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" class="btn" onClick={exportCsv} data-testid="export-csv">
            {t('dashboard.exportCsv')}
          </button>
        </fieldset>
      </header>
      {error && (
        <p class="error" role="alert">
          {t('error.generic')}
        </p>
      )}
      <div class="kpis" data-testid="kpis">
        <Kpi
          label={t('dashboard.incidents')}
          value={
            members ? String(teamIncidents.length) : String(dash?.incidents.total ?? teamIncidents.length)
          }
          testId="kpi-incidents"
          {...(!members && typeof dash?.incidents.previousPeriodTotal === 'number'
            ? { note: t('dashboard.previousPeriod', { count: dash.incidents.previousPeriodTotal }) }
            : {})}
        />
        <Kpi
          label={t('dashboard.openEscalations')}
          value={String(
            members
              ? teamEscalations.filter((e) => e.status !== 'resolved').length
              : (dash?.escalations.open ?? 0),
          )}
          testId="kpi-escalations"
        />
        <Kpi
          label={t('dashboard.medianAck')}
          value={medianAck === null ? '—' : t('dashboard.minutes', { count: Math.round(medianAck) })}
          testId="kpi-ack"
        />
        <Kpi
          label={t('dashboard.debriefsOnTime')}
          value={fmtPct(dash?.debriefs.onTimeRate)}
          testId="kpi-debriefs"
        />
        <Kpi
          label={t('dashboard.commitmentsKept')}
          value={fmtPct(dash?.commitments.keptRate)}
          testId="kpi-commitments"
        />
      </div>
      <div class="grid-2">
        <section class="card" aria-labelledby="c-kind">
          <h2 id="c-kind">{t('dashboard.byKind')}</h2>
          <ChartView
            emptyText={t('dashboard.noData')}
            config={kindConfig}
            label={t('dashboard.byKind')}
            table={tableOf(byKind, (k) => t(`signal.${k}`, { defaultValue: k }))}
            testId="chart-kind"
          />
        </section>
        <section class="card" aria-labelledby="c-sev">
          <h2 id="c-sev">{t('dashboard.bySeverity')}</h2>
          <ChartView
            emptyText={t('dashboard.noData')}
            config={sevConfig}
            label={t('dashboard.bySeverity')}
            table={tableOf(bySeverity, (k) => t(`severity.${k}`))}
            testId="chart-severity"
          />
        </section>
        <section class="card" aria-labelledby="c-risk">
          <h2 id="c-risk">{t('dashboard.clientsByRisk')}</h2>
          <ChartView
            emptyText={t('dashboard.noData')}
            config={riskConfig}
            label={t('dashboard.clientsByRisk')}
            table={{
              columns: [t('dashboard.level'), t('dashboard.clients')],
              rows: [
                [t('risk.low'), risk.low],
                [t('risk.medium'), risk.medium],
                [t('risk.high'), risk.high],
              ],
            }}
            height={200}
          />
        </section>
        <section class="card" aria-labelledby="c-esc">
          <h2 id="c-esc">{t('dashboard.escalationsOverTime')}</h2>
          <ChartView
            emptyText={t('dashboard.noData')}
            config={escConfig}
            label={t('dashboard.escalationsOverTime')}
            table={tableOf(escPerWeek, () => t('dashboard.escalations'))}
            height={200}
          />
        </section>
        {debriefConfig && dash && (
          <section class="card" aria-labelledby="c-deb">
            <h2 id="c-deb">{t('dashboard.debriefs')}</h2>
            <ChartView
              emptyText={t('dashboard.noData')}
              config={debriefConfig}
              label={t('dashboard.debriefs')}
              table={{
                columns: ['', ''],
                rows: [
                  [t('dashboard.completed'), dash.debriefs.completed],
                  [t('dashboard.due'), dash.debriefs.due],
                  [t('dashboard.overdue'), dash.debriefs.overdue],
                ],
              }}
              height={200}
            />
          </section>
        )}
        {commitConfig && dash && (
          <section class="card" aria-labelledby="c-com">
            <h2 id="c-com">{t('dashboard.commitments')}</h2>
            <ChartView
              emptyText={t('dashboard.noData')}
              config={commitConfig}
              label={t('dashboard.commitments')}
              table={{
                columns: ['', ''],
                rows: [
                  [t('commitment.kept'), dash.commitments.kept],
                  [t('commitment.broken'), dash.commitments.broken],
                  [t('dashboard.open'), dash.commitments.open],
                ],
              }}
              height={200}
            />
          </section>
        )}
        <section class="card" aria-labelledby="c-train">
          <h2 id="c-train">{t('dashboard.training')}</h2>
          {training && typeof training.sessions === 'number' && training.sessions > 0 ? (
            <div data-testid="training-summary">
              <dl class="facts">
                {(['sessions', 'completed', 'users'] as const).map((k) =>
                  typeof training[k] === 'number' ? (
                    <div key={k}>
                      <dt>{t(`dashboard.trainingField.${k}`)}</dt>
                      <dd>{String(training[k])}</dd>
                    </div>
                  ) : null,
                )}
              </dl>
              {typeof training.averageScore === 'number' && (
                <div class="training-score">
                  <Gauge
                    label={t('dashboard.trainingField.averageScore')}
                    value={training.averageScore / 100}
                    isQuality
                  />
                </div>
              )}
            </div>
          ) : (
            <p class="muted">{t('dashboard.noTraining')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

function fmtPct(rate: number | null | undefined): string {
  const p = percent(rate);
  return p === null ? '—' : `${p} %`;
}

function Kpi({
  label,
  value,
  testId,
  note,
}: {
  readonly label: string;
  readonly value: string;
  readonly testId: string;
  /** A comparison under the label (the previous period). */
  readonly note?: string;
}) {
  return (
    <div class="kpi card" data-testid={testId}>
      <span class="kpi-value">{value}</span>
      <span class="kpi-label">{label}</span>
      {note && <span class="kpi-note">{note}</span>}
    </div>
  );
}
