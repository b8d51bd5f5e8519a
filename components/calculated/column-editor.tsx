"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { saveCalculatedColumnAction } from "@/app/(app)/parametrage/colonnes/actions";
import { selectClassName } from "@/components/forms/field";
import { SaveCancel } from "@/components/forms/save-cancel";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { type CalculatedColumnType, calculatedColumnTypes } from "@/db/schema/calculated";
import type { FormulaError } from "@/lib/formulas/ast";
import { calculatedTypeLabels } from "@/lib/formulas/display";
import { FormulaField } from "./formula-field";
import { FormulaPreview, useFormulaPreview } from "./formula-preview";
import { FormulaReference } from "./formula-reference";

export type EditedColumn = { id: string; name: string; type: CalculatedColumnType; formula: string; description: string };

/** A `formulaAt` field error (« 12-18 ») back to the span it names. */
function spanOf(fieldErrors: Record<string, string[]>): FormulaError | null {
  const [message] = fieldErrors.formula ?? [];
  const [start, end] = (fieldErrors.formulaAt?.[0] ?? "").split("-").map(Number);
  return message ? { message, start: start || 0, end: end || 0 } : null;
}

/** Name, type, formula and description of a calculated column, with the live preview and the reference beside. */
export function ColumnEditor({ column, otherColumns, customFields }: { column?: EditedColumn; otherColumns: string[]; customFields: string[] }) {
  const router = useRouter();
  const [name, setName] = useState(column?.name ?? "");
  const [type, setType] = useState<CalculatedColumnType>(column?.type ?? "amount");
  const [formula, setFormula] = useState(column?.formula ?? "");
  const [description, setDescription] = useState(column?.description ?? "");
  const [formulaError, setFormulaError] = useState<FormulaError | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const formulaRef = useRef<HTMLTextAreaElement>(null);
  const preview = useFormulaPreview({ id: column?.id, name, type, formula }, setFormulaError);

  const insert = (text: string) => {
    const input = formulaRef.current;
    const start = input?.selectionStart ?? formula.length;
    const end = input?.selectionEnd ?? start;
    flushSync(() => setFormula(formula.slice(0, start) + text + formula.slice(end)));
    input?.focus();
    input?.setSelectionRange(start + text.length, start + text.length);
  };

  const save = () =>
    startTransition(async () => {
      const result = await saveCalculatedColumnAction(null, { id: column?.id, name, type, formula, description });
      if (result.ok) return router.push("/parametrage/colonnes");
      setErrors(result.fieldErrors ?? {});
      setMessage(result.error);
      if (result.fieldErrors?.formula) setFormulaError(spanOf(result.fieldErrors));
    });

  const fieldError = (key: string) =>
    errors[key] ? (
      <p id={`column-${key}-error`} className="text-xs text-destructive">
        {errors[key][0]}
      </p>
    ) : null;
  const describedBy = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `column-${key}-error` } : {});

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-6">
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          {message && (
            <Alert variant="destructive" role="alert">
              <AlertDescription>{message}</AlertDescription>
            </Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
            <div className="space-y-1.5">
              <Label htmlFor="column-name">Nom</Label>
              <Input id="column-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} required {...describedBy("name")} />
              {fieldError("name")}
            </div>
            <div className="space-y-1.5">
              <Label htmlFor="column-type">Type</Label>
              <select id="column-type" value={type} onChange={(e) => setType(e.target.value as CalculatedColumnType)} className={selectClassName}>
                {calculatedColumnTypes.map((t) => (
                  <option key={t} value={t}>
                    {calculatedTypeLabels[t]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FormulaField id="column-formula" value={formula} error={formulaError} onChange={setFormula} inputRef={formulaRef} />
          <div className="space-y-1.5">
            <Label htmlFor="column-description">Description</Label>
            <Textarea id="column-description" value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={500} {...describedBy("description")} />
            {fieldError("description")}
          </div>
          <SaveCancel cancelHref="/parametrage/colonnes" pending={pending} />
        </form>
        <FormulaPreview type={type} {...preview} />
      </div>
      <FormulaReference columns={otherColumns} customFields={customFields} onInsert={insert} />
    </div>
  );
}
