import { z } from "zod";
import type { ClientFilters, ClientSort } from "@/db/queries/clients";
import { grades } from "@/lib/scoring/grades";
import { amountParam, optionalParam, parseSearch } from "@/lib/search-params";

const amount = amountParam(0);
const yesNo = optionalParam(z.enum(["yes", "no"]));

export const clientSortKeys = ["code", "name", "city", "outstanding", "overdue", "creditLimit", "score", "pLate"] as const;

// Several letters in one parameter, « DE », kept in A → E order.
const gradeSet = optionalParam(
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-E]{1,5}$/)
    .transform((v) => grades.filter((g) => v.includes(g)).join("")),
);

const schema = z.object({
  q: optionalParam(z.string().trim().max(100)),
  entity: optionalParam(z.uuid()),
  collector: optionalParam(z.union([z.uuid(), z.literal("none")])),
  salesRep: optionalParam(z.uuid()),
  group: optionalParam(z.uuid()),
  dept: optionalParam(z.string().trim().regex(/^(\d{2,3}|2[AB])$/i)),
  outstandingMin: amount,
  outstandingMax: amount,
  overdueMin: amount,
  overdueMax: amount,
  hasOverdue: yesNo,
  hasDispute: yesNo,
  paused: yesNo,
  grade: gradeSet,
  sort: optionalParam(z.enum(clientSortKeys)),
  order: optionalParam(z.enum(["asc", "desc"])),
});

export type ClientSearch = z.infer<typeof schema>;

/** The clients-list filters held in the URL; an invalid value is dropped rather than failing the page. */
export function parseClientSearch(params: Record<string, string | string[] | undefined>): ClientSearch {
  // The form sends one « grade » per ticked letter; links carry them joined.
  const grade = Array.isArray(params.grade) ? params.grade.join("") : params.grade;
  return parseSearch(schema, { ...params, grade });
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
    grades: search.grade ? grades.filter((g) => search.grade!.includes(g)) : undefined,
  };
}

/** Most overdue first unless the user sorts by a column; text columns read best A → Z, scores riskiest first. */
export function toClientSort(search: ClientSearch): ClientSort {
  const key = search.sort ?? "overdue";
  const numeric = key !== "code" && key !== "name" && key !== "city";
  return { key, order: search.order ?? (numeric ? "desc" : "asc") };
}
