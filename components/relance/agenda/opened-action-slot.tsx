import type { AgendaFrame } from "@/app/(app)/relance/(agenda)/frame";
import { getAgendaAction } from "@/db/queries/agenda";
import { can } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { ActionPanel } from "./action-panel";
import { OpenedAction } from "./opened-action";

/**
 * The action named by `?action=`, opened over the list; one outside the scope is « introuvable ». `savedHref` is
 * where saving an outcome leads (the next action of the worklist); closing the list otherwise.
 */
export async function OpenedActionSlot({
  frame,
  basePath,
  pageParams,
  savedHref,
}: {
  frame: AgendaFrame;
  basePath: string;
  pageParams: Record<string, string>;
  savedHref?: string;
}) {
  const { opened, db, scope, today } = frame;
  if (!opened) return null;
  const closeHref = `${basePath}${Object.keys(pageParams).length ? `?${new URLSearchParams(pageParams)}` : ""}`;
  const found = isUuid(opened) ? await getAgendaAction(db, scope, opened, today) : null;
  if (!found) {
    return (
      <ActionPanel title="Action introuvable." description="Cette action n'existe pas ou n'appartient pas à votre périmètre." closeHref={closeHref}>
        {null}
      </ActionPanel>
    );
  }
  return <OpenedAction key={found.action.id} found={found} today={today} closeHref={closeHref} savedHref={savedHref} people={can(scope.role, "portfolios.reassign") ? frame.collectors : null} />;
}
