/**
 * The method's checklist for the draft: each item ticks as the draft meets it; what the moment
 * asks for is marked "expected now", a move made too early is flagged.
 */
import { useT } from '../i18n/index.ts';
import type { ReviewItem } from '../lib/draft-review.ts';

export function ChecklistView({ items }: { readonly items: readonly ReviewItem[] }) {
  const t = useT();
  return (
    <ul class="checklist" aria-label={t('assist.checklist')} data-testid="checklist">
      {items.map((item) => (
        <li
          key={item.id}
          class={`${item.done ? 'done' : 'todo'}${item.isPremature ? ' premature' : ''}`}
          data-item={item.id}
          data-done={String(item.done)}
          data-required={String(item.isRequired)}
        >
          <span class="check-box" aria-hidden="true">
            {item.done ? '✓' : ''}
          </span>
          <span class="check-label">
            {t(`checklist.${item.id}`)}
            {item.isRequired && !item.done && (
              <span class="chip chip-required">{t('assist.expectedNow')}</span>
            )}
            {item.isPremature && <span class="chip chip-premature">{t('assist.tooEarly')}</span>}
          </span>
          <span class="visually-hidden">{item.done ? t('assist.done') : t('assist.todo')}</span>
        </li>
      ))}
    </ul>
  );
}
