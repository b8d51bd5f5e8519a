import { formatInteger, formatMoney } from "@/lib/format/fr";

type CurrencyTotal = { currency: string; count: number; openAmount: string };

/** What amounts in euros leave out: open items in other currencies, each in its own. */
export function OtherCurrenciesNote({ totals, className }: { totals: readonly CurrencyTotal[]; className?: string }) {
  if (totals.length === 0) return null;
  const parts = totals.map(
    (t) => `${formatInteger(t.count)} pièce${t.count > 1 ? "s" : ""} en ${t.currency} (${formatMoney(t.openAmount, t.currency)} restant dû)`,
  );
  return (
    <p role="note" className={className ?? "text-xs text-muted-foreground"} data-testid="other-currencies">
      Montants en euros, hors autres devises : {parts.join(" ; ")}.
    </p>
  );
}
