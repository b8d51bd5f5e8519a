import { z } from "zod";
import { optionalParam, parseSearch } from "@/lib/search-params";
import { disputeCategories, disputeStatuses } from "./labels";

const sortKeys = ["client", "montant", "age", "cible", "statut", "ouvert"] as const;

const schema = z.object({
  q: optionalParam(z.string().trim().max(100)),
  // Active cases unless told otherwise: « tous » lists those resolved and closed too.
  statut: optionalParam(z.enum(["actifs", "tous", ...disputeStatuses])).transform((s) => s ?? "actifs"),
  categorie: optionalParam(z.enum(disputeCategories)),
  responsable: optionalParam(z.uuid()),
  depasse: optionalParam(z.enum(["1"])),
  sort: optionalParam(z.enum(sortKeys)),
  order: optionalParam(z.enum(["asc", "desc"])),
});

export type DisputeSearch = z.infer<typeof schema>;
export type DisputeSort = { key: (typeof sortKeys)[number]; order: "asc" | "desc" };
export type DisputeFilters = {
  q?: string;
  status: DisputeSearch["statut"];
  category?: DisputeSearch["categorie"];
  ownerId?: string;
  overdue: boolean;
};

/** The /litiges filters and sort held in the URL; an invalid value is dropped rather than failing the page. */
export function parseDisputeSearch(params: Record<string, string | string[] | undefined>): DisputeSearch {
  return parseSearch(schema, params);
}

export function toDisputeFilters(search: DisputeSearch): DisputeFilters {
  return { q: search.q, status: search.statut, category: search.categorie, ownerId: search.responsable, overdue: search.depasse === "1" };
}

/** The oldest cases first by default: they are the ones to push. */
export function toDisputeSort(search: DisputeSearch): DisputeSort {
  return { key: search.sort ?? "age", order: search.order ?? "desc" };
}
