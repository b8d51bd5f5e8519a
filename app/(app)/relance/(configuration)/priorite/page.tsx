import type { Metadata } from "next";
import { PriorityWeightsForm } from "@/components/relance/priority-weights-form";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { getOption } from "@/db/queries/settings";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Priorité des actions" };

export default async function PriorityPage() {
  const { db } = await requireUser("relance.configure");
  const weights = await getOption(db, "worklistPriority");
  return (
    <Card>
      <CardHeader>
        {/* The page's own title: the configuration tabs above have none. */}
        <h1 className="text-base font-semibold leading-tight">Priorité des actions manuelles</h1>
        <CardDescription>
          L&apos;agenda classe les actions du jour et en retard par priorité : la somme, pour chaque critère, de son poids multiplié par
          sa valeur. Un poids de 0 ignore le critère. Le détail du calcul s&apos;affiche au survol de la priorité de chaque action.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <PriorityWeightsForm weights={weights} />
      </CardContent>
    </Card>
  );
}
