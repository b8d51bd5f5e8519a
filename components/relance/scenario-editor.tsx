"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { saveScenarioAction } from "@/app/(app)/relance/(configuration)/scenarios/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ScenarioWithSteps } from "@/db/queries/scenarios";
import { MAX_STEPS } from "@/lib/scenarios/steps";
import { ScenarioStepFields, type StepRow, type TemplateChoice } from "./scenario-step-fields";
import { ScenarioTimeline } from "./scenario-timeline";
import { SaveCancel } from "@/components/forms/save-cancel";

const amount = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const toRow = (step: ScenarioWithSteps["steps"][number], key: number): StepRow => ({
  key,
  id: step.id,
  label: step.label,
  offsetDays: String(step.offsetDays),
  actionType: step.actionType,
  templateId: step.templateId ?? "",
  mode: step.mode,
  minAmount: amount.format(step.minAmount as Intl.StringNumericLiteral),
  recipientRole: step.recipientRole,
});

/** A new step lands ten days after the last one. */
function newRow(key: number, last: StepRow | undefined): StepRow {
  const lastOffset = Number(last?.offsetDays);
  const offset = last && Number.isInteger(lastOffset) ? Math.min(lastOffset + 10, 365) : 0;
  return { key, label: "", offsetDays: String(offset), actionType: "email", templateId: "", mode: "automatic", minAmount: "0,00", recipientRole: "facturation" };
}

/** Name, description and ordered steps of a scenario, drawn live on a timeline around the due date. */
export function ScenarioEditor({ scenario, templates }: { scenario?: ScenarioWithSteps; templates: TemplateChoice[] }) {
  const router = useRouter();
  const next = useRef(scenario?.steps.length ?? 1);
  const [name, setName] = useState(scenario?.name ?? "");
  const [description, setDescription] = useState(scenario?.description ?? "");
  const [rows, setRows] = useState<StepRow[]>(() => (scenario ? scenario.steps.map(toRow) : [newRow(0, undefined)]));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const addButton = useRef<HTMLButtonElement>(null);

  // Step errors are keyed by position: once steps move, the old ones would point at the wrong step.
  const dropStepErrors = () => setErrors((all) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith("steps."))));
  const update = (index: number, key: number, change: Partial<StepRow>) => {
    const stale = new Set(Object.keys(change).map((field) => `steps.${index}.${field}`));
    const left = Object.fromEntries(Object.entries(errors).filter(([k]) => !stale.has(k)));
    setErrors(left);
    if (Object.keys(left).length === 0) setMessage(null);
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };
  const move = (index: number, direction: -1 | 1) => {
    dropStepErrors();
    setRows((all) => {
      const copy = [...all];
      [copy[index], copy[index + direction]] = [copy[index + direction], copy[index]];
      return copy;
    });
  };
  const remove = (key: number) => {
    dropStepErrors();
    setRows((all) => all.filter((r) => r.key !== key));
    // The focused button disappears with its step: keep keyboard users in the list.
    addButton.current?.focus();
  };
  const add = () => setRows((all) => [...all, newRow(next.current++, all[all.length - 1])]);

  const save = () =>
    startTransition(async () => {
      const result = await saveScenarioAction(null, {
        id: scenario?.id,
        name,
        description,
        steps: rows,
      });
      if (result.ok) return router.push("/relance/scenarios");
      setErrors(result.fieldErrors ?? {});
      setMessage(result.error);
    });

  const timeline = rows
    .filter((r) => r.offsetDays.trim() !== "" && Number.isInteger(Number(r.offsetDays)))
    .map((r) => ({ key: r.key, label: r.label, offsetDays: Number(r.offsetDays), actionType: r.actionType, mode: r.mode }));
  const errorOf = (key: string) => errors[key]?.[0];

  return (
    <form
      className="space-y-6"
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
      <div className="grid gap-4 rounded-lg border bg-card p-4 md:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div className="space-y-1.5">
          <Label htmlFor="scenario-name">Nom du scénario</Label>
          <Input id="scenario-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} aria-invalid={errorOf("name") ? true : undefined} aria-describedby={errorOf("name") ? "scenario-name-error" : undefined} />
          {errorOf("name") && <p id="scenario-name-error" className="text-xs text-destructive">{errorOf("name")}</p>}
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="scenario-description">Description</Label>
          <Textarea id="scenario-description" rows={1} className="min-h-9" placeholder="Pour quels clients, dans quel esprit…" value={description} onChange={(e) => setDescription(e.target.value)} />
          {errorOf("description") && <p className="text-xs text-destructive">{errorOf("description")}</p>}
        </div>
      </div>

      <section aria-labelledby="scenario-timeline-title" className="rounded-lg border bg-card p-4">
        <h2 id="scenario-timeline-title" className="mb-2 text-sm font-medium">
          Frise des relances autour de l&apos;échéance
        </h2>
        {timeline.length ? <ScenarioTimeline steps={timeline} /> : <p className="py-8 text-center text-sm text-muted-foreground">Ajoutez une étape pour la voir sur la frise.</p>}
      </section>

      <section aria-labelledby="scenario-steps-title" className="space-y-3">
        <div className="flex items-baseline justify-between gap-4">
          <h2 id="scenario-steps-title" className="text-lg font-semibold">Étapes</h2>
          <p className="text-xs text-muted-foreground">Décalage en jours par rapport à l&apos;échéance de la facture : négatif avant, positif après.</p>
        </div>
        {errorOf("steps") && <p className="text-sm text-destructive">{errorOf("steps")}</p>}
        <ol className="space-y-3">
          {rows.map((row, i) => (
            <ScenarioStepFields
              key={row.key}
              row={row}
              index={i}
              count={rows.length}
              templates={templates}
              errors={errors}
              onChange={(change) => update(i, row.key, change)}
              onMove={(direction) => move(i, direction)}
              onRemove={() => remove(row.key)}
            />
          ))}
        </ol>
        <Button ref={addButton} type="button" variant="outline" size="sm" onClick={add} disabled={rows.length >= MAX_STEPS}>
          <Plus aria-hidden="true" /> Ajouter une étape
        </Button>
      </section>

      <SaveCancel cancelHref="/relance/scenarios" pending={pending} className="border-t pt-4" />
    </form>
  );
}
