/**
 * The supervisor's inbox: escalations and incidents arrive live (SSE, no reload); the supervisor
 * acknowledges, takes the conversation over, writes the support note; overdue debriefs and
 * commitments are listed so nothing promised is forgotten.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { type LiveEvent, useLiveEvents } from '../api/events.ts';
import type { CheckIn, Commitment, Debrief, Escalation, Incident, Page } from '../api/types.ts';
import { currentLang, useT } from '../i18n/index.ts';
import { formatDateTime } from '../lib/dates.ts';
import { reasonText, summaryText } from '../lib/reason.ts';
import { href } from '../lib/router.ts';
import { upsertById } from '../lib/upsert.ts';
import { API } from '../session.tsx';

export function InboxPage() {
  const t = useT();
  const [escalations, setEscalations] = useState<Escalation[]>([]);
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [debriefs, setDebriefs] = useState<readonly Debrief[]>([]);
  const [commitments, setCommitments] = useState<readonly Commitment[]>([]);
  const [checkins, setCheckins] = useState<readonly CheckIn[]>([]);
  const [alert, setAlert] = useState<string | null>(null);

  const load = () => {
    void api
      .get<Page<Escalation>>(`${API}/escalations`, { limit: 100 })
      .then((p) => setEscalations(p.items.filter((e) => e.status !== 'resolved')));
    void api
      .get<Page<Incident>>(`${API}/incidents`, { status: 'open', limit: 100 })
      .then((p) => setIncidents([...p.items]));
    void api
      .get<Page<Debrief>>(`${API}/debriefs`, { overdue: 'true', limit: 100 })
      .then((p) => setDebriefs(p.items));
    void api
      .get<Page<Commitment>>(`${API}/commitments`, { overdue: 'true', limit: 100 })
      .then((p) => setCommitments(p.items));
    void api
      .get<Page<CheckIn>>(`${API}/wellbeing`, { limit: 20 })
      .then((p) => setCheckins(p.items))
      .catch(() => undefined);
  };

  useEffect(load, []);

  const { connected } = useLiveEvents(
    `${API}/events`,
    (e: LiveEvent) => {
      if (e.name === 'escalation.created' || e.name === 'escalation.updated') {
        const esc = e.data as unknown as Escalation;
        setEscalations((l) =>
          esc.status === 'resolved' ? l.filter((x) => x.id !== esc.id) : upsertById(l, esc),
        );
        if (e.name === 'escalation.created')
          setAlert(t('inbox.newEscalation', { reason: reasonText(t, esc.reason) }));
      } else if (e.name === 'incident.created') {
        const inc = e.data as unknown as Incident;
        setIncidents((l) => upsertById(l, { ...inc, status: inc.status ?? 'open' }));
        setAlert(t('inbox.newIncident', { kind: t(`signal.${inc.kind}`, { defaultValue: inc.kind }) }));
      }
    },
    load,
  );

  const act = async (esc: Escalation, verb: 'acknowledge' | 'take-over') => {
    const updated = await api.post<Escalation>(`${API}/escalations/${esc.id}/${verb}`, {});
    setEscalations((l) => upsertById(l, updated));
    if (verb === 'take-over' && updated.conversationId)
      location.hash = href({ name: 'assist', conversationId: updated.conversationId });
  };

  return (
    <div class="page">
      <header class="page-head row">
        <div>
          <h1>{t('inbox.title')}</h1>
          <p class="muted">{t('inbox.subtitle')}</p>
        </div>
        <span class={`live-dot ${connected ? 'on' : 'off'}`} role="status" data-testid="live-status">
          {connected ? t('inbox.live') : t('inbox.connecting')}
        </span>
      </header>
      <div class="live-alert" role="alert" aria-live="assertive" data-testid="live-alert">
        {alert && (
          <p class="notice notice-warn">
            {alert}{' '}
            <button type="button" class="btn btn-small btn-ghost" onClick={() => setAlert(null)}>
              {t('common.dismiss')}
            </button>
          </p>
        )}
      </div>
      <div class="grid-2">
        <section class="card" aria-labelledby="esc-h">
          <h2 id="esc-h">
            {t('inbox.escalations')} <span class="count">{escalations.length}</span>
          </h2>
          {escalations.length === 0 ? (
            <p class="muted">{t('inbox.noEscalation')}</p>
          ) : (
            <ul class="item-list" data-testid="escalations">
              {escalations.map((esc) => (
                <EscalationItem
                  key={esc.id}
                  esc={esc}
                  onAct={act}
                  onSaved={(u) =>
                    setEscalations((l) =>
                      u.status === 'resolved' ? l.filter((x) => x.id !== u.id) : upsertById(l, u),
                    )
                  }
                />
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="inc-h">
          <h2 id="inc-h">
            {t('inbox.incidents')} <span class="count">{incidents.length}</span>
          </h2>
          {incidents.length === 0 ? (
            <p class="muted">{t('inbox.noIncident')}</p>
          ) : (
            <ul class="item-list" data-testid="incidents">
              {incidents.map((inc) => (
                <li key={inc.id} class={`item sev-border-${inc.severity}`}>
                  <div class="item-head">
                    <a href={href({ name: 'incident', id: inc.id })}>
                      {t(`signal.${inc.kind}`, { defaultValue: inc.kind })}
                    </a>
                    <span class={`sev sev-${inc.severity}`}>{t(`severity.${inc.severity}`)}</span>
                  </div>
                  <p class="item-text">{summaryText(t, inc.summary)}</p>
                  <p class="muted small">{formatDateTime(inc.createdAt, currentLang())}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="deb-h">
          <h2 id="deb-h">
            {t('inbox.overdueDebriefs')} <span class="count">{debriefs.length}</span>
          </h2>
          {debriefs.length === 0 ? (
            <p class="muted">{t('inbox.nothingOverdue')}</p>
          ) : (
            <ul class="item-list" data-testid="overdue-debriefs">
              {debriefs.map((d) => (
                <li key={d.id} class="item">
                  <a href={href({ name: 'debrief', id: d.id })}>{t('inbox.debriefOf')}</a>{' '}
                  <span class="overdue">
                    {t('debrief.overdueSince', { date: formatDateTime(d.dueAt, currentLang()) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="com-h">
          <h2 id="com-h">
            {t('inbox.overdueCommitments')} <span class="count">{commitments.length}</span>
          </h2>
          {commitments.length === 0 ? (
            <p class="muted">{t('inbox.nothingOverdue')}</p>
          ) : (
            <ul class="item-list" data-testid="overdue-commitments">
              {commitments.map((c) => (
                <CommitmentItem
                  key={c.id}
                  c={c}
                  onDone={() => setCommitments((l) => l.filter((x) => x.id !== c.id))}
                />
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="wb-h">
          <h2 id="wb-h">
            {t('wellbeing.title')} <span class="count">{checkins.filter((c) => c.wantsToTalk).length}</span>
          </h2>
          {checkins.length === 0 ? (
            <p class="muted">{t('wellbeing.none')}</p>
          ) : (
            <ul class="item-list" data-testid="checkins">
              {checkins.map((c) => (
                <li key={c.id} class={`item${c.wantsToTalk ? ' wants-talk' : ''}`}>
                  <div class="item-head">
                    <span>
                      {t('wellbeing.moodLabel')} <strong>{t(`wellbeing.mood.${c.mood}`)}</strong>
                    </span>
                    <span class="muted small">{formatDateTime(c.createdAt, currentLang())}</span>
                  </div>
                  {c.wantsToTalk && <span class="chip chip-required">{t('wellbeing.wantsTalkBadge')}</span>}
                  {c.note && <p class="item-text">{c.note}</p>}
                  {c.incidentId && (
                    <a href={href({ name: 'incident', id: c.incidentId })}>{t('inbox.openIncident')}</a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function EscalationItem({
  esc,
  onAct,
  onSaved,
}: {
  readonly esc: Escalation;
  readonly onAct: (e: Escalation, verb: 'acknowledge' | 'take-over') => Promise<void>;
  readonly onSaved: (e: Escalation) => void;
}) {
  const t = useT();
  const [note, setNote] = useState(esc.supportNote ?? '');
  const [open, setOpen] = useState(false);
  const noteId = `note-${esc.id}`;
  return (
    <li class={`item esc-${esc.status}`} data-testid="escalation">
      <div class="item-head">
        <strong>{t(`escalation.status.${esc.status}`)}</strong>
        <span class="muted small">{formatDateTime(esc.createdAt, currentLang())}</span>
      </div>
      <p class="item-text">{reasonText(t, esc.reason)}</p>
      <div class="item-actions">
        {esc.status === 'raised' && (
          <button type="button" class="btn btn-small" onClick={() => void onAct(esc, 'acknowledge')}>
            {t('inbox.acknowledge')}
          </button>
        )}
        {esc.conversationId && esc.status !== 'taken_over' && (
          <button
            type="button"
            class="btn btn-small btn-primary"
            onClick={() => void onAct(esc, 'take-over')}
          >
            {t('inbox.takeOver')}
          </button>
        )}
        {esc.conversationId && esc.status === 'taken_over' && (
          <a class="btn btn-small" href={href({ name: 'assist', conversationId: esc.conversationId })}>
            {t('inbox.openConversation')}
          </a>
        )}
        {esc.incidentId && (
          <a class="btn btn-small btn-ghost" href={href({ name: 'incident', id: esc.incidentId })}>
            {t('inbox.openIncident')}
          </a>
        )}
        <button
          type="button"
          class="btn btn-small btn-ghost"
          aria-expanded={open}
          aria-controls={noteId}
          onClick={() => setOpen(!open)}
        >
          {t('inbox.supportNote')}
        </button>
      </div>
      {open && (
        <form
          id={noteId}
          class="inline-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
            const resolve = submitter?.value === 'resolve';
            const updated = resolve
              ? await api.post<Escalation>(`${API}/escalations/${esc.id}/resolve`, { supportNote: note })
              : await api.patch<Escalation>(`${API}/escalations/${esc.id}`, { supportNote: note });
            onSaved(updated);
            setOpen(false);
          }}
        >
          <label class="field">
            <span>{t('inbox.supportNoteLabel')}</span>
            <span class="hint">{t('inbox.supportNoteHint')}</span>
            <textarea
              rows={3}
              required
              maxLength={5000}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <div class="form-buttons">
            <button class="btn btn-small" type="submit" value="save">
              {t('common.save')}
            </button>
            <button class="btn btn-small btn-primary" type="submit" value="resolve">
              {t('inbox.resolve')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

function CommitmentItem({ c, onDone }: { readonly c: Commitment; readonly onDone: () => void }) {
  const t = useT();
  const mark = async (status: 'kept' | 'broken') => {
    await api.patch(`${API}/commitments/${c.id}`, { status }).catch(() => undefined);
    onDone();
  };
  return (
    <li class="item">
      <p class="item-text">
        <strong>{c.what}</strong> — {c.toWhom}
      </p>
      <p class="overdue small">
        {t('commitment.dueSince', { date: formatDateTime(c.dueAt, currentLang()) })}
      </p>
      <div class="item-actions">
        <button type="button" class="btn btn-small" onClick={() => void mark('kept')}>
          {t('commitment.kept')}
        </button>
        <button type="button" class="btn btn-small btn-ghost" onClick={() => void mark('broken')}>
          {t('commitment.broken')}
        </button>
      </div>
    </li>
  );
}
