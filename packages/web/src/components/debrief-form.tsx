/**
 * The debrief after an incident: what happened, what went well, what to change, the strategy
 * next time. The supervisor writes it within hours or days, with the agent, to back them and learn.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Debrief } from '../api/types.ts';
import { currentLang, useT } from '../i18n/index.ts';
import { formatDateTime, fromLocalInput, toLocalInput } from '../lib/dates.ts';
import { API } from '../session.tsx';

const FIELDS = ['whatHappened', 'wentWell', 'doDifferently', 'strategy'] as const;

export function DebriefForm({
  debrief,
  canWrite,
  onSaved,
}: {
  readonly debrief: Debrief;
  readonly canWrite: boolean;
  readonly onSaved?: (d: Debrief) => void;
}) {
  const t = useT();
  const [values, setValues] = useState(
    () =>
      Object.fromEntries(FIELDS.map((f) => [f, debrief[f] ?? ''])) as Record<(typeof FIELDS)[number], string>,
  );
  const [scheduled, setScheduled] = useState(() =>
    debrief.scheduledAt ? toLocalInput(new Date(debrief.scheduledAt)) : '',
  );
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const done = debrief.completedAt !== null;

  const save = async (complete: boolean) => {
    setStatus('saving');
    try {
      const updated = await api.patch<Debrief>(`${API}/debriefs/${debrief.id}`, {
        ...values,
        scheduledAt: scheduled ? fromLocalInput(scheduled) : null,
        ...(complete ? { complete: true } : {}),
      });
      setStatus('saved');
      onSaved?.(updated);
    } catch {
      setStatus('error');
    }
  };

  return (
    <form
      class="debrief-form"
      aria-labelledby={`debrief-${debrief.id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
    >
      <h2 id={`debrief-${debrief.id}-h`}>{t('debrief.title')}</h2>
      <p class={debrief.isOverdue && !done ? 'overdue' : 'muted'} data-testid="debrief-status">
        {done
          ? t('debrief.completedAt', { date: formatDateTime(debrief.completedAt, currentLang()) })
          : t(debrief.isOverdue ? 'debrief.overdueSince' : 'debrief.dueAt', {
              date: formatDateTime(debrief.dueAt, currentLang()),
            })}
      </p>
      {!done && (
        <label class="field">
          <span>{t('debrief.scheduledAt')}</span>
          <span class="hint">{t('debrief.scheduledAtHint')}</span>
          <input
            type="datetime-local"
            name="scheduledAt"
            readOnly={!canWrite}
            value={scheduled}
            onInput={(e) => setScheduled(e.currentTarget.value)}
          />
        </label>
      )}
      {FIELDS.map((f) => (
        <label class="field" key={f}>
          <span>{t(`debrief.${f}`)}</span>
          <span class="hint">{t(`debrief.${f}Hint`)}</span>
          <textarea
            name={f}
            rows={3}
            maxLength={5000}
            readOnly={!canWrite}
            value={values[f]}
            onInput={(e) => setValues({ ...values, [f]: e.currentTarget.value })}
          />
        </label>
      ))}
      {canWrite && (
        <div class="form-buttons">
          <button type="button" class="btn" disabled={status === 'saving'} onClick={() => void save(false)}>
            {t('common.saveDraft')}
          </button>
          <button type="submit" class="btn btn-primary" disabled={status === 'saving'}>
            {done ? t('common.save') : t('debrief.complete')}
          </button>
        </div>
      )}
      <p aria-live="polite" class={status === 'error' ? 'error' : 'muted'}>
        {status === 'saved' ? t('common.saved') : status === 'error' ? t('error.generic') : ''}
      </p>
    </form>
  );
}
