/** One debrief on its own page (linked from the overdue list), with a link to its incident. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Debrief } from '../api/types.ts';
import { DebriefForm } from '../components/debrief-form.tsx';
import { useT } from '../i18n/index.ts';
import { href } from '../lib/router.ts';
import { API, isSupervisor, useUser } from '../session.tsx';

export function DebriefPage({ id }: { readonly id: string }) {
  const t = useT();
  const user = useUser();
  const [debrief, setDebrief] = useState<Debrief | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    api
      .get<Debrief>(`${API}/debriefs/${id}`)
      .then(setDebrief)
      .catch(() => setError(true));
  }, [id]);
  if (error) return <p class="page error">{t('error.notFound')}</p>;
  if (!debrief) return <p class="page muted">{t('common.loading')}</p>;
  return (
    <div class="page narrow">
      <p>
        <a href={href({ name: 'incident', id: debrief.incidentId })}>← {t('incident.file')}</a>
      </p>
      <section class="card">
        <DebriefForm debrief={debrief} canWrite={isSupervisor(user?.role)} onSaved={setDebrief} />
      </section>
    </div>
  );
}
