"use client";

import { usePathname, useRouter } from "next/navigation";
import { formatInteger } from "@/lib/format/fr";
import { type AutomaticState, automaticStateLabels, automaticStates } from "@/lib/relance/automatic-states";
import { cn } from "@/lib/utils";

/** Each état's colour, as the rows show it (automatic-tone.ts): the chips are the legend too. */
const swatches: Record<AutomaticState, string> = {
  a_confirmer: "bg-destructive",
  confirmee: "bg-success",
  erreur: "bg-warning",
  a_venir: "border bg-background",
};

/** Toggle chips filtering the automatic actions by état (one at a time), each with its count. */
export function AutomaticStateFilter({
  current,
  counts,
  params,
}: {
  current?: AutomaticState;
  counts: Record<AutomaticState, number>;
  params: Record<string, string>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const toggle = (state: AutomaticState) => {
    const query = new URLSearchParams(params);
    query.delete("page");
    if (state === current) query.delete("etat");
    else query.set("etat", state);
    const search = query.toString();
    router.push(search ? `${pathname}?${search}` : pathname, { scroll: false });
  };
  return (
    <div role="group" aria-label="Filtrer par état" className="flex flex-wrap items-center gap-2">
      <span className="text-xs text-muted-foreground">État :</span>
      {automaticStates.map((state) => {
        const pressed = state === current;
        return (
          <button
            key={state}
            type="button"
            aria-pressed={pressed}
            onClick={() => toggle(state)}
            className={cn(
              "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-xs font-medium outline-none transition-colors hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring",
              pressed ? "border-primary bg-primary/10 text-foreground" : "bg-card text-muted-foreground",
            )}
          >
            <span className={cn("size-2.5 rounded-sm", swatches[state])} aria-hidden="true" />
            {automaticStateLabels[state]}
            <span className="tabular rounded-full bg-muted px-1.5 text-[0.7rem] text-foreground">{formatInteger(counts[state])}</span>
          </button>
        );
      })}
    </div>
  );
}
