/** The method's checklist for the draft: each item ticks as the draft meets it. */
import { useT } from '../i18n/index.ts';
import type { ChecklistItem } from '../lib/checklist.ts';

export function ChecklistView({ items }: { readonly items: readonly ChecklistItem[] }) {
  const t = useT();
  return (
    <ul class="checklist" aria-label={t('assist.checklist')} data-testid="checklist">
      {items.map((item) => (
        <li
          key={item.id}
          class={item.done ? 'done' : 'todo'}
          data-item={item.id}
          data-done={String(item.done)}
        >
          <span class="check-box" aria-hidden="true">
            {item.done ? '✓' : ''}
          </span>
          <span>{t(`checklist.${item.id}`)}</span>
          <span class="visually-hidden">{item.done ? t('assist.done') : t('assist.todo')}</span>
        </li>
      ))}
    </ul>
  );
}
