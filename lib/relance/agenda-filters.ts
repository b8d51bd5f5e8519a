import { z } from "zod";
import type { AgendaFilters } from "@/db/queries/agenda";
import type { Scope } from "@/lib/auth/scope";
import { isoDatePattern } from "@/lib/dates";
import { optionalParam, parseSearch } from "@/lib/search-params";
import { automaticStates } from "./automatic-states";
import { worklistSortKeys } from "./worklist-sort";

const isoDate = optionalParam(z.string().regex(isoDatePattern));

const schema = z.object({
  collector: optionalParam(z.union([z.uuid(), z.literal("all")])),
  entity: optionalParam(z.uuid()),
  q: optionalParam(z.string().trim().max(100)),
  type: optionalParam(z.enum(["call", "email", "letter", "sms", "task", "formal_notice"])),
  from: isoDate,
  to: isoDate,
  cf: optionalParam(z.string().trim().max(100)),
  cfv: optionalParam(z.string().trim().max(200)),
  /** The worklist's sort, and the automatic actions' état: each read by its own tab only. */
  sort: optionalParam(z.enum(worklistSortKeys)),
  order: optionalParam(z.enum(["asc", "desc"])),
  etat: optionalParam(z.enum(automaticStates)),
});

/** The agenda filters held in the URL; the three agenda tabs share them. */
export type AgendaSearch = z.infer<typeof schema>;

export function parseAgendaSearch(params: Record<string, string | string[] | undefined>): AgendaSearch {
  return parseSearch(schema, params);
}

/**
 * A collector starts on their own actions and may widen to « toutes » (still within their scope). The état is
 * left out: only the automatic tab applies it, through `withAutomaticState`.
 */
export function toAgendaFilters(search: AgendaSearch, scope: Scope): AgendaFilters {
  const collector = search.collector ?? (scope.role === "collector" ? scope.userId : "all");
  return {
    assignedUserId: collector === "all" ? undefined : collector,
    entityId: search.entity,
    q: search.q,
    type: search.type,
    from: search.from,
    to: search.to,
    customField: search.cf && search.cfv ? { name: search.cf, value: search.cfv } : undefined,
  };
}

/** The filters of the automatic tab: the shared ones narrowed to the état chosen, as of `today`. */
export function withAutomaticState(filters: AgendaFilters, search: AgendaSearch, today: string): AgendaFilters {
  return search.etat ? { ...filters, state: { key: search.etat, today } } : filters;
}
