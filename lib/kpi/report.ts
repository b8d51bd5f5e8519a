/**
 * The home's indicators for the whole book (or one société) at any day the data allow: `npm run kpi`. A past day
 * never recorded is rebuilt from the pièces first, as on the home.
 */
import { eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "@/db/client";
import { jobScope } from "@/db/queries/action-sending";
import { agedBalanceBuckets } from "@/db/queries/aged-balance";
import { daysReadAt, homeKpis, type HomeKpis } from "@/db/queries/kpi";
import { recordMissingSnapshots } from "@/db/queries/snapshots";
import { entities } from "@/db/schema";
import { formatDate } from "@/lib/format/fr";
import { agingBucketLabels } from "@/lib/settings/options";

export type KpiReport = HomeKpis & { entity: { code: string; name: string } | null; aged: { label: string; amount: string }[] };

export async function kpiReport(db: Db, date: string, entityCode?: string): Promise<KpiReport> {
  const [entity] = entityCode ? await db.select().from(entities).where(eq(entities.code, entityCode)) : [null];
  if (entity === undefined) throw new Error(`Société inconnue : ${entityCode}.`);
  const [{ latest }] = await queryRows<{ latest: string | null }>(db, sql`select max(snapshot_date)::text as latest from daily_snapshots`);
  if (!latest) throw new Error("Aucun indicateur n'a encore été calculé : importez le grand livre, puis lancez le traitement de nuit.");
  if (date > latest) {
    throw new Error(`Les derniers indicateurs sont ceux du ${formatDate(latest)} : le ${formatDate(date)} sera calculé par le traitement de nuit.`);
  }
  await db.transaction((tx) => recordMissingSnapshots(tx, daysReadAt(date)));
  const [kpis, aged] = await Promise.all([
    homeKpis(db, jobScope, date, entity?.id),
    agedBalanceBuckets(db, jobScope, date, entity?.id),
  ]);
  const labels = ["Non échu", ...(aged.agingLimits.length > 0 ? agingBucketLabels(aged.agingLimits) : [])];
  return {
    ...kpis,
    entity: entity ? { code: entity.code, name: entity.name } : null,
    aged: aged.buckets.map((bucket, i) => ({ label: labels[i] ?? `Tranche ${i}`, amount: bucket.amount })),
  };
}
