import type { AgendaRow } from "@/db/queries/agenda";
import { RowLink } from "@/components/ui/row-link";

/** Link to open an action in its panel, keeping the filters and the page. */
export function openHref(params: Record<string, string>, id: string) {
  return `?${new URLSearchParams({ ...params, action: id })}`;
}

type ClientOfRow = Pick<AgendaRow, "clientId" | "clientName" | "clientCode" | "clientOpen">;

/**
 * A client's fiche when the user may open it. On an action handed over from another portfolio: the action itself
 * when `actionHref` is given, otherwise the bare name.
 */
export function ClientName({
  row,
  className,
  actionHref,
}: {
  row: Pick<AgendaRow, "clientId" | "clientName" | "clientOpen">;
  className: string;
  actionHref?: string;
}) {
  if (row.clientOpen || actionHref) {
    return (
      <RowLink
        href={row.clientOpen ? `/clients/${row.clientId}` : actionHref!}
        title={row.clientOpen ? undefined : "Client d'un autre portefeuille : ouvrir l'action qui vous a été confiée"}
        className={`${className} hover:underline`}
      >
        {row.clientName}
      </RowLink>
    );
  }
  return (
    <span className={className} title="Client d'un autre portefeuille : l'action vous a été confiée">
      {row.clientName}
    </span>
  );
}

export function ClientCell({ row, assignee }: { row: ClientOfRow; assignee?: string | null }) {
  return (
    <div className="min-w-36">
      <ClientName row={row} className="font-medium" />
      <p className="text-xs text-muted-foreground">
        <span className="font-mono">{row.clientCode}</span>
        {assignee && ` · ${assignee}`}
      </p>
    </div>
  );
}
