/**
 * The training simulator (route #/training). The simulator itself is built in
 * packages/core/src/training; this page is the place to render it (a colleague may fill it).
 */
import { useT } from '../i18n/index.ts';

export function TrainingPage() {
  const t = useT();
  return (
    <div class="page">
      <header class="page-head">
        <h1>{t('training.title')}</h1>
        <p class="muted">{t('training.soon')}</p>
      </header>
    </div>
  );
}
