import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { WorklistRow } from "@/db/queries/worklist";
import { formatInteger, formatMoney } from "@/lib/format/fr";
import { formatPoints, type PriorityFactor, type PriorityWeights, priorityFactors } from "@/lib/relance/worklist-priority";

const factorValue: Record<PriorityFactor, (row: WorklistRow) => string> = {
  amount: (row) => formatMoney(row.amountAtStake),
  daysLate: (row) => `${formatInteger(row.daysLate)} j`,
  brokenPromises: (row) => formatInteger(row.brokenPromises),
  risk: (row) => formatMoney(row.expectedLate),
};

/** Each part of the priority: the factor's value, its weight and the points it brings. */
export function priorityParts(row: WorklistRow, weights: PriorityWeights) {
  return priorityFactors.map((f) => ({
    key: f.key,
    text: `${f.label} : ${factorValue[f.key](row)} × ${formatPoints(weights[f.key])} pt ${f.unit} = ${formatPoints(row.points[f.key])} pts`,
  }));
}

/** The priority, with what it is made of in a tooltip and, for screen readers, in the row's description. */
export function WorklistPriorityCell({ row, weights, descriptionId }: { row: WorklistRow; weights: PriorityWeights; descriptionId: string }) {
  const parts = priorityParts(row, weights);
  return (
    <>
      <Tooltip>
        <TooltipTrigger asChild>
          <span className="inline-flex min-w-12 justify-end rounded-md bg-primary/10 px-2 py-0.5 font-semibold text-primary tabular">{formatPoints(row.priority)}</span>
        </TooltipTrigger>
        <TooltipContent className="max-w-sm text-left">
          <p className="mb-1 font-medium">Priorité {formatPoints(row.priority)} = somme des points</p>
          <ul className="space-y-0.5">
            {parts.map((p) => (
              <li key={p.key}>{p.text}</li>
            ))}
          </ul>
        </TooltipContent>
      </Tooltip>
      <span id={descriptionId} className="sr-only">
        {`Priorité ${formatPoints(row.priority)} : ${parts.map((p) => p.text).join(" ; ")}.`}
      </span>
    </>
  );
}
