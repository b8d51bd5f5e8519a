import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GroupEditor } from "@/components/relance/group-editor";
import { loadGroupEditorChoices } from "@/components/relance/group-editor-data";
import { getGroup } from "@/db/queries/groups";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Modifier le groupe" };

export default async function EditGroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { db } = await requireUser("relance.configure");
  const { id } = await params;
  const group = await getGroup(db, id);
  if (!group) notFound();
  const choices = await loadGroupEditorChoices(db);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/relance/groupes" className="text-sm text-muted-foreground hover:underline">
          ← Groupes
        </Link>
        <h1 className="text-2xl font-semibold">{group.name}</h1>
      </div>
      <GroupEditor group={{ id: group.id, name: group.name, scenarioId: group.scenarioId, criteria: group.criteria }} {...choices} />
    </div>
  );
}
