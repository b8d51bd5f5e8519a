import { z } from "zod";
import type { ZodOpenApiResponsesObject } from "zod-openapi";
import { problemKinds, type ProblemKind, problemType } from "../problem";

/** Shapes every resource of the open API shares. Fields are snake_case; amounts are exact decimal strings. */
export const money = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ id: "Montant", description: "Montant exact en devise de la pièce, chaîne décimale à deux chiffres après le point.", example: "1250.00" });

export const isoDate = z.iso.date().meta({ description: "Date au format AAAA-MM-JJ.", example: "2026-12-05" });
export const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: "Instant ISO 8601 (UTC).", example: "2026-12-05T08:30:00.000Z" });
export const uuid = z.uuid().meta({ example: "0b6e4a52-8c1f-4d0e-9a57-3f1c2d4e5a6b" });

/** An amount from PostgreSQL `numeric` as the API writes it. */
export const toMoney = (value: string | number) => Number(value).toFixed(2);
export const toMoneyOrNull = (value: string | number | null) => (value === null ? null : toMoney(value));
export const toInstant = (value: Date | string) => new Date(value).toISOString();

export const userRef = z.object({ id: uuid, name: z.string().meta({ example: "Camille Martin" }) }).meta({ id: "RefUtilisateur" });

export const problemSchema = z
  .object({
    type: z.string().meta({ example: problemType("invalid_request") }),
    title: z.string().meta({ example: problemKinds.invalid_request.title }),
    status: z.number().int().meta({ example: 422 }),
    detail: z.string().optional().meta({ example: "Paramètres invalides : limit." }),
    instance: z.string().optional().meta({ example: "/api/v1/clients" }),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ example: { limit: ["Au plus 500."] } }),
    reference: z.string().optional().meta({ description: "Référence à donner à l'administrateur (erreurs 500)." }),
  })
  .meta({ id: "Probleme", description: "Erreur au format RFC 9457 (application/problem+json), titrée en français." });

/** A page of a list: the rows and the cursor of the next page (null on the last). */
export function page<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({ data: z.array(item), next_cursor: z.string().nullable().meta({ description: "À passer en `cursor` pour la page suivante ; null sur la dernière." }) })
    .meta({ id });
}

export const jsonContent = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const problemDescriptions: Partial<Record<ProblemKind, string>> = {
  unauthenticated: "Clé absente, inconnue, révoquée ou expirée.",
  forbidden: "Rôle insuffisant, ou clé en lecture seule pour une écriture.",
  not_found: "Inexistant ou hors de votre périmètre.",
  conflict: "Requête concurrente avec la même clé d'idempotence, ou état qui ne le permet pas.",
  invalid_request: "Paramètres ou corps invalides (détail par champ dans `errors`).",
  idempotency_mismatch: "Clé d'idempotence déjà utilisée pour une autre requête.",
  rate_limited: "Limite de requêtes par minute atteinte ; voir `Retry-After`.",
  payload_too_large: "Corps ou fichier trop volumineux.",
  unsupported_media_type: "Type de contenu non pris en charge.",
};

/** The answers every operation may give besides its own, as problem+json. */
export function problems(...kinds: ProblemKind[]): ZodOpenApiResponsesObject {
  const all: ProblemKind[] = ["unauthenticated", "forbidden", "rate_limited", ...kinds];
  return Object.fromEntries(
    all.map((kind) => [
      String(problemKinds[kind].status),
      { description: problemDescriptions[kind] ?? problemKinds[kind].title, content: { "application/problem+json": { schema: problemSchema } } },
    ]),
  );
}

export const idPath = z.object({ id: uuid.meta({ description: "Identifiant." }) });

export const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .max(255)
    .optional()
    .meta({ description: "Rejouer la même requête avec la même clé renvoie la même réponse sans refaire l'opération (24 h).", example: "relance-2026-12-05-42" }),
});
