import { z } from "zod";
import type { ClientFilters, ClientSort } from "@/db/queries/clients";
import { grades } from "@/lib/scoring/grades";
import { amountParam, optionalParam, parseSearch, searchToParams } from "@/lib/search-params";

const amount = amountParam(0);
const yesNo = optionalParam(z.enum(["yes", "no"]));

export const clientSortKeys = ["code", "name", "city", "outstanding", "overdue", "creditLimit", "score", "pLate"] as const;
const calculatedKey = /^calc:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const sortKey = z.union([z.enum(clientSortKeys), z.string().regex(calculatedKey).transform((v) => v.toLowerCase() as `calc:${string}`)]);

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
  sort: optionalParam(sortKey),
  order: optionalParam(z.enum(["asc", "desc"])),
});

/** Filters on calculated columns, by column id: `calcMin.<id>`, `calcMax.<id>` (a percentage as 25) and `calcFlag.<id>`. */
export type CalculatedSearch = Record<string, { min?: number; max?: number; flag?: "yes" | "no" }>;
export type ClientSearch = z.infer<typeof schema> & { calc?: CalculatedSearch };

const calcParam = /^calc(Min|Max|Flag)\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const signedNumber = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".").replace("−", "-") : v),
  z.coerce.number().finite().min(-1e12).max(1e12),
);

function parseCalculatedSearch(params: Record<string, string | string[] | undefined>): CalculatedSearch | undefined {
  const calc: CalculatedSearch = {};
  for (const [key, raw] of Object.entries(params)) {
    const match = calcParam.exec(key);
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (!match || value === undefined || value.trim() === "") continue;
    const id = match[2].toLowerCase();
    if (match[1] === "Flag") {
      if (value === "yes" || value === "no") (calc[id] ??= {}).flag = value;
      continue;
    }
    const n = signedNumber.safeParse(value);
    if (n.success) (calc[id] ??= {})[match[1] === "Min" ? "min" : "max"] = n.data;
  }
  return Object.keys(calc).length ? calc : undefined;
}

/** The clients-list filters held in the URL; an invalid value is dropped rather than failing the page. */
export function parseClientSearch(params: Record<string, string | string[] | undefined>): ClientSearch {
  // The form sends one « grade » per ticked letter; links carry them joined.
  const grade = Array.isArray(params.grade) ? params.grade.join("") : params.grade;
  const search: ClientSearch = parseSearch(schema, { ...params, grade });
  const calc = parseCalculatedSearch(params);
  return calc ? { ...search, calc } : search;
}

/** The search as URL parameters, calculated-column filters included, for links that keep the filters. */
export function clientSearchToParams(search: ClientSearch): Record<string, string> {
  const { calc, ...rest } = search;
  const params = searchToParams(rest);
  for (const [id, f] of Object.entries(calc ?? {})) {
    if (f.min !== undefined) params[`calcMin.${id}`] = String(f.min);
    if (f.max !== undefined) params[`calcMax.${id}`] = String(f.max);
    if (f.flag) params[`calcFlag.${id}`] = f.flag;
  }
  return params;
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
    calculated: search.calc
      ? Object.fromEntries(Object.entries(search.calc).map(([id, f]) => [id, { min: f.min, max: f.max, flag: flag(f.flag) }]))
      : undefined,
  };
}

/** Most overdue first unless the user sorts by a column; text columns read best A → Z, scores riskiest first. */
export function toClientSort(search: ClientSearch): ClientSort {
  const key: ClientSort["key"] = search.sort ?? "overdue";
  const numeric = key !== "code" && key !== "name" && key !== "city";
  return { key, order: search.order ?? (numeric ? "desc" : "asc") };
}
