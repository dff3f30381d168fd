/**
 * Clients: a searchable list, and the client file — history of conversations, risk profile,
 * restrictions and incidents — so that whoever answers next knows what happened before.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Client, ClientDetail, Conversation, Incident, Page } from '../api/types.ts';
import { RestrictionForm, RestrictionList } from '../components/restriction-form.tsx';
import { currentLang, useT } from '../i18n/index.ts';
import { formatDateTime } from '../lib/dates.ts';
import { href } from '../lib/router.ts';
import { API, isSupervisor, useUser } from '../session.tsx';

export function ClientsPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const [clients, setClients] = useState<readonly Client[] | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      api
        .get<Page<Client>>(`${API}/clients`, { q, limit: 100 })
        .then((p) => setClients(p.items))
        .catch(() => setClients([]));
    }, 250);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <div class="page">
      <header class="page-head">
        <h1>{t('clients.title')}</h1>
      </header>
      <div class="card">
        <label class="field">
          <span>{t('clients.search')}</span>
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </label>
        {clients === null ? (
          <p class="muted">{t('common.loading')}</p>
        ) : clients.length === 0 ? (
          <p class="muted">{t('clients.none')}</p>
        ) : (
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('clients.name')}</th>
                <th scope="col">{t('clients.company')}</th>
                <th scope="col">{t('clients.since')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={href({ name: 'client', id: c.id })}>{c.name}</a>
                  </td>
                  <td>{c.company ?? '—'}</td>
                  <td>{formatDateTime(c.createdAt, currentLang())}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

/** The server's risk profile (domain/risk.ts): level, score, recent trend and incidents by kind. */
function RiskProfile({ risk }: { readonly risk: ClientDetail['risk'] }) {
  const t = useT();
  if (!risk) return <p class="muted">—</p>;
  const level = typeof risk.level === 'string' ? risk.level : 'none';
  const facts: Array<[string, string]> = [];
  for (const k of ['score', 'incidents', 'last30Days', 'previous30Days'] as const) {
    if (typeof risk[k] === 'number') facts.push([k, String(risk[k])]);
  }
  if (typeof risk.trend === 'string')
    facts.push(['trend', t(`risk.trend.${risk.trend}`, { defaultValue: risk.trend })]);
  if (typeof risk.lastIncidentAt === 'string')
    facts.push(['lastIncidentAt', formatDateTime(risk.lastIncidentAt, currentLang())]);
  const byKind =
    risk.byKind && typeof risk.byKind === 'object'
      ? Object.entries(risk.byKind as Record<string, number>)
      : [];
  return (
    <div data-testid="risk-profile" data-level={level}>
      <p class={`risk-level risk-${level}`}>{t(`risk.${level}`, { defaultValue: level })}</p>
      <dl class="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{t(`risk.field.${k}`, { defaultValue: k })}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {byKind.length > 0 && (
        <p class="tags">
          {byKind.map(([kind, n]) => (
            <span key={kind} class="tag tag-abuse">
              {t(`signal.${kind}`, { defaultValue: kind })} × {n}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

export function ClientPage({ id }: { readonly id: string }) {
  const t = useT();
  const user = useUser();
  const [client, setClient] = useState<ClientDetail | null>(null);
  const [conversations, setConversations] = useState<readonly Conversation[]>([]);
  const [incidents, setIncidents] = useState<readonly Incident[]>([]);
  const [error, setError] = useState(false);
  const load = () => {
    api
      .get<ClientDetail>(`${API}/clients/${id}`)
      .then(setClient)
      .catch(() => setError(true));
    void api
      .get<Page<Conversation>>(`${API}/conversations`, { clientId: id, limit: 100 })
      .then((p) => setConversations(p.items))
      .catch(() => undefined);
    void api
      .get<Page<Incident>>(`${API}/incidents`, { clientId: id, limit: 100 })
      .then((p) => setIncidents(p.items))
      .catch(() => undefined);
  };
  useEffect(load, [id]);
  if (error) return <p class="page error">{t('error.notFound')}</p>;
  if (!client) return <p class="page muted">{t('common.loading')}</p>;
  const supervisor = isSupervisor(user?.role);
  return (
    <div class="page">
      <header class="page-head">
        <p class="kicker">{t('clients.file')}</p>
        <h1>{client.name}</h1>
        <p class="muted">{[client.company, client.email, client.phone].filter(Boolean).join(' · ')}</p>
      </header>
      <div class="grid-2">
        <section class="card" aria-labelledby="risk-h">
          <h2 id="risk-h">{t('clients.risk')}</h2>
          <RiskProfile risk={client.risk} />
          {client.notes && <p class="pre">{client.notes}</p>}
        </section>
        <section class="card" aria-labelledby="restr-h">
          <h2 id="restr-h">{t('restriction.title')}</h2>
          <RestrictionList items={client.restrictions} canLift={supervisor} onChange={load} />
          {supervisor && <RestrictionForm clientId={client.id} onCreated={load} />}
        </section>
        <section class="card" aria-labelledby="inc-h">
          <h2 id="inc-h">{t('inbox.incidents')}</h2>
          {incidents.length === 0 ? (
            <p class="muted">{t('inbox.noIncident')}</p>
          ) : (
            <ul class="plain-list">
              {incidents.map((i) => (
                <li key={i.id}>
                  <a href={href({ name: 'incident', id: i.id })}>
                    {t(`signal.${i.kind}`, { defaultValue: i.kind })}
                  </a>{' '}
                  <span class={`sev sev-${i.severity}`}>{t(`severity.${i.severity}`)}</span>{' '}
                  <span class="muted small">{formatDateTime(i.createdAt, currentLang())}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="hist-h">
          <h2 id="hist-h">{t('clients.history')}</h2>
          {conversations.length === 0 ? (
            <p class="muted">—</p>
          ) : (
            <ul class="plain-list">
              {conversations.map((c) => (
                <li key={c.id}>
                  <a href={href({ name: 'assist', conversationId: c.id })}>
                    {c.subject ?? t(`channel.${c.channel}`)}
                  </a>{' '}
                  <span class="muted small">
                    {formatDateTime(c.createdAt, currentLang())} · {t(`conversation.status.${c.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
