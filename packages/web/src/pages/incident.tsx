/**
 * The incident file: what was said (the evidence, quoted as text), who was exposed, escalations,
 * the debrief and the client's restrictions. Printable (print stylesheet and the server's HTML
 * export), because an incident file may have to be shown to HR or a lawyer.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { IncidentDetail } from '../api/types.ts';
import { DebriefForm } from '../components/debrief-form.tsx';
import { RestrictionForm } from '../components/restriction-form.tsx';
import { currentLang, useT } from '../i18n/index.ts';
import { formatDateTime } from '../lib/dates.ts';
import { reasonText, summaryText } from '../lib/reason.ts';
import { href } from '../lib/router.ts';
import { API, isSupervisor, useUser } from '../session.tsx';

export function IncidentPage({ id }: { readonly id: string }) {
  const t = useT();
  const user = useUser();
  const [incident, setIncident] = useState<IncidentDetail | null>(null);
  const [error, setError] = useState(false);
  const load = () =>
    api
      .get<IncidentDetail>(`${API}/incidents/${id}`)
      .then(setIncident)
      .catch(() => setError(true));
  useEffect(() => void load(), [id]);

  if (error) return <p class="page error">{t('error.notFound')}</p>;
  if (!incident) return <p class="page muted">{t('common.loading')}</p>;
  const supervisor = isSupervisor(user?.role);

  return (
    <div class="page incident-file">
      <header class="page-head row">
        <div>
          <p class="kicker">{t('incident.file')}</p>
          <h1>{t(`signal.${incident.kind}`, { defaultValue: incident.kind })}</h1>
          <p class="muted">
            {formatDateTime(incident.createdAt, currentLang())} ·{' '}
            <span class={`sev sev-${incident.severity}`}>{t(`severity.${incident.severity}`)}</span> ·{' '}
            {t(`incident.status.${incident.status}`)} · {t(`incident.source.${incident.source ?? 'manual'}`)}
          </p>
        </div>
        <div class="no-print head-actions">
          <button type="button" class="btn" onClick={() => window.print()}>
            {t('common.print')}
          </button>
          <a
            class="btn btn-ghost"
            href={`${API}/incidents/${incident.id}/export.html`}
            target="_blank"
            rel="noopener"
          >
            {t('incident.export')}
          </a>
        </div>
      </header>
      <div class="grid-2">
        <section class="card" aria-labelledby="sum-h">
          <h2 id="sum-h">{t('incident.summary')}</h2>
          <p class="pre" data-testid="incident-summary">
            {summaryText(t, incident.summary)}
          </p>
          <h3 class="sub-h">{t('incident.evidence')}</h3>
          {incident.evidence.length === 0 ? (
            <p class="muted">—</p>
          ) : (
            <ul class="plain-list" data-testid="evidence">
              {incident.evidence.map((e, i) => (
                <li key={e.id ?? i}>
                  <q class="evidence">{e.quote}</q>{' '}
                  {e.signalId && (
                    <span class="tag tag-abuse">
                      {t(`signal.${e.signalId}`, { defaultValue: e.signalId })}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          <p class="links no-print">
            {incident.conversationId && (
              <a href={href({ name: 'assist', conversationId: incident.conversationId })}>
                {t('incident.conversation')}
              </a>
            )}
            {incident.clientId && (
              <a href={href({ name: 'client', id: incident.clientId })}>{t('incident.clientFile')}</a>
            )}
          </p>
          <h3 class="sub-h">{t('incident.escalations')}</h3>
          {incident.escalations.length === 0 ? (
            <p class="muted">—</p>
          ) : (
            <ul class="plain-list">
              {incident.escalations.map((e) => (
                <li key={e.id}>
                  {t(`escalation.status.${e.status}`)} — {reasonText(t, e.reason)}
                  {e.supportNote && <p class="pre muted">{e.supportNote}</p>}
                </li>
              ))}
            </ul>
          )}
          {supervisor && incident.status !== 'closed' && (
            <div class="form-buttons no-print">
              {incident.status === 'open' && (
                <button
                  type="button"
                  class="btn btn-small"
                  onClick={() => void api.patch(`${API}/incidents/${id}`, { status: 'in_review' }).then(load)}
                >
                  {t('incident.markInReview')}
                </button>
              )}
              <button
                type="button"
                class="btn btn-small btn-ghost"
                onClick={() => void api.patch(`${API}/incidents/${id}`, { status: 'closed' }).then(load)}
              >
                {t('incident.close')}
              </button>
            </div>
          )}
        </section>
        <section class="card">
          {incident.debrief ? (
            <DebriefForm debrief={incident.debrief} canWrite={supervisor} onSaved={() => void load()} />
          ) : (
            <p class="muted">{t('debrief.none')}</p>
          )}
        </section>
        {supervisor && incident.clientId && (
          <section class="card no-print" aria-labelledby="restr-h">
            <h2 id="restr-h">{t('restriction.title')}</h2>
            <RestrictionForm
              clientId={incident.clientId}
              onCreated={() => (location.hash = href({ name: 'client', id: incident.clientId as string }))}
            />
          </section>
        )}
      </div>
    </div>
  );
}
