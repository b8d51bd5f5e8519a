import type { Metadata } from "next";
import Link from "next/link";
import { ScenarioEditor } from "@/components/relance/scenario-editor";
import { listTemplateChoices } from "@/db/queries/scenarios";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouveau scénario" };

export default async function NewScenarioPage() {
  const { db } = await requireUser("relance.configure");
  const templates = await listTemplateChoices(db);
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <Link href="/relance/scenarios" className="text-sm text-muted-foreground hover:underline">
          ← Scénarios
        </Link>
        <h1 className="text-2xl font-semibold">Nouveau scénario</h1>
        <p className="text-sm text-muted-foreground">Les étapes s&apos;appliquent à chaque facture ouverte, à partir de son échéance.</p>
      </div>
      <ScenarioEditor templates={templates} />
    </div>
  );
}
