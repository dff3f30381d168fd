/**
 * Live assist tied to the server: a conversation (new, or one that arrived by webhook) whose
 * turns are recorded, with one-click actions — record the turn, set a boundary, escalate, ask for
 * a pause, log a commitment. The analysis stays in the browser; the server stores the turns and
 * opens the incident itself when a client turn is abusive.
 */

import type { Turn } from '@sangfroid/core';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type {
  Client,
  Commitment,
  Conversation,
  ConversationDetail,
  Escalation,
  Incident,
  Page,
  PostMessageResult,
} from '../api/types.ts';
import { HighlightedText } from '../components/highlighted-text.tsx';
import { WellbeingCheckin } from '../components/wellbeing-checkin.tsx';
import { currentLang, i18n, useT } from '../i18n/index.ts';
import { defaultDueAt, formatDateTime, fromLocalInput, toLocalInput } from '../lib/dates.ts';
import { draftFor } from '../lib/engine.ts';
import { href } from '../lib/router.ts';
import { API } from '../session.tsx';
import { AssistView, useAssistState } from './assist.tsx';

const CHANNELS = ['email', 'chat', 'phone', 'sms', 'in_person', 'social'] as const;

type Notice = { readonly kind: 'ok' | 'warn' | 'error'; readonly text: string; readonly link?: string };

export function LiveAssistPage({ conversationId }: { readonly conversationId?: string }) {
  const t = useT();
  const [conversation, setConversation] = useState<ConversationDetail | null>(null);
  /** The id of the inbound message shown in the client box when it is already stored. */
  const [storedInboundId, setStoredInboundId] = useState<string | null>(null);
  const turns = useMemo<readonly Turn[]>(
    () =>
      (conversation?.messages ?? [])
        .filter((m) => m.id !== storedInboundId)
        .map((m) => ({ role: m.direction === 'inbound' ? 'client' : 'agent', text: m.text })),
    [conversation, storedInboundId],
  );
  const [clients, setClients] = useState<readonly Client[]>([]);
  const [clientId, setClientId] = useState('');
  const [newClientName, setNewClientName] = useState('');
  const [channel, setChannel] = useState<string>('email');
  const state = useAssistState(turns, channel);
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<'none' | 'escalate' | 'commitment' | 'callback'>('none');
  const [openConversations, setOpenConversations] = useState<readonly Conversation[]>([]);
  /** After an abusive turn: the incident the well-being check-in is about. */
  const [checkinFor, setCheckinFor] = useState<string | null>(null);

  const notify = (n: Notice) => setNotices((list) => [n, ...list].slice(0, 4));

  useEffect(() => {
    if (conversationId) return;
    void api
      .get<Page<Conversation>>(`${API}/conversations`, { status: 'open', limit: 20 })
      .then((p) => setOpenConversations(p.items))
      .catch(() => undefined);
  }, [conversationId]);

  useEffect(() => {
    void api
      .get<Page<Client>>(`${API}/clients`, { limit: 100 })
      .then((p) => setClients(p.items))
      .catch(() => undefined);
  }, []);

  const loadConversation = async (id: string) => {
    const c = await api.get<ConversationDetail>(`${API}/conversations/${id}`);
    setConversation(c);
    setChannel(c.channel);
    setClientId(c.clientId ?? '');
    const last = c.messages[c.messages.length - 1];
    if (last && last.direction === 'inbound') {
      state.setClientText(last.text);
      setStoredInboundId(last.id);
    }
    return c;
  };

  useEffect(() => {
    if (conversation?.id !== conversationId) setNotices([]);
    if (!conversationId) {
      if (conversation) {
        // "new conversation": start from a clean screen
        state.setClientText('');
        state.setDraft('');
        setClientId('');
        setNewClientName('');
        setPanel('none');
      }
      setConversation(null);
      setStoredInboundId(null);
      return;
    }
    if (conversation?.id === conversationId) return; // just created here: already on screen
    loadConversation(conversationId).catch(() =>
      notify({ kind: 'error', text: t('error.loadConversation') }),
    );
  }, [conversationId]);

  /** The conversation to act on, created (with its client) on first use. */
  const ensureConversation = async (): Promise<ConversationDetail> => {
    if (conversation) return conversation;
    let cid = clientId;
    if (!cid && newClientName.trim()) {
      const created = await api.post<Client>(`${API}/clients`, { name: newClientName.trim() });
      setClients((l) => [created, ...l]);
      setClientId(created.id);
      cid = created.id;
    }
    const conv = await api.post<Conversation>(`${API}/conversations`, {
      channel,
      ...(cid ? { clientId: cid } : {}),
    });
    const detail: ConversationDetail = { ...conv, messages: [] };
    setConversation(detail);
    // The address now names the conversation (bookmarkable), without reloading what is on screen.
    history.replaceState(null, '', href({ name: 'assist', conversationId: conv.id }));
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    return detail;
  };

  /** Stores the client's message if it is new; returns the incident the server opened, if any. */
  const recordInbound = async (conv: ConversationDetail): Promise<Incident | null> => {
    if (!state.clientText.trim() || storedInboundId) return null;
    const r = await api.post<PostMessageResult>(`${API}/conversations/${conv.id}/messages`, {
      direction: 'inbound',
      text: state.clientText,
      channel,
    });
    setStoredInboundId(r.message.id);
    if (r.incident) {
      notify({
        kind: 'warn',
        text: t('assist.incidentCreated'),
        link: href({ name: 'incident', id: r.incident.id }),
      });
      setCheckinFor(r.incident.id);
    }
    return r.incident;
  };

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } catch {
      notify({ kind: 'error', text: t('error.generic') });
    } finally {
      setBusy(false);
    }
  };

  const recordTurn = () =>
    run(async () => {
      const conv = await ensureConversation();
      await recordInbound(conv);
      if (state.draft.trim()) {
        await api.post<PostMessageResult>(`${API}/conversations/${conv.id}/messages`, {
          direction: 'outbound',
          text: state.draft,
          channel,
        });
      }
      await loadConversation(conv.id);
      state.setClientText('');
      state.setDraft('');
      setStoredInboundId(null);
      notify({ kind: 'ok', text: t('assist.turnRecorded') });
    });

  const lang = state.clientText.trim() ? state.client.lang : i18n.language === 'en' ? 'en' : 'fr';
  /** One click: an empty draft gets the protocol's reply for that move; a started one, a sentence first. */
  const insertTemplate = (key: 'boundary' | 'pause') => {
    const action = key === 'boundary' ? 'set_boundary' : 'pause_and_call_back';
    const drafted = state.draft.trim() ? null : draftFor(turns, state.clientText, channel, action);
    const sentence = i18n.t(`templates.${key}`, { lng: lang });
    state.setDraft(drafted ?? (state.draft.trim() ? `${sentence}\n\n${state.draft}` : sentence));
    document.getElementById('draft-input')?.focus();
  };

  const actions = (
    <div class="action-zone">
      <div class="action-bar" role="toolbar" aria-label={t('assist.actions')}>
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy || (!state.clientText.trim() && !state.draft.trim())}
          onClick={recordTurn}
        >
          {t('assist.recordTurn')}
        </button>
        <button type="button" class="btn" onClick={() => insertTemplate('boundary')}>
          {t('assist.setBoundary')}
        </button>
        <button
          type="button"
          class="btn btn-danger"
          aria-expanded={panel === 'escalate'}
          onClick={() => setPanel(panel === 'escalate' ? 'none' : 'escalate')}
        >
          {t('assist.escalate')}
        </button>
        <button
          type="button"
          class="btn"
          onClick={() => {
            insertTemplate('pause');
            setPanel('callback');
          }}
        >
          {t('assist.pause')}
        </button>
        <button
          type="button"
          class="btn"
          aria-expanded={panel === 'commitment'}
          onClick={() => setPanel(panel === 'commitment' ? 'none' : 'commitment')}
        >
          {t('assist.commitment')}
        </button>
      </div>
      <p class="hint shortcut-hint">{t('assist.shortcut')}</p>
      {panel === 'escalate' && (
        <EscalateForm
          busy={busy}
          onCancel={() => setPanel('none')}
          onSubmit={(reason) =>
            run(async () => {
              const conv = await ensureConversation();
              const incident = await recordInbound(conv);
              await api.post<Escalation>(`${API}/escalations`, {
                reason,
                conversationId: conv.id,
                ...(incident ? { incidentId: incident.id } : {}),
              });
              setPanel('none');
              notify({ kind: 'ok', text: t('assist.escalated') });
            })
          }
        />
      )}
      {(panel === 'commitment' || panel === 'callback') && (
        <CommitmentForm
          key={panel}
          busy={busy}
          {...(panel === 'callback'
            ? { preset: { what: t('assist.callBack'), dueAt: new Date(Date.now() + 30 * 60_000) } }
            : {})}
          defaultWhom={clients.find((c) => c.id === clientId)?.name ?? newClientName}
          onCancel={() => setPanel('none')}
          onSubmit={(c) =>
            run(async () => {
              const conv = await ensureConversation();
              await api.post<Commitment>(`${API}/commitments`, {
                ...c,
                conversationId: conv.id,
                ...(conv.clientId ? { clientId: conv.clientId } : {}),
              });
              setPanel('none');
              notify({ kind: 'ok', text: t('assist.commitmentLogged') });
            })
          }
        />
      )}
      {checkinFor && (
        <WellbeingCheckin key={checkinFor} incidentId={checkinFor} onDone={() => setCheckinFor(null)} />
      )}
      <div class="notices" aria-live="polite">
        {notices.map((n, i) => (
          <p key={i} class={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : undefined}>
            {n.text} {n.link && <a href={n.link}>{t('common.open')}</a>}
          </p>
        ))}
      </div>
    </div>
  );

  const context = (
    <div class="card context-bar">
      {conversation ? (
        <p class="context-line">
          <strong>{t('assist.conversation')}</strong> · {t(`channel.${conversation.channel}`)}
          {conversation.clientId && (
            <>
              {' · '}
              <a href={href({ name: 'client', id: conversation.clientId })}>
                {clients.find((c) => c.id === conversation.clientId)?.name ?? t('assist.clientFile')}
              </a>
            </>
          )}
          {' · '}
          {conversation.status === 'open' && (
            <>
              <button
                type="button"
                class="btn btn-small btn-ghost"
                onClick={() =>
                  run(async () => {
                    await api.patch(`${API}/conversations/${conversation.id}`, { status: 'closed' });
                    location.hash = href({ name: 'assist' });
                  })
                }
              >
                {t('assist.closeConversation')}
              </button>
              {' · '}
            </>
          )}
          <a href={href({ name: 'assist' })}>{t('assist.newConversation')}</a>
        </p>
      ) : (
        <div class="context-fields">
          <label class="field inline">
            <span>{t('assist.client')}</span>
            <select value={clientId} onChange={(e) => setClientId(e.currentTarget.value)}>
              <option value="">{t('assist.newOrUnknownClient')}</option>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.company ? ` (${c.company})` : ''}
                </option>
              ))}
            </select>
          </label>
          {!clientId && (
            <label class="field inline">
              <span>{t('assist.clientName')}</span>
              <input
                type="text"
                value={newClientName}
                maxLength={200}
                onInput={(e) => setNewClientName(e.currentTarget.value)}
              />
            </label>
          )}
          <label class="field inline">
            <span>{t('assist.channel')}</span>
            <select value={channel} onChange={(e) => setChannel(e.currentTarget.value)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );

  const historyView =
    conversation && conversation.messages.length > 0 ? (
      <History conversation={conversation} hideId={storedInboundId} />
    ) : !conversation && openConversations.length > 0 ? (
      <OpenConversations items={openConversations} clients={clients} />
    ) : null;

  return (
    <AssistView
      state={state}
      context={context}
      history={historyView}
      actions={actions}
      clientReadOnly={storedInboundId !== null}
      onRecord={() => {
        if (!busy && (state.clientText.trim() || state.draft.trim())) void recordTurn();
      }}
    />
  );
}

/** Conversations still open (some arrived by webhook): one click resumes them here. */
function OpenConversations({
  items,
  clients,
}: {
  readonly items: readonly Conversation[];
  readonly clients: readonly Client[];
}) {
  const t = useT();
  return (
    <details class="card open-conversations" open={items.length <= 5}>
      <summary>
        <strong>{t('assist.openConversations', { count: items.length })}</strong>
      </summary>
      <ul class="plain-list open-list" data-testid="open-conversations">
        {items.map((c) => (
          <li key={c.id}>
            <a href={href({ name: 'assist', conversationId: c.id })}>
              {c.subject ?? clients.find((x) => x.id === c.clientId)?.name ?? t('assist.unnamedConversation')}
            </a>{' '}
            <span class="muted small">
              {t(`channel.${c.channel}`)} · {formatDateTime(c.updatedAt ?? c.createdAt, currentLang())}
              {c.messageCount !== undefined ? ` · ${t('assist.messages', { count: c.messageCount })}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

function History({
  conversation,
  hideId,
}: {
  readonly conversation: ConversationDetail;
  readonly hideId: string | null;
}) {
  const t = useT();
  const end = useRef<HTMLOListElement>(null);
  const messages = conversation.messages.filter((m) => m.id !== hideId);
  if (messages.length === 0) return null;
  return (
    <section class="card history" aria-labelledby="history-h">
      <h2 id="history-h">{t('assist.history', { count: messages.length })}</h2>
      <ol class="turns" ref={end}>
        {messages.map((m) => (
          <li key={m.id} class={`turn turn-${m.direction}`} data-testid="turn">
            <span class="turn-who">
              {m.direction === 'inbound' ? t('assist.fromClient') : t('assist.fromAgent')}
            </span>
            <HighlightedText
              id={`m-${m.id}`}
              text={m.text}
              findings={m.analysis?.findings ?? []}
              label={t('assist.turn')}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

function EscalateForm(props: {
  readonly busy: boolean;
  readonly onSubmit: (reason: string) => void;
  readonly onCancel: () => void;
}) {
  const t = useT();
  const [reason, setReason] = useState(t('assist.escalateDefault'));
  return (
    <form
      class="inline-form"
      aria-label={t('assist.escalate')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(reason);
      }}
    >
      <label class="field">
        <span>{t('assist.escalateReason')}</span>
        <textarea
          rows={2}
          required
          maxLength={5000}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      <div class="form-buttons">
        <button class="btn btn-danger" type="submit" disabled={props.busy}>
          {t('assist.sendEscalation')}
        </button>
        <button class="btn btn-ghost" type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CommitmentForm(props: {
  readonly busy: boolean;
  readonly defaultWhom: string;
  /** Prefilled commitment (asking for a pause means promising to call back). */
  readonly preset?: { readonly what: string; readonly dueAt: Date };
  readonly onSubmit: (c: { what: string; toWhom: string; dueAt: string }) => void;
  readonly onCancel: () => void;
}) {
  const t = useT();
  const [what, setWhat] = useState(props.preset?.what ?? '');
  const [toWhom, setToWhom] = useState(props.defaultWhom || t('assist.theClient'));
  const [due, setDue] = useState(() => toLocalInput(props.preset?.dueAt ?? defaultDueAt(new Date())));
  const children: ComponentChildren = (
    <>
      <label class="field">
        <span>{t('assist.commitmentWhat')}</span>
        <input
          type="text"
          required
          maxLength={5000}
          value={what}
          onInput={(e) => setWhat(e.currentTarget.value)}
        />
      </label>
      <div class="field-row">
        <label class="field">
          <span>{t('assist.commitmentWhom')}</span>
          <input
            type="text"
            required
            maxLength={200}
            value={toWhom}
            onInput={(e) => setToWhom(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('assist.commitmentDue')}</span>
          <input type="datetime-local" required value={due} onInput={(e) => setDue(e.currentTarget.value)} />
        </label>
      </div>
    </>
  );
  return (
    <form
      class="inline-form"
      aria-label={t('assist.commitment')}
      onSubmit={(e) => {
        e.preventDefault();
        const dueAt = fromLocalInput(due);
        if (dueAt) props.onSubmit({ what, toWhom, dueAt });
      }}
    >
      {children}
      <div class="form-buttons">
        <button class="btn btn-primary" type="submit" disabled={props.busy}>
          {t('assist.logCommitment')}
        </button>
        <button class="btn btn-ghost" type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
