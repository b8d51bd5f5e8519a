import { z } from "zod";
import type { ClientFilters, ClientSort } from "@/db/queries/clients";

const blankAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());
/** Amounts typed the French way ("10 000,50") or the URL way ("10000.50"). */
const amount = optional(z.preprocess((v) => (typeof v === "string" ? v.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".") : v), z.coerce.number().min(0).max(1e12)));
const yesNo = optional(z.enum(["yes", "no"]));

export const clientSortKeys = ["code", "name", "city", "outstanding", "overdue", "creditLimit"] as const;

const schema = z.object({
  q: optional(z.string().trim().max(100)),
  entity: optional(z.uuid()),
  collector: optional(z.union([z.uuid(), z.literal("none")])),
  salesRep: optional(z.uuid()),
  group: optional(z.uuid()),
  dept: optional(z.string().trim().regex(/^(\d{2,3}|2[AB])$/i)),
  outstandingMin: amount,
  outstandingMax: amount,
  overdueMin: amount,
  overdueMax: amount,
  hasOverdue: yesNo,
  hasDispute: yesNo,
  paused: yesNo,
  sort: optional(z.enum(clientSortKeys)),
  order: optional(z.enum(["asc", "desc"])),
});

export type ClientSearch = z.infer<typeof schema>;

/** The clients-list filters held in the URL; an invalid value is dropped rather than failing the page. */
export function parseClientSearch(params: Record<string, string | string[] | undefined>): ClientSearch {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = schema.safeParse(single);
  if (parsed.success) return parsed.data;
  const valid = Object.fromEntries(Object.entries(single).filter(([k]) => !parsed.error.issues.some((i) => i.path[0] === k)));
  return schema.parse(valid);
}

export function toClientFilters(search: ClientSearch): ClientFilters {
  const flag = (v: "yes" | "no" | undefined) => (v === undefined ? undefined : v === "yes");
  return {
    q: search.q,
    entityId: search.entity,
    collectorId: search.collector,
    salesRepId: search.salesRep,
    groupId: search.group,
    department: search.dept?.toUpperCase(),
    outstanding: { min: search.outstandingMin, max: search.outstandingMax },
    overdue: { min: search.overdueMin, max: search.overdueMax },
    hasOverdue: flag(search.hasOverdue),
    hasDispute: flag(search.hasDispute),
    paused: flag(search.paused),
  };
}

/** Most overdue first unless the user sorts by a column; text columns read best A → Z. */
export function toClientSort(search: ClientSearch): ClientSort {
  const key = search.sort ?? "overdue";
  const numeric = key === "outstanding" || key === "overdue" || key === "creditLimit";
  return { key, order: search.order ?? (numeric ? "desc" : "asc") };
}

/** The search as URL parameters (blank values left out), for links that keep the filters. */
export function clientSearchParams(search: ClientSearch): Record<string, string> {
  return Object.fromEntries(
    Object.entries(search)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
}
