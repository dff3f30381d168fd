/**
 * A message with its findings highlighted inline. Client text is untrusted: every piece is a
 * Preact text child (a DOM text node), never HTML. Each highlight is focusable and described by
 * one shared tooltip (signal, what was found, why, the part of the method), so it works with the
 * mouse, the keyboard and a screen reader alike.
 */
import type { Finding } from '@sangfroid/core';
import { useMemo, useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/index.ts';
import { dominantFinding, familyOf, segmentText } from '../lib/segments.ts';

interface Props {
  readonly text: string;
  readonly findings: readonly Finding[];
  /** Unique per page: used for the tooltip id. */
  readonly id: string;
  readonly label: string;
}

interface Tip {
  readonly findings: readonly Finding[];
  readonly left: number;
  readonly top: number;
}

export function HighlightedText({ text, findings, id, label }: Props) {
  const t = useT();
  const segments = useMemo(() => segmentText(text, findings), [text, findings]);
  const [tip, setTip] = useState<Tip | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const tipId = `${id}-tip`;

  const show = (segFindings: readonly Finding[], el: HTMLElement) => {
    const host = box.current?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    if (!host) return;
    // keep the tooltip (max 380px wide) inside the message box
    const left = Math.max(0, Math.min(r.left - host.left, host.width - 380));
    setTip({ findings: segFindings, left, top: r.bottom - host.top + 6 });
  };

  return (
    <div class="hl-box" ref={box}>
      {/* biome-ignore lint/a11y/useSemanticElements: a labelled group of inline highlights, not a form fieldset */}
      <div class="hl-text" role="group" aria-label={label} data-testid={`${id}-text`}>
        {segments.map((seg) => {
          const main = dominantFinding(seg.findings);
          if (!main) return seg.text;
          const family = familyOf(main.id);
          return (
            <mark
              key={seg.start}
              class={`hl hl-${family} hl-sev-${main.severity}`}
              data-signal={seg.findings.map((f) => f.id).join(' ')}
              // biome-ignore lint/a11y/noNoninteractiveTabindex: each highlight must be reachable by keyboard to show its explanation
              tabIndex={0}
              aria-describedby={tip?.findings === seg.findings ? tipId : undefined}
              onMouseEnter={(e) => show(seg.findings, e.currentTarget)}
              onFocus={(e) => show(seg.findings, e.currentTarget)}
              onMouseLeave={() => setTip(null)}
              onBlur={() => setTip(null)}
              onKeyDown={(e) => e.key === 'Escape' && setTip(null)}
            >
              {seg.text}
            </mark>
          );
        })}
      </div>
      {tip && (
        <div class="tooltip" role="tooltip" id={tipId} style={{ left: `${tip.left}px`, top: `${tip.top}px` }}>
          {tip.findings.map((f) => (
            <div class="tip-item" key={`${f.id}-${f.start}`}>
              <strong class={`tag tag-${familyOf(f.id)}`}>{t(`signal.${f.id}`)}</strong>
              <p>{f.message}</p>
              {f.note && <p class="tip-note">{f.note}</p>}
              <p class="tip-method">
                <span class="tip-method-label">{t('assist.methodPart')}</span> {t(`method.${familyOf(f.id)}`)}
              </p>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
