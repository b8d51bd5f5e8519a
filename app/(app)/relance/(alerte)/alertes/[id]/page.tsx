import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AlertEditor } from "@/components/alerts/alert-editor";
import { loadCriteriaChoices } from "@/components/relance/group-editor-data";
import { getAlert } from "@/db/queries/alerts";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";

export const metadata: Metadata = { title: "Modifier l'alerte" };

export default async function EditAlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, scope } = await requireUser("relance.work");
  const { id } = await params;
  const alert = isUuid(id) ? await getAlert(db, scope, id) : null;
  if (!alert) notFound();
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/relance/alertes" className="text-sm text-muted-foreground hover:underline">
          ← Alertes
        </Link>
        <h2 className="text-xl font-semibold">{alert.name}</h2>
      </div>
      <AlertEditor alert={{ id: alert.id, name: alert.name, criteria: alert.criteria }} {...await loadCriteriaChoices(db)} />
    </div>
  );
}
