/**
 * A short check-in after a hard exchange: how the agent feels (1–5), whether they would like to
 * talk about it. The method asks the supervisor to back the person, not only the case.
 */
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { useT } from '../i18n/index.ts';
import { API } from '../session.tsx';

const MOODS = [1, 2, 3, 4, 5] as const;

export function WellbeingCheckin({
  incidentId,
  onDone,
}: {
  readonly incidentId?: string;
  readonly onDone: () => void;
}) {
  const t = useT();
  const [mood, setMood] = useState<number | null>(null);
  const [wantsToTalk, setWantsToTalk] = useState(false);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<'idle' | 'sent' | 'error'>('idle');
  if (status === 'sent') {
    return (
      <p class="notice notice-ok" role="status">
        {wantsToTalk ? t('wellbeing.thanksTalk') : t('wellbeing.thanks')}
      </p>
    );
  }
  return (
    <form
      class="checkin"
      data-testid="wellbeing"
      onSubmit={async (e) => {
        e.preventDefault();
        if (mood === null) return;
        try {
          await api.post(`${API}/wellbeing`, {
            mood,
            wantsToTalk,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(incidentId ? { incidentId } : {}),
          });
          setStatus('sent');
        } catch {
          setStatus('error');
        }
      }}
    >
      <fieldset>
        <legend>{t('wellbeing.question')}</legend>
        <div class="moods">
          {MOODS.map((m) => (
            <label key={m} class={`mood${mood === m ? ' selected' : ''}`}>
              <input type="radio" name="mood" value={m} checked={mood === m} onChange={() => setMood(m)} />
              <span>{t(`wellbeing.mood.${m}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label class="check-inline">
        <input
          type="checkbox"
          checked={wantsToTalk}
          onChange={(e) => setWantsToTalk(e.currentTarget.checked)}
        />
        <span>{t('wellbeing.wantsToTalk')}</span>
      </label>
      <label class="field">
        <span>{t('wellbeing.note')}</span>
        <input type="text" maxLength={5000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {status === 'error' && (
        <p class="error" role="alert">
          {t('error.generic')}
        </p>
      )}
      <div class="form-buttons">
        <button type="submit" class="btn btn-primary btn-small" disabled={mood === null}>
          {t('wellbeing.send')}
        </button>
        <button type="button" class="btn btn-ghost btn-small" onClick={onDone}>
          {t('wellbeing.later')}
        </button>
      </div>
    </form>
  );
}
