import { countAgenda } from "@/db/queries/agenda";
import { listClientCustomFields } from "@/db/queries/clients";
import { listAssignableUsers } from "@/db/queries/client-edits";
import { listEntities } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { today as todayInParis } from "@/lib/dates";
import { parseAgendaSearch, toAgendaFilters } from "@/lib/relance/agenda-filters";
import { searchToParams } from "@/lib/search-params";

export const PAGE_SIZE = 50;

type RawSearch = Record<string, string | string[] | undefined>;

/** What the three agenda tabs share: the user, the URL filters, the counters and the filter choices. */
export async function loadAgendaFrame(searchParams: Promise<RawSearch>) {
  const current = await requireUser("relance.work");
  const { db, scope } = current;
  const raw = await searchParams;
  const search = parseAgendaSearch(raw);
  const filters = toAgendaFilters(search, scope);
  const page = Math.max(1, Number.parseInt(String(raw.page ?? "1"), 10) || 1);
  const opened = typeof raw.action === "string" ? raw.action : undefined;
  const today = todayInParis();
  const [counts, entities, people, customFields] = await Promise.all([
    countAgenda(db, scope, filters, today),
    listEntities(db),
    listAssignableUsers(db),
    listClientCustomFields(db),
  ]);
  const params = searchToParams(search);
  return {
    ...current,
    search,
    filters,
    page,
    opened,
    today,
    counts,
    params,
    query: new URLSearchParams(params).toString(),
    entities: entities.filter((e) => scope.role !== "manager" || scope.entityIds.includes(e.id)),
    collectors: people.filter((u) => u.role === "collector" || u.role === "supervisor"),
    customFields,
  };
}

export type AgendaFrame = Awaited<ReturnType<typeof loadAgendaFrame>>;
