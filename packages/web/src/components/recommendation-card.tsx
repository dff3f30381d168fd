/** The recommended next action and why (from the protocol engine, when it has spoken). */
import { useT } from '../i18n/index.ts';

interface Props {
  readonly action: string;
  /** The engine's own explanation; falls back to the method's reason for that action. */
  readonly why?: string | undefined;
  /** What to avoid right now. */
  readonly avoid?: readonly string[];
}

export function RecommendationCard({ action, why, avoid = [] }: Props) {
  const t = useT();
  return (
    <div
      class={`recommendation rec-${action}`}
      role="status"
      aria-live="polite"
      data-testid="recommendation"
      data-action={action}
    >
      <span class="rec-kicker">{t('assist.recommended')}</span>
      <strong class="rec-action">{t(`action.${action}.label`, { defaultValue: action })}</strong>
      <p class="rec-why">{why ?? t(`action.${action}.why`, { defaultValue: '' })}</p>
      {avoid.length > 0 && (
        <p class="rec-avoid">
          <span class="rec-avoid-label">{t('assist.avoid')}</span> {avoid.join(' · ')}
        </p>
      )}
    </div>
  );
}
