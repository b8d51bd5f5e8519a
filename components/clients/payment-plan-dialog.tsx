"use client";

import { CalendarRange } from "lucide-react";
import { useMemo, useState, useTransition } from "react";
import { createPaymentPlanAction } from "@/app/(app)/clients/[id]/payment-plan-actions";
import { selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { addDays } from "@/lib/dates";
import { MAX_INSTALMENTS, type Period, parseFrenchMoney, periodLabels, periods, proposeInstalments, totalMismatch } from "@/lib/collection/payment-plan-input";
import { formatDate, formatMoney } from "@/lib/format/fr";
import { newRequestId } from "@/lib/request-id";
import { fromCents, sumCents, toCents } from "@/lib/templates/decimal";

export type PlannableDocument = { id: number; number: string; dueDate: string; openAmount: string };
type Line = { dueDate: string; amount: string };

/** "1234.50" as typed in France: "1234,50". */
const typed = (amount: string) => amount.replace(".", ",");

/**
 * « Proposer un échéancier »: the pièces to cover, a proposal of equal instalments, each line editable, and the
 * live total against the covered amount. Opened from the fiche, or already open when the agenda sends here.
 */
export function PaymentPlanDialog({
  clientId,
  documents,
  today,
  actionId = null,
  defaultOpen = false,
}: {
  clientId: string;
  documents: PlannableDocument[];
  today: string;
  actionId?: string | null;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const [requestId, setRequestId] = useState(newRequestId);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (next) setRequestId(newRequestId());
          setOpen(next);
        }}
      >
        <DialogTrigger asChild>
          <Button variant="outline" size="sm">
            <CalendarRange aria-hidden="true" /> Proposer un échéancier
          </Button>
        </DialogTrigger>
        <DialogContent className="max-w-2xl">
          <DialogHeader>
            <DialogTitle>Proposer un échéancier</DialogTitle>
            <DialogDescription>Les pièces couvertes ne sont plus relancées tant que les échéances sont payées.</DialogDescription>
          </DialogHeader>
          {open && (
            <PlanForm
              key={requestId}
              {...{ clientId, documents, today, actionId, requestId }}
              onSaved={(text) => {
                setMessage(text);
                setOpen(false);
              }}
            />
          )}
        </DialogContent>
      </Dialog>
      {message && (
        <p role="status" className="text-sm text-success">
          {message}
        </p>
      )}
    </>
  );
}

function PlanForm({
  clientId,
  documents,
  today,
  actionId,
  requestId,
  onSaved,
}: {
  clientId: string;
  documents: PlannableDocument[];
  today: string;
  actionId: string | null;
  requestId: string;
  onSaved: (message: string) => void;
}) {
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(documents.map((d) => d.id)));
  const [count, setCount] = useState(3);
  const [firstDate, setFirstDate] = useState(addDays(today, 7));
  const [period, setPeriod] = useState<Period>("month");
  const covered = useMemo(() => fromCents(sumCents(documents.filter((d) => chosen.has(d.id)).map((d) => toCents(d.openAmount)))), [documents, chosen]);
  const propose = (amount: string, n: number, first: string, every: Period): Line[] =>
    toCents(amount) > 0n && n >= 1 && first ? proposeInstalments(amount, n, first, every).map((l) => ({ dueDate: l.dueDate, amount: typed(l.amount) })) : [];
  const [lines, setLines] = useState<Line[]>(() => propose(covered, count, firstDate, period));
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();

  // Any change to the pièces or the rhythm makes a fresh proposal; edits to the lines come after.
  const repropose = (next: { chosen?: Set<number>; count?: number; firstDate?: string; period?: Period }) => {
    const c = next.chosen ?? chosen;
    const amount = fromCents(sumCents(documents.filter((d) => c.has(d.id)).map((d) => toCents(d.openAmount))));
    setLines(propose(amount, next.count ?? count, next.firstDate ?? firstDate, next.period ?? period));
  };
  const parsed = lines.map((l) => parseFrenchMoney(l.amount));
  const allParsed = parsed.every((a): a is string => a !== null);
  const mismatch = allParsed ? totalMismatch(parsed, covered) : "Un montant n'est pas lisible : écrivez-le comme 1 234,56.";
  const total = allParsed ? formatMoney(fromCents(sumCents(parsed.map(toCents)))) : "—";
  const canSave = chosen.size > 0 && lines.length > 0 && !mismatch && !pending;

  const save = () =>
    startTransition(async () => {
      const result = await createPaymentPlanAction(null, {
        requestId,
        clientId,
        actionId: actionId ?? "",
        documentIds: [...chosen].map(String),
        instalments: lines.map((l, i) => ({ dueDate: l.dueDate, amount: parsed[i] ?? l.amount })),
        graceDays: 5,
      });
      if (result.ok) onSaved(result.message ?? "Échéancier enregistré.");
      else setErrors([result.error, ...Object.values(result.fieldErrors ?? {}).flat()]);
    });

  if (documents.length === 0) return <p className="text-sm text-muted-foreground">Aucune facture ouverte à mettre en échéancier : les autres sont déjà couvertes par un échéancier en cours.</p>;
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) save();
      }}
    >
      <fieldset className="space-y-1">
        <legend className="mb-1 text-sm font-medium">Pièces couvertes</legend>
        <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border p-2">
          {documents.map((d) => (
            <label key={d.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="accent-primary"
                checked={chosen.has(d.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(d.id);
                  else next.delete(d.id);
                  setChosen(next);
                  repropose({ chosen: next });
                }}
              />
              <span className="font-mono">{d.number}</span>
              <span className="text-muted-foreground">échue le {formatDate(d.dueDate)}</span>
              <span className="tabular ml-auto">{formatMoney(d.openAmount)}</span>
            </label>
          ))}
        </div>
        <p className="text-sm">
          Montant couvert : <strong className="tabular">{formatMoney(covered)}</strong>
        </p>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1.5">
          <Label htmlFor="plan-count">Nombre d&apos;échéances</Label>
          <Input
            id="plan-count"
            type="number"
            min={1}
            max={MAX_INSTALMENTS}
            value={count}
            onChange={(e) => {
              const n = Math.min(MAX_INSTALMENTS, Math.max(1, Number(e.target.value) || 1));
              setCount(n);
              repropose({ count: n });
            }}
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="plan-first">Première échéance</Label>
          <Input
            id="plan-first"
            type="date"
            min={today}
            value={firstDate}
            onChange={(e) => {
              setFirstDate(e.target.value);
              repropose({ firstDate: e.target.value });
            }}
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="plan-period">Périodicité</Label>
          <select
            id="plan-period"
            className={selectClassName}
            value={period}
            onChange={(e) => {
              const p = e.target.value as Period;
              setPeriod(p);
              repropose({ period: p });
            }}
          >
            {periods.map((p) => (
              <option key={p} value={p}>
                {periodLabels[p]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <InstalmentLines lines={lines} today={today} onChange={setLines} />
      <div aria-live="polite" className="space-y-1 text-sm">
        <p>
          Total des échéances : <strong className="tabular">{total}</strong> pour {formatMoney(covered)} couverts
        </p>
        {mismatch && lines.length > 0 && <p className="text-destructive">{mismatch}</p>}
        {errors.map((e) => (
          <p key={e} className="text-destructive">
            {e}
          </p>
        ))}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={!canSave}>
          {pending ? "Enregistrement…" : "Enregistrer l'échéancier"}
        </Button>
      </div>
    </form>
  );
}

/** The proposed lines, each date and amount editable. */
function InstalmentLines({ lines, today, onChange }: { lines: Line[]; today: string; onChange: (lines: Line[]) => void }) {
  const set = (i: number, patch: Partial<Line>) => onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <ol className="max-h-56 space-y-2 overflow-y-auto" aria-label="Échéances">
      {lines.map((l, i) => (
        <li key={i} className="flex items-center gap-2">
          <span className="w-8 text-sm text-muted-foreground">{i + 1}.</span>
          <Input type="date" min={today} value={l.dueDate} aria-label={`Date de l'échéance ${i + 1}`} className="w-44" onChange={(e) => set(i, { dueDate: e.target.value })} />
          <Input
            inputMode="decimal"
            value={l.amount}
            aria-label={`Montant de l'échéance ${i + 1}`}
            aria-invalid={parseFrenchMoney(l.amount) === null || undefined}
            className="tabular w-36 text-right"
            onChange={(e) => set(i, { amount: e.target.value })}
          />
          <span className="text-sm text-muted-foreground">€</span>
        </li>
      ))}
    </ol>
  );
}
