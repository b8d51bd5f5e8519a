import type { Metadata } from "next";
import Link from "next/link";
import { AlertEditor } from "@/components/alerts/alert-editor";
import { loadCriteriaChoices } from "@/components/relance/group-editor-data";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouvelle alerte" };

export default async function NewAlertPage() {
  const { db } = await requireUser("relance.work");
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/relance/alertes" className="text-sm text-muted-foreground hover:underline">
          ← Alertes
        </Link>
        <h2 className="text-xl font-semibold">Nouvelle alerte</h2>
        <p className="text-sm text-muted-foreground">Les clients de votre portefeuille qui remplissent tous les critères seront signalés.</p>
      </div>
      <AlertEditor {...await loadCriteriaChoices(db)} />
    </div>
  );
}
