"use client";

import { useImperativeHandle, useRef } from "react";
import { flushSync } from "react-dom";
import { Textarea } from "@/components/ui/textarea";
import { formatInteger } from "@/lib/format/fr";
import { type SmsSegments, smsSegments } from "@/lib/templates/sms-segments";
import type { TextInsertion } from "./template-rich-text";

/** « 148 caractères · 1 SMS (GSM-7) » */
export function smsCountText({ length, segments, encoding }: SmsSegments): string {
  return `${formatInteger(length)} caractère${length > 1 ? "s" : ""} · ${formatInteger(segments)} SMS (${encoding})`;
}

/** Plain-text body of an SMS template, with what it costs as typed. */
export function TemplateSmsBody({
  id,
  value,
  invalid,
  describedBy,
  onChange,
  onFocus,
  ref,
}: {
  id: string;
  value: string;
  invalid?: boolean;
  describedBy?: string;
  onChange: (value: string) => void;
  onFocus?: () => void;
  ref?: React.Ref<TextInsertion>;
}) {
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(
    ref,
    () => ({
      insert: (text) => {
        const el = area.current;
        if (!el) return;
        const start = el.selectionStart ?? value.length;
        const end = el.selectionEnd ?? start;
        flushSync(() => onChange(value.slice(0, start) + text + value.slice(end)));
        el.focus();
        el.setSelectionRange(start + text.length, start + text.length);
      },
    }),
    [value, onChange],
  );
  const count = smsSegments(value);

  return (
    <div className="space-y-1.5">
      <Textarea
        ref={area}
        id={id}
        rows={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
        aria-invalid={invalid || undefined}
        aria-describedby={[`${id}-counter`, describedBy].filter(Boolean).join(" ")}
        className="font-mono text-sm"
      />
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <p id={`${id}-counter`} aria-live="polite" className="tabular font-medium text-foreground">
          {smsCountText(count)}
        </p>
        <p>Les champs sont remplacés par leur valeur à l&apos;envoi, souvent plus longue : l&apos;aperçu donne la longueur réelle.</p>
      </div>
      {count.encoding === "UCS-2" && (
        <p className="text-xs text-warning-foreground">
          Un caractère hors de l&apos;alphabet GSM (ç, ê, â, œ, « », …) fait passer le message en UCS-2 : 70 caractères par SMS au lieu de 160.
        </p>
      )}
    </div>
  );
}
