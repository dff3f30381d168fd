/**
 * The incident file for management or HR: JSON, and a printable HTML page. Every piece of text in
 * the HTML goes through `escapeHtml` — client messages are untrusted input — and the page is served
 * with a CSP that forbids scripts, so even a missed spot could not run code.
 */
import { findAuditEntries } from './audit.ts';
import { toApi } from './common.ts';
import type { DomainContext } from './context.ts';
import { findIncident } from './incidents.ts';

export async function exportIncident(opts: DomainContext & { id: string }) {
  const incident: Record<string, unknown> & Awaited<ReturnType<typeof findIncident>> =
    await findIncident(opts);
  const org = opts.actor.orgId;
  const conversationId = incident.conversationId as string | null;
  const messages = conversationId
    ? await opts.db
        .selectFrom('messages')
        .select(['id', 'seq', 'direction', 'channel', 'author_name', 'text', 'created_at'])
        .where('org_id', '=', org)
        .where('conversation_id', '=', conversationId)
        .orderBy('seq')
        .execute()
    : [];
  const client = incident.clientId
    ? await opts.db
        .selectFrom('clients')
        .select(['id', 'name', 'company'])
        .where('org_id', '=', org)
        .where('id', '=', incident.clientId as string)
        .executeTakeFirst()
    : undefined;
  const organisation = await opts.db
    .selectFrom('organisations')
    .select(['name'])
    .where('id', '=', org)
    .executeTakeFirstOrThrow();
  const audit = await findAuditEntries({ db: opts.db, orgId: org, entityId: opts.id, limit: 500 });
  return {
    exportedAt: opts.now.toISOString(),
    exportedBy: opts.actor.name,
    organisation: organisation.name,
    incident,
    client: client ?? null,
    messages: messages.map(toApi),
    audit: audit.reverse().map((a) => ({
      seq: a.seq,
      at: a.at,
      action: a.action,
      actorId: a.actor_id,
      data: a.data,
      hash: a.hash,
    })),
  };
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(value: unknown): string {
  const s =
    value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const fmt = (v: unknown) =>
  escapeHtml(v instanceof Date ? v.toISOString().replace('T', ' ').slice(0, 16) : v);

/** Renders the file; `lang` picks the labels. Styles are inline in a <style> allowed by hash-free CSP nonce. */
export function renderIncidentHtml(
  file: Awaited<ReturnType<typeof exportIncident>>,
  nonce: string,
  lang: 'fr' | 'en' = 'fr',
): string {
  const L =
    lang === 'fr'
      ? {
          title: 'Dossier d’incident',
          kind: 'Nature',
          severity: 'Gravité',
          status: 'Statut',
          created: 'Créé le',
          client: 'Client',
          summary: 'Résumé',
          evidence: 'Éléments (citations exactes)',
          exposed: 'Personnes exposées',
          messages: 'Échanges',
          debrief: 'Débriefing',
          due: 'À tenir avant',
          done: 'Tenu le',
          what: 'Ce qui s’est passé',
          well: 'Ce qui a bien marché',
          diff: 'À faire autrement',
          strategy: 'Stratégie la prochaine fois',
          escalations: 'Escalades',
          audit: 'Journal d’audit',
          exported: 'Exporté le',
          by: 'par',
          none: '—',
        }
      : {
          title: 'Incident file',
          kind: 'Kind',
          severity: 'Severity',
          status: 'Status',
          created: 'Created',
          client: 'Client',
          summary: 'Summary',
          evidence: 'Evidence (exact quotes)',
          exposed: 'People exposed',
          messages: 'Messages',
          debrief: 'Debrief',
          due: 'Due by',
          done: 'Held on',
          what: 'What happened',
          well: 'What went well',
          diff: 'What to do differently',
          strategy: 'Strategy next time',
          escalations: 'Escalations',
          audit: 'Audit trail',
          exported: 'Exported',
          by: 'by',
          none: '—',
        };
  const i = file.incident as Record<string, unknown> & {
    evidence: Record<string, unknown>[];
    exposed: { name: string; role: string }[];
    debrief: Record<string, unknown> | null;
    escalations: Record<string, unknown>[];
  };
  const row = (k: string, v: unknown) => `<tr><th>${escapeHtml(k)}</th><td>${fmt(v) || L.none}</td></tr>`;
  const d = i.debrief;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(L.title)} ${escapeHtml(i.id)}</title>
<style nonce="${nonce}">
body{font:14px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;color:#111}
h1{font-size:1.4rem}h2{font-size:1.1rem;border-bottom:1px solid #999;margin-top:1.6rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.25rem .5rem;border-bottom:1px solid #ddd}
th{width:14rem;font-weight:600}blockquote{margin:.3rem 0;padding:.3rem .6rem;border-left:3px solid #b00;background:#f7f7f7;white-space:pre-wrap}
.msg{white-space:pre-wrap}.in{color:#600}.mono{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}
@media print{body{margin:0}}
</style></head><body>
<h1>${escapeHtml(L.title)} — ${escapeHtml(file.organisation)}</h1>
<table>
${row(L.kind, i.kind)}${row(L.severity, i.severity)}${row(L.status, i.status)}${row(L.created, i.createdAt)}
${row(L.client, file.client ? `${file.client.name}${file.client.company ? ` (${file.client.company})` : ''}` : '')}${row(L.summary, i.summary)}
${row(L.exposed, i.exposed.map((p) => `${p.name} (${p.role})`).join(', '))}
</table>
<h2>${escapeHtml(L.evidence)}</h2>
${i.evidence.map((e) => `<blockquote>« ${escapeHtml(e.quote)} » <span class="mono">[${escapeHtml(e.start)}, ${escapeHtml(e.end)}) ${escapeHtml(e.signalId)}</span></blockquote>`).join('\n') || `<p>${L.none}</p>`}
<h2>${escapeHtml(L.messages)}</h2>
<table>${file.messages.map((m) => `<tr><th class="${m.direction === 'inbound' ? 'in' : ''}">#${escapeHtml(m.seq)} ${escapeHtml(m.direction)} ${escapeHtml(m.authorName)}<br><span class="mono">${fmt(m.createdAt)}</span></th><td class="msg">${escapeHtml(m.text)}</td></tr>`).join('\n')}</table>
<h2>${escapeHtml(L.debrief)}</h2>
<table>${d ? `${row(L.due, d.dueAt)}${row(L.done, d.completedAt)}${row(L.what, d.whatHappened)}${row(L.well, d.wentWell)}${row(L.diff, d.doDifferently)}${row(L.strategy, d.strategy)}` : row(L.debrief, '')}</table>
<h2>${escapeHtml(L.escalations)}</h2>
<table>${i.escalations.map((e) => row(`${fmt(e.createdAt)} ${e.status}`, `${e.reason}${e.supportNote ? ` — ${e.supportNote}` : ''}`)).join('\n') || row(L.escalations, '')}</table>
<h2>${escapeHtml(L.audit)}</h2>
<table>${file.audit.map((a) => `<tr><th>#${escapeHtml(a.seq)} ${fmt(a.at)} ${escapeHtml(a.action)}</th><td class="mono">${escapeHtml(a.hash)}</td></tr>`).join('\n')}</table>
<p>${escapeHtml(L.exported)} ${fmt(new Date(file.exportedAt))} ${escapeHtml(L.by)} ${escapeHtml(file.exportedBy)}</p>
</body></html>`;
}
