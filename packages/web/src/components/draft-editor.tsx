/**
 * The reply draft with its risks underlined as the agent types. A transparent textarea sits on a
 * mirror that repeats the text (as text nodes) with the risky spans underlined; both scroll
 * together. The textarea stays a plain, accessible form control.
 */
import type { Finding } from '@sangfroid/core';
import { useMemo, useRef } from 'preact/hooks';
import { familyOf, segmentText } from '../lib/segments.ts';

interface Props {
  readonly id: string;
  readonly value: string;
  readonly findings: readonly Finding[];
  readonly onInput: (value: string) => void;
  readonly describedBy?: string;
  readonly placeholder?: string;
}

export function DraftEditor({ id, value, findings, onInput, describedBy, placeholder }: Props) {
  const mirror = useRef<HTMLDivElement>(null);
  const shown = useMemo(
    () => findings.filter((f) => f.id.startsWith('risk.') || f.id.startsWith('reply.')),
    [findings],
  );
  const segments = useMemo(() => segmentText(value, shown), [value, shown]);
  return (
    <div class="draft-editor">
      <div class="draft-mirror" ref={mirror} aria-hidden="true">
        {segments.map((seg) => {
          const risk = seg.findings.find((f) => f.id.startsWith('risk.'));
          const quality = seg.findings.find((f) => f.id.startsWith('reply.'));
          if (risk)
            return (
              <span key={seg.start} class="ul-risk" data-signal={risk.id}>
                {seg.text}
              </span>
            );
          if (quality)
            return (
              <span key={seg.start} class={`ul-${familyOf(quality.id)}`}>
                {seg.text}
              </span>
            );
          return seg.text;
        })}
        {'\u200b'}
      </div>
      <textarea
        id={id}
        class="draft-input"
        value={value}
        spellcheck={true}
        placeholder={placeholder}
        aria-describedby={describedBy}
        onInput={(e) => onInput(e.currentTarget.value)}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}
