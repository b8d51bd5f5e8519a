import type { ClientSort } from "@/db/queries/clients";
import type { Role } from "@/lib/auth/roles";
import { calculatedKey } from "@/lib/formulas/keys";

/** Optional columns of the clients list; code and raison sociale are always shown. */
export const standardColumns = [
  { key: "siren", label: "SIREN" },
  { key: "city", label: "Ville", sort: "city" },
  { key: "entity", label: "Société" },
  { key: "collector", label: "Chargé de recouvrement" },
  { key: "salesRep", label: "Commercial" },
  { key: "group", label: "Groupe" },
  { key: "paymentTerms", label: "Délai de paiement" },
  { key: "creditLimit", label: "Limite de crédit", sort: "creditLimit", numeric: true },
  { key: "outstanding", label: "Encours", sort: "outstanding", numeric: true },
  { key: "overdue", label: "Échu", sort: "overdue", numeric: true },
  { key: "aged", label: "Balance âgée" },
  { key: "score", label: "Score", sort: "score" },
  { key: "pLate", label: "Probabilité de retard", sort: "pLate", numeric: true },
] as const satisfies readonly { key: string; label: string; sort?: ClientSort["key"]; numeric?: boolean }[];

export type StandardColumnKey = (typeof standardColumns)[number]["key"];

const defaultColumns = ["city", "entity", "collector", "outstanding", "overdue", "aged"];
// A collector's list is their own portfolio: their name on every row says nothing.
const collectorDefaults = defaultColumns.filter((k) => k !== "collector");

/** Custom fields imported on clients are offered as columns too, keyed `cf:<name>`. */
export const customColumnKey = (name: string) => `cf:${name}`;

export const columnsCookie = "encaisse-clients-columns";

/** The columns the user chose (cookie value), keeping only those that exist; the role's defaults when none. */
export function chosenColumns(cookie: string | undefined, customFields: string[], role: Role, calculatedIds: readonly string[] = []): string[] {
  const defaults = role === "collector" ? collectorDefaults : defaultColumns;
  if (!cookie) return defaults;
  const known = new Set<string>([
    ...standardColumns.map((c) => c.key), ...customFields.map(customColumnKey), ...calculatedIds.map(calculatedKey),
  ]);
  const keys = decodeURIComponent(cookie).split(",").filter((k) => known.has(k));
  return keys.length ? keys : defaults;
}
