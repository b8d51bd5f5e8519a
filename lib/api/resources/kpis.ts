import type { z } from "zod";
import { agedBalanceBuckets } from "@/db/queries/aged-balance";
import { homeFigures } from "@/db/queries/dashboard";
import { homeKpis, type KpiFigures } from "@/db/queries/kpi";
import type { Queryable } from "@/db/client";
import type { Scope } from "@/lib/auth/scope";
import { agingBucketLabels } from "@/lib/settings/options";
import type { kpisQuery, kpisSchema } from "../contract/kpis";
import { toMoney } from "../contract/common";

const rounded = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const roundedOrNull = (value: number | null, digits: number) => (value === null || !Number.isFinite(value) ? null : rounded(value, digits));

function presentFigures(f: KpiFigures) {
  return {
    outstanding: toMoney(f.outstanding),
    overdue: toMoney(f.overdue),
    not_due: toMoney(f.notDue),
    overdue_share: roundedOrNull(f.overdueShare, 4),
    dso: rounded(f.dso, 2),
    bpdso: rounded(f.bpdso, 2),
    add: rounded(f.add, 2),
    dso_lower_bound: f.dsoLowerBound,
    bpdso_lower_bound: f.bpdsoLowerBound,
    dbt: roundedOrNull(f.dbt, 2),
    cei: roundedOrNull(f.cei, 2),
    recovery_rate: roundedOrNull(f.recoveryRate, 4),
  };
}

/** Bucket 0 is « non échu » (late by 0 days or less); bucket i ≥ 1 runs from the previous limit + 1 to `limits[i − 1]`. */
function bucketRange(index: number, limits: number[]) {
  if (index === 0) return { min_days: null, max_days: 0 };
  return { min_days: index === 1 ? 1 : limits[index - 2] + 1, max_days: index <= limits.length ? limits[index - 1] : null };
}

/**
 * The home page's indicators, read the way the home reads them: the latest snapshot of the home aggregates, for
 * the caller's scope narrowed to a société and a collector's portfolio when asked.
 */
export async function readApiKpis(db: Queryable, scope: Scope, query: z.infer<typeof kpisQuery>, today: string): Promise<z.infer<typeof kpisSchema>> {
  const { snapshotDate } = await homeFigures(db, scope);
  const asOf = snapshotDate ?? today;
  const [kpis, aged] = await Promise.all([
    homeKpis(db, scope, asOf, query.entity_id, query.collector_id),
    agedBalanceBuckets(db, scope, asOf, query.entity_id, query.collector_id),
  ]);
  const labels = ["Non échu", ...(aged.agingLimits.length ? agingBucketLabels(aged.agingLimits) : [])];
  return {
    as_of: snapshotDate,
    entity_id: query.entity_id ?? null,
    collector_id: query.collector_id ?? null,
    ...presentFigures(kpis.current),
    cei_month: kpis.ceiMonth,
    aged_balance: {
      aging_limits: aged.agingLimits,
      clients: aged.clients,
      buckets: aged.buckets.map((b, i) => ({
        label: labels[i] ?? `Tranche ${i}`,
        ...bucketRange(i, aged.agingLimits),
        amount: toMoney(b.amount),
        clients: b.clients,
      })),
    },
    previous: kpis.previous ? { date: kpis.previousDate, ...presentFigures(kpis.previous) } : null,
  };
}
