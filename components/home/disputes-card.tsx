import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { Queryable } from "@/db/client";
import { getDisputeSummary } from "@/db/queries/dispute-cases";
import type { Scope } from "@/lib/auth/scope";
import { formatInteger, formatMoney } from "@/lib/format/fr";

/** The home's « Litiges » card: the cases being worked in the user's scope and how long resolving one takes. */
export async function DisputesCard({ db, scope, today }: { db: Queryable; scope: Scope; today: string }) {
  const summary = await getDisputeSummary(db, scope, today);
  const average = summary.averageResolutionDays;
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <Link href="/litiges" className="hover:underline">
            Litiges
          </Link>
        </CardTitle>
        <CardDescription>Litiges en cours de traitement sur votre périmètre</CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-3 gap-4 text-sm">
          <div>
            <dt className="text-muted-foreground">En cours</dt>
            <dd className="tabular text-xl font-semibold">{formatInteger(summary.openCount)}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Montant en litige</dt>
            <dd className="tabular text-xl font-semibold">{formatMoney(summary.openAmount)}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Résolution moyenne</dt>
            <dd className="tabular text-xl font-semibold">
              {average === null ? "—" : `${average.toLocaleString("fr-FR", { maximumFractionDigits: 1 })} j`}
            </dd>
          </div>
        </dl>
        <p className="mt-3 text-xs text-muted-foreground">
          Durée moyenne entre l&apos;ouverture et la résolution des {formatInteger(summary.resolvedCount)} litiges résolus ou clos sur 12 mois.{" "}
          <Link href="/litiges" className="underline underline-offset-2">
            Voir les litiges
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
