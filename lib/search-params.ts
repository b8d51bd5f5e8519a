import { z } from "zod";

/** Helpers for list filters held in the URL: blank means "no filter", and a bad value is dropped, not fatal. */
const blankAsUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());

/** An amount typed the French way ("10 000,50") or the URL way ("10000.50"). */
export const amountParam = (min: number) =>
  optionalParam(
    z.preprocess((v) => (typeof v === "string" ? v.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".") : v), z.coerce.number().min(min).max(1e12)),
  );

/** Parses the URL's parameters with `schema`, leaving out each parameter that does not fit it. */
export function parseSearch<S extends z.ZodObject>(schema: S, params: Record<string, string | string[] | undefined>): z.infer<S> {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = schema.safeParse(single);
  if (parsed.success) return parsed.data;
  const valid = Object.fromEntries(Object.entries(single).filter(([k]) => !parsed.error.issues.some((i) => i.path[0] === k)));
  return schema.parse(valid);
}

/** The search as URL parameters (blank values left out), for links that keep the filters. */
export function searchToParams(search: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(search)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
}
