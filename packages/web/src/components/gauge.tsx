/** A labelled 0–100 % gauge (role="meter"), coloured by level with the value also written out. */
interface Props {
  readonly label: string;
  /** In [0, 1]. */
  readonly value: number;
  readonly testId?: string;
  /** A quality (a score) is good when high: its colours run the other way from a risk's. */
  readonly isQuality?: boolean;
}

export function levelOf(value: number): 'low' | 'mid' | 'high' {
  return value >= 0.66 ? 'high' : value >= 0.33 ? 'mid' : 'low';
}

export function Gauge({ label, value, testId, isQuality = false }: Props) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div class="gauge" data-testid={testId}>
      <div class="gauge-head">
        <span>{label}</span>
        <span class="gauge-value">{pct} %</span>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: <meter> cannot be styled the same in every browser; the ARIA meter reads the same */}
      <div
        class={`gauge-track level-${levelOf(isQuality ? 1 - value : value)}`}
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct} %`}
      >
        <div class="gauge-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
