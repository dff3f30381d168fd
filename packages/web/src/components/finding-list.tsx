/** Findings as a list: the accessible, printable companion of the inline highlights. */
import type { Finding } from '@sangfroid/core';
import { useT } from '../i18n/index.ts';
import { familyOf } from '../lib/segments.ts';

export function FindingList({
  findings,
  testId,
}: {
  readonly findings: readonly Finding[];
  readonly testId?: string;
}) {
  const t = useT();
  if (findings.length === 0)
    return (
      <p class="muted" data-testid={testId}>
        {t('assist.noFinding')}
      </p>
    );
  return (
    <ul class="finding-list" data-testid={testId}>
      {findings.map((f) => (
        <li key={`${f.id}-${f.start}-${f.end}`} data-signal={f.id}>
          <span class={`tag tag-${familyOf(f.id)}`}>{t(`signal.${f.id}`)}</span>
          <span>
            <q class="evidence">{f.evidence}</q> <span class="finding-message">{f.message}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
