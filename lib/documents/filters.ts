import { z } from "zod";
import type { DocumentFilters } from "@/db/queries/documents";
import { isoDatePattern } from "@/lib/dates";

const blankAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const schema = z.object({
  q: z.preprocess(blankAsUndefined, z.string().trim().max(100).optional()),
  type: z.preprocess(blankAsUndefined, z.enum(["invoice", "credit_note", "payment", "other"]).optional()),
  status: z.preprocess(blankAsUndefined, z.enum(["open", "settled"]).optional()),
  due: z.preprocess(blankAsUndefined, z.enum(["overdue", "not_due"]).optional()),
  disputed: z.preprocess(blankAsUndefined, z.enum(["yes", "no"]).optional()),
  dueFrom: z.preprocess(blankAsUndefined, z.string().regex(isoDatePattern).optional()),
  dueTo: z.preprocess(blankAsUndefined, z.string().regex(isoDatePattern).optional()),
  entity: z.preprocess(blankAsUndefined, z.uuid().optional()),
  /** Index of an aging bucket: 0 = first bucket (1–30 j by default), the last one open-ended. */
  age: z.preprocess(blankAsUndefined, z.coerce.number().int().min(0).max(8).optional()),
});

export type DocumentSearch = z.infer<typeof schema>;

/** The Pièces filters held in the URL; an invalid value is dropped rather than failing the page. */
export function parseDocumentSearch(params: Record<string, string | string[] | undefined>): DocumentSearch {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = schema.safeParse(single);
  if (parsed.success) return parsed.data;
  const valid = Object.fromEntries(Object.entries(single).filter(([k]) => !parsed.error.issues.some((i) => i.path[0] === k)));
  return schema.parse(valid);
}

/** The URL's choices as query filters; `agingLimits` turns a bucket index into a range of days late. */
export function toDocumentFilters(search: DocumentSearch, agingLimits: readonly number[]): DocumentFilters {
  const { disputed, entity, age, ...rest } = search;
  const bucket =
    age === undefined || age > agingLimits.length
      ? {}
      : { daysLateAbove: age === 0 ? 0 : agingLimits[age - 1], daysLateAtMost: age < agingLimits.length ? agingLimits[age] : undefined };
  return { ...rest, ...bucket, entityId: entity, disputed: disputed === undefined ? undefined : disputed === "yes" };
}
