/** How the open documents of a fiche client are sorted, held in the URL as `?tri=retard&ordre=desc`. */
export const clientDocumentSortKeys = ["piece", "date", "echeance", "montant", "reste", "retard"] as const;
export type ClientDocumentSortKey = (typeof clientDocumentSortKeys)[number];
export type SortDirection = "asc" | "desc";
export type ClientDocumentSort = { key: ClientDocumentSortKey; direction: SortDirection };

export const defaultClientDocumentSort: ClientDocumentSort = { key: "echeance", direction: "asc" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The sort the URL asks for; anything not on the list falls back to the default, never reaches SQL. */
export function parseClientDocumentSort(params: Record<string, string | string[] | undefined>): ClientDocumentSort {
  const key = clientDocumentSortKeys.find((k) => k === first(params.tri));
  if (!key) return defaultClientDocumentSort;
  return { key, direction: first(params.ordre) === "desc" ? "desc" : "asc" };
}

/**
 * The link target of a column header: a new column starts in its natural direction (amounts and lateness
 * largest first), the current column flips.
 */
export function nextClientDocumentSort(current: ClientDocumentSort, key: ClientDocumentSortKey): ClientDocumentSort {
  if (current.key === key) return { key, direction: current.direction === "asc" ? "desc" : "asc" };
  return { key, direction: key === "montant" || key === "reste" || key === "retard" ? "desc" : "asc" };
}
