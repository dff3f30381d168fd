/**
 * `--report report.html`: one self-contained page a manager opens offline and prints. Tables are
 * rendered here (readable without JavaScript, and on paper); charts are drawn by chart.js, whose
 * UMD build is read from node_modules and inlined — no CDN. Every piece of text from the export
 * is HTML-escaped; the data for the charts travels as JSON with `<` escaped, so no export content
 * can close a script element.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ACTION_IDS, AGENT_QUALITY_IDS, AGENT_RISK_IDS, CLIENT_SIGNAL_IDS } from '@sangfroid/core/types';
import type { Example, IncidentKind } from './analyse.ts';
import { label, type ReportLang, words } from './i18n.ts';
import type { ImportSummary } from './summary.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** JSON safe to place inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Inline code safe inside <script>: no `</script` nor `<!--` can end or confuse the element. */
export function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

let chartJsSource: string | undefined;

/** The chart.js UMD build, read once from the installed package. */
export function chartJs(): string {
  if (chartJsSource === undefined) {
    const require = createRequire(import.meta.url);
    const main = require.resolve('chart.js'); // …/chart.js/dist/chart.cjs
    chartJsSource = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  }
  return chartJsSource;
}

/** The example's text with each finding's span in a <mark>, overlaps keeping the first. */
export function highlightExample(example: Pick<Example, 'text' | 'findings'>, lang: ReportLang): string {
  const spans = [...example.findings]
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    out += escapeHtml(example.text.slice(at, f.start));
    out += `<mark class="${escapeHtml(f.id.split('.')[0] ?? '')}" title="${escapeHtml(`${f.id} — ${label(f.id, lang)}`)}">${escapeHtml(example.text.slice(f.start, f.end))}</mark>`;
    at = f.end;
  }
  return out + escapeHtml(example.text.slice(at));
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function table(headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const STYLE = `
:root{--ink:#1d2433;--muted:#5b6475;--line:#d9dde5;--accent:#2f5d8a;--bad:#b3261e;--good:#2e7d32}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;padding:24px;max-width:1100px;margin-inline:auto}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 6px;border-bottom:2px solid var(--line);padding-bottom:4px}
.meta,.help,.empty{color:var(--muted);font-size:13px;margin:2px 0 10px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:10px;margin:16px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:10px 12px}.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:12px}
.card.alert b{color:var(--bad)}
.chart{position:relative;height:320px;margin:8px 0}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}th,td{border-bottom:1px solid var(--line);padding:5px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
blockquote{margin:6px 0 14px;padding:8px 12px;border-left:4px solid var(--line);background:#fafbfc;white-space:pre-wrap;word-break:break-word}
mark{background:#ffe2a8;border-radius:2px;padding:0 1px}mark.abuse,mark.risk{background:#f9c7c3}mark.reply{background:#cdeccf}
.tag{display:inline-block;font-size:11px;border:1px solid var(--line);border-radius:10px;padding:0 6px;margin:0 3px 3px 0}
section{break-inside:avoid-page}
@media print{body{padding:0;font-size:12px}.chart{height:260px}h2{break-after:avoid}table,blockquote{break-inside:avoid}@page{margin:14mm}}
`;

function exampleBlock(e: Example, lang: ReportLang): string {
  const w = words(lang);
  const tags = [...new Set(e.findings.map((f) => f.id))]
    .map((id) => `<span class="tag">${escapeHtml(label(id, lang))}</span>`)
    .join('');
  const who = e.author
    ? ` · ${escapeHtml(e.role === 'agent' ? w.agent : w.client)} ${escapeHtml(e.author)}`
    : '';
  return `<div class="meta">${escapeHtml(w.conversation)} ${escapeHtml(e.conversation)} · ${escapeHtml(w.line)} ${e.line}${who}${
    e.at ? ` · ${escapeHtml(e.at)}` : ''
  }</div>${tags}<blockquote>${highlightExample(e, lang)}</blockquote>`;
}

export function renderReport(summary: ImportSummary, options: { lang: ReportLang; now: Date }): string {
  const { lang } = options;
  const w = words(lang);
  const t = summary.totals;
  const num = (n: number) => n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const card = (value: number, name: string, alert = false) =>
    `<div class="card${alert && value > 0 ? ' alert' : ''}"><b>${num(value)}</b><span>${escapeHtml(name)}</span></div>`;
  const kindName = (k: IncidentKind) => w[k];
  const clientIds = CLIENT_SIGNAL_IDS.filter((id) => (summary.signals[id] ?? 0) > 0);
  const chartData = {
    signals: {
      labels: (clientIds.length > 0 ? clientIds : CLIENT_SIGNAL_IDS).map((id) => label(id, lang)),
      values: (clientIds.length > 0 ? clientIds : CLIENT_SIGNAL_IDS).map((id) => summary.signals[id] ?? 0),
    },
    actions: {
      labels: ACTION_IDS.filter((id) => (summary.actions[id] ?? 0) > 0).map((id) => label(id, lang)),
      values: ACTION_IDS.filter((id) => (summary.actions[id] ?? 0) > 0).map((id) => summary.actions[id] ?? 0),
    },
    skills: {
      labels: AGENT_QUALITY_IDS.map((id) => label(id, lang)),
      values: AGENT_QUALITY_IDS.map((id) => Math.round((summary.agents.team.skills[id] ?? 0) * 100)),
    },
    risks: {
      labels: AGENT_RISK_IDS.map((id) => label(id, lang)),
      values: AGENT_RISK_IDS.map((id) => Math.round((summary.agents.team.risks[id] ?? 0) * 1000) / 10),
    },
    timeline: {
      labels: summary.timeline.map((d) => d.day),
      messages: summary.timeline.map((d) => d.messages),
      abusive: summary.timeline.map((d) => d.abusive),
      names: [w.timelineMessages, w.timelineAbusive],
    },
  };
  const incidents = table(
    [w.date, w.conversation, w.client, w.kind, w.severity, w.line, w.evidence],
    summary.incidents.items.map((i) => [
      escapeHtml(i.at ?? ''),
      escapeHtml(i.conversation),
      escapeHtml(i.client ?? ''),
      escapeHtml(i.kinds.map(kindName).join(', ')),
      String(i.severity),
      String(i.line),
      `« ${escapeHtml(i.evidence)} »`,
    ]),
    w.none,
  );
  const clients = table(
    [w.client, w.conversations, w.abusive, w.incidents, w.score, w.topSignals],
    summary.clients.map((c) => [
      escapeHtml(c.client),
      `<span class="num">${num(c.conversations)}</span>`,
      num(c.abusiveMessages),
      num(c.incidents),
      c.score.toFixed(2),
      escapeHtml(c.topSignals.map((id) => label(id, lang)).join(', ')),
    ]),
    w.none,
  );
  const agentSkills = ['reply.empathy', 'reply.reformulation', 'reply.solution', 'reply.next_steps'] as const;
  const agents = table(
    [
      w.agent,
      w.replies,
      ...agentSkills.map((id) => label(id, lang)),
      label('risk.defensive', lang),
      w.boundaryAfterAbuse,
      w.draftScore,
    ],
    summary.agents.byAgent.map((a) => [
      escapeHtml(a.agent),
      num(a.replies),
      ...agentSkills.map((id) => pct(a.skills[id] ?? 0)),
      pct(a.risks['risk.defensive'] ?? 0),
      a.afterAbuse > 0 ? `${a.boundaryAfterAbuse} / ${a.afterAbuse}` : '—',
      a.draftScore === null ? '—' : `${Math.round(a.draftScore)} / 100`,
    ]),
    w.none,
  );
  const errors = table(
    [w.line, w.code, w.detail],
    summary.errors.first.map((e) => [String(e.line), escapeHtml(e.code), escapeHtml(e.message)]),
    w.none,
  );
  const date = options.now.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const script = `
(function(){
var d=JSON.parse(document.getElementById('sangfroid-data').textContent);
if(typeof Chart==='undefined')return;
Chart.defaults.animation=false;Chart.defaults.maintainAspectRatio=false;Chart.defaults.font.family='system-ui,sans-serif';
var charts=[];
function bar(id,labels,data,color,horizontal,max){var el=document.getElementById(id);if(!el)return;charts.push(new Chart(el,{type:'bar',data:{labels:labels,datasets:[{data:data,backgroundColor:color}]},options:{indexAxis:horizontal?'y':'x',plugins:{legend:{display:false}},scales:max?{x:{max:max},y:{max:max}}:{}}}));}
bar('chart-signals',d.signals.labels,d.signals.values,'#2f5d8a',true);
bar('chart-skills',d.skills.labels,d.skills.values,'#2e7d32',true,100);
bar('chart-risks',d.risks.labels,d.risks.values,'#b3261e',true);
var a=document.getElementById('chart-actions');if(a&&d.actions.values.length){charts.push(new Chart(a,{type:'doughnut',data:{labels:d.actions.labels,datasets:[{data:d.actions.values}]},options:{plugins:{legend:{position:'right'}}}}));}
var tl=document.getElementById('chart-timeline');if(tl&&d.timeline.labels.length){charts.push(new Chart(tl,{type:'line',data:{labels:d.timeline.labels,datasets:[{label:d.timeline.names[0],data:d.timeline.messages,borderColor:'#2f5d8a',pointRadius:0,yAxisID:'y'},{label:d.timeline.names[1],data:d.timeline.abusive,borderColor:'#b3261e',pointRadius:0,yAxisID:'y1'}]},options:{scales:{y:{position:'left'},y1:{position:'right',grid:{drawOnChartArea:false}}}}}));}
window.addEventListener('beforeprint',function(){charts.forEach(function(c){c.resize();});});
window.addEventListener('afterprint',function(){charts.forEach(function(c){c.resize();});});
})();`;
  const actionsSection =
    chartData.actions.values.length > 0
      ? `<div class="chart"><canvas id="chart-actions" role="img" aria-label="${escapeHtml(w.actionsTitle)}"></canvas></div>${table(
          [w.actionsTitle, w.conversations],
          ACTION_IDS.filter((id) => (summary.actions[id] ?? 0) > 0).map((id) => [
            escapeHtml(label(id, lang)),
            num(summary.actions[id] ?? 0),
          ]),
          w.none,
        )}`
      : `<p class="empty">${escapeHtml(w.actionsMissing)}</p>`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(w.title)}</h1>
<p class="meta">${escapeHtml(w.generated)} ${escapeHtml(date)} UTC · ${escapeHtml(w.source)} : ${escapeHtml(summary.source.name)} · ${escapeHtml(w.format)} : ${escapeHtml(summary.source.format)}</p>
</header>
<div class="cards">
${card(t.conversations, w.conversations)}${card(t.messages, w.messages)}${card(t.clientMessages, w.clientMessages)}${card(t.agentMessages, w.agentMessages)}${card(t.abusiveMessages, w.abusive, true)}${card(t.incidents, w.incidents, true)}${card(t.rejected, w.rejected, true)}${card(t.skipped, w.skipped)}
</div>
<section><h2>${escapeHtml(w.signalsTitle)}</h2><p class="help">${escapeHtml(w.signalsHelp)}</p>
<div class="chart"><canvas id="chart-signals" role="img" aria-label="${escapeHtml(w.signalsTitle)}"></canvas></div>
${table(
  [w.signal, w.messages],
  CLIENT_SIGNAL_IDS.filter((id) => (summary.signals[id] ?? 0) > 0).map((id) => [
    escapeHtml(label(id, lang)),
    num(summary.signals[id] ?? 0),
  ]),
  w.none,
)}
</section>
${summary.timeline.length > 1 ? `<section><h2>${escapeHtml(w.timelineTitle)}</h2><div class="chart"><canvas id="chart-timeline" role="img" aria-label="${escapeHtml(w.timelineTitle)}"></canvas></div></section>` : ''}
<section><h2>${escapeHtml(w.actionsTitle)}</h2><p class="help">${escapeHtml(w.actionsHelp)}</p>${actionsSection}</section>
<section><h2>${escapeHtml(w.incidentsTitle)} (${num(summary.incidents.total)})</h2>${incidents}</section>
<section><h2>${escapeHtml(w.clientsTitle)}</h2><p class="help">${escapeHtml(w.clientsHelp)}</p>${clients}</section>
<section><h2>${escapeHtml(w.skillsTitle)}</h2><p class="help">${escapeHtml(w.skillsHelp)}</p>
<div class="chart"><canvas id="chart-skills" role="img" aria-label="${escapeHtml(w.skillsLabel)}"></canvas></div>
<div class="chart" style="height:220px"><canvas id="chart-risks" role="img" aria-label="${escapeHtml(w.risksLabel)}"></canvas></div>
<h2>${escapeHtml(w.agentsTitle)}</h2>${agents}</section>
<section><h2>${escapeHtml(w.worstClientTitle)}</h2>${summary.worst.client.map((e) => exampleBlock(e, lang)).join('') || `<p class="empty">${escapeHtml(w.none)}</p>`}</section>
<section><h2>${escapeHtml(w.worstAgentTitle)}</h2>${summary.worst.agent.map((e) => exampleBlock(e, lang)).join('') || `<p class="empty">${escapeHtml(w.none)}</p>`}</section>
<section><h2>${escapeHtml(w.errorsTitle)} (${num(summary.errors.total)})</h2>${errors}</section>
<script type="application/json" id="sangfroid-data">${scriptJson(chartData)}</script>
<script>${inlineScript(chartJs())}</script>
<script>${inlineScript(script)}</script>
</body>
</html>
`;
}
