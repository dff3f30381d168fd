/**
 * Live assist for the agent: the client's message with its findings highlighted, the anger and
 * anxiety gauges, the recommended action, and a reply draft checked live against the method
 * (risks underlined with rewrites, the checklist ticking, the score). The core runs right here in
 * the browser. When a conversation is open, the one-click actions record it on the server.
 */
import type { Analysis, Turn } from '@sangfroid/core';
import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { ChecklistView } from '../components/checklist-view.tsx';
import { DraftEditor } from '../components/draft-editor.tsx';
import { FindingList } from '../components/finding-list.tsx';
import { Gauge } from '../components/gauge.tsx';
import { HighlightedText } from '../components/highlighted-text.tsx';
import { RecommendationCard } from '../components/recommendation-card.tsx';
import { useT } from '../i18n/index.ts';
import { applySuggestion } from '../lib/checklist.ts';
import { type DraftReview, type ReviewRisk, reviewDraft } from '../lib/draft-review.ts';
import { analyzeClient, analyzeDraft, draftFor, type NextAction, nextAction } from '../lib/engine.ts';

export interface AssistState {
  readonly clientText: string;
  readonly draft: string;
  readonly client: Analysis;
  readonly reply: Analysis;
  readonly review: DraftReview;
  /** The protocol's next action for the conversation so far plus this message. */
  readonly next: NextAction | null;
  /** A reply drafted by the protocol for this moment, for the agent to start from. */
  readonly proposal: string | null;
  readonly setDraft: (text: string) => void;
  readonly setClientText: (text: string) => void;
}

const NO_TURNS: readonly Turn[] = [];

/** The live state of the screen: both texts and their analyses, recomputed on every keystroke. */
export function useAssistState(history: readonly Turn[] = NO_TURNS, channel?: string): AssistState {
  const [clientText, setClientText] = useState('');
  const [draft, setDraft] = useState('');
  const client = useMemo(() => analyzeClient(clientText), [clientText]);
  const hasClient = clientText.trim().length > 0;
  const reply = useMemo(
    () => analyzeDraft(draft, hasClient ? client.lang : undefined),
    [draft, client, hasClient],
  );
  const review = useMemo(
    () => reviewDraft(draft, history, clientText, client, reply),
    [draft, history, clientText, client, reply],
  );
  const next = useMemo(() => nextAction(history, clientText), [history, clientText]);
  const proposal = useMemo(() => draftFor(history, clientText, channel), [history, clientText, channel]);
  return { clientText, draft, client, reply, review, next, proposal, setDraft, setClientText };
}

export interface AssistViewProps {
  readonly state: AssistState;
  /** The conversation so far, when one is open. */
  readonly history?: ComponentChildren;
  /** Above the message: client and channel of the conversation. */
  readonly context?: ComponentChildren;
  /** Under the draft: the one-click actions (when the server is reachable). */
  readonly actions?: ComponentChildren;
  readonly clientReadOnly?: boolean;
  /** Ctrl+Enter (⌘+Enter) in either text box: record the turn. */
  readonly onRecord?: () => void;
}

/** Local mode: the in-browser engine only, nothing recorded. */
export function AssistPage() {
  const state = useAssistState();
  return <AssistView state={state} />;
}

export function AssistView({ state, history, context, actions, clientReadOnly, onRecord }: AssistViewProps) {
  const t = useT();
  const { clientText, draft, client, reply, review, proposal, setDraft, setClientText } = state;
  const hasMessage = clientText.trim().length > 0;

  return (
    <div class="page assist">
      <header class="page-head">
        <h1>{t('assist.title')}</h1>
        <p class="muted">{t('assist.subtitle')}</p>
      </header>
      {context}
      {history}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a keyboard shortcut caught from the two text boxes inside */}
      <div
        class="assist-grid"
        onKeyDown={(e) => {
          if (onRecord && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onRecord();
          }
        }}
      >
        <section class="card" aria-labelledby="client-h">
          <h2 id="client-h">{t('assist.clientMessage')}</h2>
          <label class="field-label" for="client-input">
            {t('assist.pasteLabel')}
          </label>
          <textarea
            id="client-input"
            class="client-input"
            rows={4}
            value={clientText}
            readOnly={clientReadOnly}
            placeholder={t('assist.pastePlaceholder')}
            onInput={(e) => setClientText(e.currentTarget.value)}
          />
          {hasMessage && (
            <>
              <h3 class="sub-h">{t('assist.readAs')}</h3>
              <HighlightedText
                id="client"
                text={clientText}
                findings={client.findings}
                label={t('assist.clientMessage')}
              />
              <div class="gauges">
                <Gauge label={t('assist.anger')} value={client.scores.anger} testId="gauge-anger" />
                <Gauge label={t('assist.anxiety')} value={client.scores.anxiety} testId="gauge-anxiety" />
                <Gauge
                  label={t('assist.escalationRisk')}
                  value={client.scores.escalationRisk}
                  testId="gauge-risk"
                />
              </div>
              {state.next && (
                <RecommendationCard
                  action={state.next.action}
                  why={state.next.why}
                  avoid={state.next.avoid}
                />
              )}
              <h3 class="sub-h">{t('assist.findings', { count: client.findings.length })}</h3>
              <FindingList findings={client.findings} testId="client-findings" />
            </>
          )}
        </section>

        <section class="card" aria-labelledby="draft-h">
          <h2 id="draft-h">{t('assist.yourReply')}</h2>
          <label class="field-label" for="draft-input">
            {t('assist.draftLabel')}
          </label>
          {proposal && !draft.trim() && (
            <div class="proposal" data-testid="proposal">
              <p class="proposal-head">
                <strong>{t('assist.proposedDraft')}</strong>
                <button type="button" class="btn btn-small" onClick={() => setDraft(proposal)}>
                  {t('assist.useDraft')}
                </button>
              </p>
              <p class="pre proposal-text">{proposal}</p>
            </div>
          )}
          <DraftEditor
            id="draft-input"
            value={draft}
            findings={reply.findings}
            onInput={setDraft}
            describedBy="draft-score"
            placeholder={t('assist.draftPlaceholder')}
          />
          <div class="score-row" id="draft-score" aria-live="polite">
            <span class={`score-badge level-${scoreLevel(review.score)}`} data-testid="draft-score">
              {review.score ?? '—'}
            </span>
            <span>{t('assist.scoreLabel')}</span>
          </div>
          <ChecklistView items={review.items} />
          <RiskList
            risks={review.risks}
            onApply={(r, rewrite) => setDraft(applySuggestion(draft, r, rewrite))}
          />
          {actions}
        </section>
      </div>
    </div>
  );
}

function scoreLevel(score: number | null): 'none' | 'good' | 'fair' | 'poor' {
  if (score === null) return 'none';
  return score >= 70 ? 'good' : score >= 40 ? 'fair' : 'poor';
}

function RiskList({
  risks,
  onApply,
}: {
  readonly risks: readonly ReviewRisk[];
  readonly onApply: (r: ReviewRisk, rewrite: string) => void;
}) {
  const t = useT();
  if (risks.length === 0) return null;
  return (
    <section class="risks" aria-label={t('assist.risks')} data-testid="draft-risks">
      <h3 class="sub-h">{t('assist.risks')}</h3>
      <ul class="risk-items">
        {risks.map((r) => (
          <li key={`${r.id}-${r.start}`} class="risk" data-signal={r.id}>
            <div>
              <span class="tag tag-risk">{t(`signal.${r.id}`)}</span> <q class="evidence">{r.evidence}</q>
            </div>
            <p>{r.message}</p>
            {r.advice.slice(0, 1).map((advice) => (
              <p class="advice" key={advice}>
                {advice}
              </p>
            ))}
            {r.rewrite && (
              <div class="suggestion">
                <span class="suggestion-text">{r.rewrite}</span>
                <button type="button" class="btn btn-small" onClick={() => onApply(r, r.rewrite as string)}>
                  {t('assist.applySuggestion')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
