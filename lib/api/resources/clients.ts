import type { z } from "zod";
import { readClientRecords, type ClientRecord } from "@/db/queries/client-records";
import { assignClient, setReminderPause } from "@/db/queries/client-edits";
import { recordAudit } from "@/db/queries/audit";
import { listClientIdsAfter } from "@/db/queries/clients";
import type { Db } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { Scope } from "@/lib/auth/scope";
import { grades } from "@/lib/scoring/grades";
import type { clientListQuery, clientPatchBody, clientSchema } from "../contract/clients";
import { toInstant, toMoney, toMoneyOrNull } from "../contract/common";
import { decodeCursor, pageOf } from "../pagination";
import { ApiProblem } from "../problem";

type ApiClient = z.infer<typeof clientSchema>;

export function presentClient(r: ClientRecord): ApiClient {
  const c = r.client;
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    siren: c.siren,
    entity: r.entity,
    address: c.address,
    postal_code: c.postalCode,
    city: c.city,
    department: c.department,
    country: c.country,
    email: c.email,
    phone: c.phone,
    payment_terms_days: c.paymentTermsDays,
    credit_limit: toMoneyOrNull(c.creditLimit),
    outstanding: toMoney(c.outstanding),
    overdue: toMoney(c.overdue),
    balances_as_of: c.balancesAsOf,
    collector: c.collectorId && r.collectorName ? { id: c.collectorId, name: r.collectorName } : null,
    sales_rep: c.salesRepId && r.salesRepName ? { id: c.salesRepId, name: r.salesRepName } : null,
    group: r.groupName && c.effectiveGroupId ? { id: c.effectiveGroupId, name: r.groupName, forced: c.forcedGroupId !== null } : null,
    paused_until: c.pausedUntil,
    pause_reason: c.pauseReason,
    has_open_dispute: r.hasOpenDispute,
    score: r.scoreGrade && r.scorePLate !== null ? { grade: r.scoreGrade, p_late: Number(r.scorePLate) } : null,
    custom_fields: c.customFields,
    updated_at: toInstant(c.updatedAt),
  };
}

/** One cursor page of the clients list, on the list's own filters and scope. */
export async function listApiClients(db: Db, scope: Scope, query: z.infer<typeof clientListQuery>, today: string) {
  const numeric = query.sort === "outstanding" || query.sort === "overdue";
  const sort = { key: query.sort, order: query.order ?? (numeric ? "desc" : "asc") } as const;
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const filters = {
    q: query.q,
    entityId: query.entity_id,
    collectorId: query.collector_id,
    salesRepId: query.sales_rep_id,
    groupId: query.group_id,
    department: query.department?.toUpperCase(),
    outstanding: { min: query.outstanding_min, max: query.outstanding_max },
    overdue: { min: query.overdue_min, max: query.overdue_max },
    hasOverdue: query.has_overdue,
    hasDispute: query.has_dispute,
    paused: query.paused,
    grades: query.grade ? grades.filter((g) => query.grade!.includes(g)) : undefined,
  };
  const ids = await listClientIdsAfter(db, scope, filters, sort, today, after, query.limit + 1);
  const { data, next_cursor } = pageOf(ids, query.limit, (row) => [row.value, row.id]);
  const records = await readClientRecords(db, scope, data.map((r) => r.id));
  return { data: records.map(presentClient), next_cursor };
}

export async function getApiClient(db: Db, scope: Scope, id: string): Promise<ApiClient> {
  const [record] = await readClientRecords(db, scope, [id]);
  if (!record) throw new ApiProblem("not_found", "Aucun client de votre périmètre ne porte cet identifiant.");
  return presentClient(record);
}

/** Assignment and pause, with the fiche's rules and audit entries, in one transaction. */
export async function patchApiClient(db: Db, scope: Scope, id: string, body: z.infer<typeof clientPatchBody>): Promise<ApiClient> {
  const assigns = body.collector_id !== undefined || body.sales_rep_id !== undefined;
  if (assigns && !can(scope.role, "clients.assign")) throw new ApiProblem("forbidden", "Changer l'affectation demande le rôle superviseur ou administrateur.");
  if (body.collector_id === null) {
    throw new ApiProblem("invalid_request", "Un client suivi garde un chargé de recouvrement.", { errors: { "body.collector_id": ["Choisissez le chargé de recouvrement."] } });
  }
  await db.transaction(async (tx) => {
    for (const [assignment, field, userId] of [
      ["collector", "collector_id", body.collector_id],
      ["salesRep", "sales_rep_id", body.sales_rep_id],
    ] as const) {
      if (userId === undefined) continue;
      const outcome = await assignClient(tx, scope, id, assignment, userId);
      if (outcome.status === "not_found") throw new ApiProblem("not_found", "Aucun client de votre périmètre ne porte cet identifiant.");
      if (outcome.status === "invalid_choice") {
        const message = assignment === "collector" ? "Choisissez un chargé de recouvrement actif." : "Choisissez un commercial actif.";
        throw new ApiProblem("invalid_request", message, { errors: { [`body.${field}`]: [message] } });
      }
      await recordAudit(tx, { userId: scope.userId, action: "client.assign", targetType: "client", targetId: id, details: { assignment, from: outcome.previousId, to: userId, via: "api" } });
    }
    if (body.pause !== undefined) {
      const changed = await setReminderPause(tx, scope, id, body.pause);
      if (!changed) throw new ApiProblem("not_found", "Aucun client de votre périmètre ne porte cet identifiant.");
      const action = body.pause ? "client.pause" : "client.resume";
      await recordAudit(tx, { userId: scope.userId, action, targetType: "client", targetId: id, details: { ...(body.pause ?? {}), via: "api" } });
    }
  });
  return getApiClient(db, scope, id);
}
