import { ArrowDown, ArrowRight, ArrowUp, Info } from "lucide-react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { KpiChange } from "@/lib/kpi/display";
import { cn } from "@/lib/utils";

export function KpiCard({
  label,
  value,
  hint,
  tone = "default",
  description,
  change,
  changeLabel = "vs il y a 30 jours",
}: {
  label: string;
  value: string;
  hint?: string;
  tone?: "default" | "danger" | "success" | "warning";
  /** How the indicator is computed, shown in a tooltip next to the label. */
  description?: string;
  /** The change against the comparison date; `null` shows "—", `undefined` shows nothing. */
  change?: KpiChange | null;
  changeLabel?: string;
}) {
  return (
    <Card data-kpi={label}>
      <CardHeader className="pb-2">
        <CardTitle className="flex items-center gap-1.5 text-sm font-medium text-muted-foreground">
          {label}
          {description && (
            <Tooltip>
              <TooltipTrigger asChild>
                <button type="button" className="rounded-full text-muted-foreground/70 hover:text-foreground" aria-label={`Définition : ${label}`}>
                  <Info className="size-3.5" aria-hidden="true" />
                </button>
              </TooltipTrigger>
              <TooltipContent>{description}</TooltipContent>
            </Tooltip>
          )}
        </CardTitle>
      </CardHeader>
      <CardContent>
        <p
          data-kpi-value
          className={cn(
            "tabular font-semibold",
            // Millions of euros do not fit a quarter of the row at the larger size.
            value.length > 12 ? "text-xl" : "text-2xl",
            tone === "danger" && "text-destructive",
            tone === "success" && "text-success",
            tone === "warning" && "text-warning-foreground",
          )}
        >
          {value}
        </p>
        {hint && <p className="mt-1 text-xs text-muted-foreground">{hint}</p>}
        {change !== undefined && <KpiChangeLine change={change} label={changeLabel} />}
      </CardContent>
    </Card>
  );
}

function KpiChangeLine({ change, label }: { change: KpiChange | null; label: string }) {
  if (!change) return <p className="mt-1 text-xs text-muted-foreground">— {label}</p>;
  const Icon = change.direction === "up" ? ArrowUp : change.direction === "down" ? ArrowDown : ArrowRight;
  const verdict = change.good === null ? "" : change.good ? " (amélioration)" : " (dégradation)";
  return (
    <p
      className={cn(
        "mt-1 flex items-center gap-1 text-xs text-muted-foreground",
        change.good === true && "text-success",
        change.good === false && "text-destructive",
      )}
    >
      <Icon className="size-3.5" aria-hidden="true" />
      <span className="tabular">{change.text}</span>
      <span className="text-muted-foreground">{label}</span>
      <span className="sr-only">{verdict}</span>
    </p>
  );
}
