/** How the worklist (manual actions) may be sorted: by priority unless the user picks a column. */
export const worklistSortKeys = ["priority", "date", "client", "action", "documents", "amount", "lastContact", "reminders", "assignee"] as const;

export type WorklistSortKey = (typeof worklistSortKeys)[number];
export type WorklistSort = { key: WorklistSortKey; order: "asc" | "desc" };

const textKeys: readonly WorklistSortKey[] = ["date", "client", "action", "assignee"];

/** Figures read best largest first, dates and names in their natural order. */
export function toWorklistSort(search: { sort?: WorklistSortKey; order?: "asc" | "desc" }): WorklistSort {
  const key = search.sort ?? "priority";
  return { key, order: search.order ?? (textKeys.includes(key) ? "asc" : "desc") };
}
