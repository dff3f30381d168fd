/** Restrictions on a client (written contact only, two staff present…), with a review date. */
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Restriction, RestrictionKind } from '../api/types.ts';
import { useT } from '../i18n/index.ts';
import { dateInDays } from '../lib/dates.ts';
import { API } from '../session.tsx';

const KINDS: readonly RestrictionKind[] = [
  'written_contact_only',
  'two_staff_present',
  'service_suspended',
  'other',
];

export function RestrictionList({
  items,
  canLift,
  onChange,
}: {
  readonly items: readonly Restriction[];
  readonly canLift: boolean;
  readonly onChange: () => void;
}) {
  const t = useT();
  if (items.length === 0) return <p class="muted">{t('restriction.none')}</p>;
  return (
    <ul class="plain-list" data-testid="restrictions">
      {items.map((r) => (
        <li key={r.id} class={r.liftedAt ? 'lifted' : 'active'}>
          <strong>{t(`restriction.kind.${r.kind}`)}</strong> — <span>{r.reason}</span>{' '}
          <span class="muted">
            {r.liftedAt ? t('restriction.lifted') : t('restriction.reviewOn', { date: r.reviewOn })}
          </span>
          {canLift && !r.liftedAt && <LiftForm id={r.id} onLifted={onChange} />}
        </li>
      ))}
    </ul>
  );
}

/** Lifting a restriction asks why, inline (the reason goes to the audit trail). */
function LiftForm({ id, onLifted }: { readonly id: string; readonly onLifted: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState(false);
  if (!open) {
    return (
      <button type="button" class="btn btn-small btn-ghost" onClick={() => setOpen(true)}>
        {t('restriction.lift')}
      </button>
    );
  }
  return (
    <form
      class="lift-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api.post(`${API}/restrictions/${id}/lift`, { reason });
          setOpen(false);
          onLifted();
        } catch {
          setError(true);
        }
      }}
    >
      <label class="field">
        <span>{t('restriction.liftReason')}</span>
        <input
          type="text"
          required
          maxLength={5000}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {t('error.generic')}
        </p>
      )}
      <div class="form-buttons">
        <button type="submit" class="btn btn-small btn-primary">
          {t('restriction.lift')}
        </button>
        <button type="button" class="btn btn-small btn-ghost" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function RestrictionForm({
  clientId,
  onCreated,
}: {
  readonly clientId: string;
  readonly onCreated: () => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<RestrictionKind>('written_contact_only');
  const [reason, setReason] = useState('');
  const [reviewOn, setReviewOn] = useState(() => dateInDays(new Date(), 90));
  const [error, setError] = useState(false);
  return (
    <form
      class="inline-form"
      aria-label={t('restriction.add')}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api.post(`${API}/clients/${clientId}/restrictions`, { kind, reason, reviewOn });
          setReason('');
          setError(false);
          onCreated();
        } catch {
          setError(true);
        }
      }}
    >
      <div class="field-row">
        <label class="field">
          <span>{t('restriction.kindLabel')}</span>
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value as RestrictionKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`restriction.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('restriction.reviewLabel')}</span>
          <input type="date" required value={reviewOn} onInput={(e) => setReviewOn(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        <span>{t('restriction.reason')}</span>
        <input
          type="text"
          required
          maxLength={5000}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      {error && (
        <p class="error" role="alert">
          {t('error.generic')}
        </p>
      )}
      <button class="btn btn-primary" type="submit">
        {t('restriction.add')}
      </button>
    </form>
  );
}
