import { z } from "zod";
import type { DocumentFilters } from "@/db/queries/documents";
import { isoDatePattern } from "@/lib/dates";
import { amountParam, optionalParam, parseSearch } from "@/lib/search-params";

const isoDate = optionalParam(z.string().regex(isoDatePattern));
const percentParam = optionalParam(z.preprocess((v) => (typeof v === "string" ? v.replace(/[\s\u00a0\u202f%]/g, "").replace(",", ".") : v), z.coerce.number().min(0).max(100)));
const schema = z.object({
  q: optionalParam(z.string().trim().max(100)),
  // Invoices unless told otherwise: payments and credit notes are read apart, « all » mixes every type.
  type: optionalParam(z.enum(["invoice", "credit_note", "payment", "opening_balance", "other", "all"])).transform((t) => t ?? "invoice"),
  status: optionalParam(z.enum(["open", "settled"])),
  due: optionalParam(z.enum(["overdue", "not_due"])),
  disputed: optionalParam(z.enum(["yes", "no"])),
  dueFrom: isoDate,
  dueTo: isoDate,
  issuedFrom: isoDate,
  issuedTo: isoDate,
  // Credit notes and payments are negative.
  amountMin: amountParam(-1e12),
  amountMax: amountParam(-1e12),
  entity: optionalParam(z.uuid()),
  client: optionalParam(z.uuid()),
  /** Index of an aging bucket: 0 = first bucket (1–30 j by default), the last one open-ended. */
  age: optionalParam(z.coerce.number().int().min(0).max(8)),
  /** Probability of paying late, in %, as typed (« 40 », « 12,5 »). */
  pLateMin: percentParam,
  pLateMax: percentParam,
  // Most overdue first unless sorted by the probability of paying late.
  sort: optionalParam(z.enum(["pLate"])),
  order: optionalParam(z.enum(["asc", "desc"])),
});

export type DocumentSearch = z.infer<typeof schema>;

/** The Pièces filters held in the URL; an invalid value is dropped rather than failing the page. */
export function parseDocumentSearch(params: Record<string, string | string[] | undefined>): DocumentSearch {
  return parseSearch(schema, params);
}

/** The URL's choices as query filters; `agingLimits` turns a bucket index into a range of days late. */
export function toDocumentFilters(search: DocumentSearch, agingLimits: readonly number[]): DocumentFilters {
  const { type, disputed, entity, client, age, pLateMin, pLateMax, sort, order, ...rest } = search;
  const bucket =
    age === undefined || age > agingLimits.length
      ? {}
      : { daysLateAbove: age === 0 ? 0 : agingLimits[age - 1], daysLateAtMost: age < agingLimits.length ? agingLimits[age] : undefined };
  return {
    ...rest,
    ...bucket,
    type: type === "all" ? undefined : type,
    entityId: entity,
    clientId: client,
    disputed: disputed === undefined ? undefined : disputed === "yes",
    pLateMin: pLateMin === undefined ? undefined : pLateMin / 100,
    pLateMax: pLateMax === undefined ? undefined : pLateMax / 100,
    sort: sort ? { key: sort, order: order ?? "desc" } : undefined,
  };
}
