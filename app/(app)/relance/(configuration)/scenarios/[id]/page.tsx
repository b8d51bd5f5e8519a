import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ScenarioDeleteButton } from "@/components/relance/scenario-delete-button";
import { ScenarioEditor } from "@/components/relance/scenario-editor";
import { getScenario, listTemplateChoices } from "@/db/queries/scenarios";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Modifier le scénario" };

export default async function EditScenarioPage({ params }: { params: Promise<{ id: string }> }) {
  const { db } = await requireUser("relance.configure");
  const { id } = await params;
  const [scenario, templates] = await Promise.all([getScenario(db, id), listTemplateChoices(db)]);
  if (!scenario) notFound();
  return (
    <div className="max-w-5xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href="/relance/scenarios" className="text-sm text-muted-foreground hover:underline">
            ← Scénarios
          </Link>
          <h1 className="text-2xl font-semibold">{scenario.name}</h1>
        </div>
        <ScenarioDeleteButton id={scenario.id} name={scenario.name} redirectTo="/relance/scenarios" />
      </div>
      <ScenarioEditor key={scenario.id} scenario={scenario} templates={templates} />
    </div>
  );
}
