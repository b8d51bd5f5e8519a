import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { isoDate, jsonContent, money, problems } from "./common";

const days = (description: string, example: number) => z.number().meta({ description, example });

const figuresShape = {
  outstanding: money.meta({ description: "Encours : solde des pièces ouvertes." }),
  overdue: money.meta({ description: "Échu : solde des pièces dont l'échéance est passée." }),
  not_due: money.meta({ description: "Non échu." }),
  overdue_share: z.number().nullable().meta({ description: "Part de l'échu dans l'encours (0 à 1) ; null sans encours.", example: 0.6 }),
  dso: days("DSO par la méthode par épuisement, en jours.", 85.3),
  bpdso: days("BPDSO (DSO du seul non échu), en jours.", 15),
  add: days("Retard moyen (DSO − BPDSO), en jours.", 70.3),
  dso_lower_bound: z.boolean().meta({
    description: "Le DSO n'est qu'un minimum : le calcul a atteint le premier mois dont les ventes sont connues (historique trop court).",
    example: false,
  }),
  bpdso_lower_bound: z.boolean().meta({ description: "Le BPDSO n'est qu'un minimum, pour la même raison.", example: false }),
  dbt: z.number().nullable().meta({ description: "Retard moyen pondéré des factures échues, en jours ; null sans facture échue.", example: 55.67 }),
  cei: z.number().nullable().meta({ description: "CEI du dernier mois complet, en % ; null sans les instantanés de ses deux bornes.", example: 17.65 }),
  recovery_rate: z.number().nullable().meta({ description: "Réglé / arrivé à échéance sur les 30 derniers jours (0 à 1).", example: 0.5652 }),
};

export const agedBucketSchema = z
  .object({
    label: z.string().meta({ example: "1–30 j" }),
    min_days: z.number().int().nullable().meta({ description: "Retard minimal en jours (inclus) ; null pour le non échu." }),
    max_days: z.number().int().nullable().meta({ description: "Retard maximal en jours (inclus) ; 0 pour le non échu, null pour la dernière tranche." }),
    amount: money,
    clients: z.number().int().meta({ description: "Clients ayant un montant non nul dans la tranche." }),
  })
  .meta({ id: "TrancheBalanceAgee" });

export const kpisSchema = z
  .object({
    as_of: isoDate.nullable().meta({ description: "Date de l'instantané lu (traitement de nuit) ; null avant le premier." }),
    entity_id: z.uuid().nullable(),
    collector_id: z.uuid().nullable(),
    ...figuresShape,
    cei_month: z.string().meta({ description: "Mois (AAAA-MM) dont parle le CEI.", example: "2026-10" }),
    aged_balance: z.object({
      aging_limits: z.array(z.number().int()).meta({ description: "Bornes des tranches (Paramétrage → Balance âgée).", example: [30, 60, 90, 120] }),
      clients: z.number().int().meta({ description: "Clients ayant un montant non nul dans au moins une tranche." }),
      buckets: z.array(agedBucketSchema).meta({ description: "Non échu d'abord, puis les tranches de retard." }),
    }),
    previous: z
      .object({ date: isoDate, ...figuresShape })
      .nullable()
      .meta({ description: "Les mêmes indicateurs 30 jours plus tôt ; null sans instantané ce jour-là." }),
  })
  .meta({ id: "Indicateurs" });

export const kpisQuery = z.object({
  entity_id: z.uuid({ error: "Identifiant de société invalide." }).optional().meta({ description: "Société." }),
  collector_id: z
    .uuid({ error: "Identifiant de chargé invalide." })
    .optional()
    .meta({ description: "Chargé de recouvrement : son portefeuille, dans votre périmètre." }),
});

export const kpisPaths: ZodOpenApiPathsObject = {
  "/kpis": {
    get: {
      tags: ["Indicateurs"],
      summary: "Lire les indicateurs",
      description:
        "Les indicateurs de la page d'accueil sur votre périmètre, au dernier instantané : encours, échu, non échu, DSO, CEI, balance âgée… " +
        "Éventuellement pour une société et pour le portefeuille d'un chargé.",
      requestParams: { query: kpisQuery },
      responses: { 200: { description: "Les indicateurs.", content: jsonContent(kpisSchema) }, ...problems("invalid_request") },
    },
  },
};
