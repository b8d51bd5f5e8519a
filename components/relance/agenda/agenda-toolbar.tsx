import type { AgendaTab } from "@/db/queries/agenda";
import type { AgendaFrame } from "@/app/(app)/relance/(agenda)/frame";
import { AgendaFiltersForm } from "./agenda-filters-form";
import { AgendaTabs, tabHref } from "./agenda-tabs";

/** Filters then tabs, the same on the three agenda tabs. */
export function AgendaToolbar({ frame, tab }: { frame: AgendaFrame; tab: AgendaTab }) {
  return (
    <>
      <AgendaFiltersForm
        action={tabHref(tab)}
        search={frame.search}
        ownOnly={frame.scope.role === "collector"}
        entities={frame.entities}
        collectors={frame.collectors}
        customFields={frame.customFields}
      />
      <AgendaTabs current={tab} counts={frame.counts} query={frame.query} />
    </>
  );
}
