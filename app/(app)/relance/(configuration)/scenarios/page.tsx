import { Pencil, Plus, Route } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ScenarioForecastSection, ScenarioForecastSkeleton } from "@/components/relance/scenario-forecast-section";
import { ScenarioDeleteButton } from "@/components/relance/scenario-delete-button";
import { ScenarioStepList } from "@/components/relance/scenario-step-list";
import { ScenarioTimeline } from "@/components/relance/scenario-timeline";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { listScenarios } from "@/db/queries/scenarios";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Scénarios" };

const stepsLabel = (n: number) => `${n} étape${n > 1 ? "s" : ""}`;

export default async function ScenariosPage({ searchParams }: { searchParams: Promise<{ previsions?: string | string[] }> }) {
  const { db } = await requireUser("relance.configure");
  const [scenarios, search] = await Promise.all([listScenarios(db), searchParams]);
  const chosen = typeof search.previsions === "string" && isUuid(search.previsions) ? search.previsions : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Scénarios</h1>
          <p className="text-sm text-muted-foreground">
            Les étapes de relance d&apos;une facture, datées par rapport à son échéance. Chaque groupe de clients suit un scénario.
          </p>
        </div>
        <Button asChild>
          <Link href="/relance/scenarios/nouveau">
            <Plus aria-hidden="true" /> Nouveau scénario
          </Link>
        </Button>
      </div>
      {scenarios.length === 0 ? (
        <EmptyState
          icon={Route}
          title="Aucun scénario"
          description="Un scénario enchaîne les relances d'une facture : e-mail avant l'échéance, appel, courrier, mise en demeure. Créez-en un pour l'associer à vos groupes."
          action={
            <Button asChild>
              <Link href="/relance/scenarios/nouveau">Créer un scénario</Link>
            </Button>
          }
        />
      ) : (
        <ul className="space-y-4" aria-label="Scénarios">
          {scenarios.map((scenario) => (
            <li key={scenario.id}>
              <article aria-labelledby={`scenario-${scenario.id}`} className="rounded-lg border bg-card p-4">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0 space-y-1">
                    <h2 id={`scenario-${scenario.id}`} className="flex items-center gap-2 text-base font-semibold">
                      <Link href={`/relance/scenarios/${scenario.id}`} className="hover:underline">
                        {scenario.name}
                      </Link>
                      <Badge variant="secondary">{stepsLabel(scenario.steps.length)}</Badge>
                    </h2>
                    {scenario.description && <p className="text-sm text-muted-foreground">{scenario.description}</p>}
                    <p className="text-sm">
                      {scenario.groups.length === 0 ? (
                        <span className="text-muted-foreground">Utilisé par aucun groupe</span>
                      ) : (
                        <>
                          <span className="text-muted-foreground">Utilisé par {scenario.groups.length > 1 ? "les groupes" : "le groupe"} </span>
                          {scenario.groups.map((g, i) => (
                            <span key={g}>
                              {i > 0 && ", "}
                              <strong className="font-medium">{g}</strong>
                            </span>
                          ))}
                        </>
                      )}
                    </p>
                  </div>
                  <div className="flex items-center gap-1">
                    <Button variant="ghost" size="icon" asChild>
                      <Link href={`/relance/scenarios/${scenario.id}`} aria-label={`Modifier « ${scenario.name} »`} title="Modifier">
                        <Pencil aria-hidden="true" />
                      </Link>
                    </Button>
                    <ScenarioDeleteButton id={scenario.id} name={scenario.name} iconOnly />
                  </div>
                </div>
                <div className="mt-3 grid items-center gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
                  <ScenarioTimeline compact steps={scenario.steps.map((s) => ({ ...s, key: s.id }))} />
                  <ScenarioStepList steps={scenario.steps} />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {scenarios.length > 0 && (
        <Suspense key={chosen} fallback={<ScenarioForecastSkeleton />}>
          <ScenarioForecastSection db={db} date={today()} scenarioId={chosen} scenarios={scenarios} />
        </Suspense>
      )}
    </div>
  );
}
