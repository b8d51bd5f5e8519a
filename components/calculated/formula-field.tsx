"use client";

import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { FormulaError } from "@/lib/formulas/ast";

/** Where the error is, in words a user reads: « ligne 2, caractère 5 » or « caractère 12 ». */
function positionLabel(text: string, start: number) {
  const before = text.slice(0, start);
  const line = before.split("\n").length;
  const column = start - (before.lastIndexOf("\n") + 1) + 1;
  return line > 1 ? `ligne ${line}, caractère ${column}` : `caractère ${column}`;
}

/** The line holding the error, with the faulty part underlined (a caret when the span is empty, at the end). */
function ErrorExcerpt({ text, error }: { text: string; error: FormulaError }) {
  const start = Math.min(error.start, text.length);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", start);
  const lineEnd = newline < 0 ? text.length : newline;
  const end = Math.max(start, Math.min(error.end, lineEnd));
  return (
    <pre aria-hidden="true" className="overflow-x-auto rounded-md bg-destructive/5 px-3 py-2 font-mono text-xs whitespace-pre">
      {text.slice(lineStart, start)}
      <mark className="bg-destructive/15 text-destructive underline decoration-destructive decoration-wavy underline-offset-4">
        {text.slice(start, end) || "\u2038"}
      </mark>
      {text.slice(end, lineEnd)}
    </pre>
  );
}

type Props = {
  id: string;
  value: string;
  error: FormulaError | null;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLTextAreaElement | null>;
};

/** The formula in monospace; a French error below it pointing at its position, and a way to select the faulty part. */
export function FormulaField({ id, value, error, onChange, inputRef }: Props) {
  const errorId = `${id}-error`;
  const select = () => {
    const input = inputRef.current;
    if (!input || !error) return;
    input.focus();
    input.setSelectionRange(Math.min(error.start, value.length), Math.min(Math.max(error.end, error.start), value.length));
  };
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>Formule</Label>
      <Textarea
        ref={inputRef}
        id={id}
        name="formula"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        className="font-mono"
        placeholder="MOYENNE(échu; 90 j) / MOYENNE(encours; 90 j)"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <div id={errorId} className="space-y-1">
          <p className="text-xs text-destructive">
            {error.message} <span className="text-muted-foreground">({positionLabel(value, Math.min(error.start, value.length))})</span>{" "}
            <Button type="button" variant="link" size="sm" className="h-auto p-0 text-xs" onClick={select}>
              Sélectionner dans la formule
            </Button>
          </p>
          <ErrorExcerpt text={value} error={error} />
        </div>
      )}
    </div>
  );
}
