import type { Metadata } from "next";
import Link from "next/link";
import { GroupEditor } from "@/components/relance/group-editor";
import { loadGroupEditorChoices } from "@/components/relance/group-editor-data";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouveau groupe" };

export default async function NewGroupPage() {
  const { db } = await requireUser("relance.configure");
  const choices = await loadGroupEditorChoices(db);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/relance/groupes" className="text-sm text-muted-foreground hover:underline">
          ← Groupes
        </Link>
        <h1 className="text-2xl font-semibold">Nouveau groupe</h1>
        <p className="text-sm text-muted-foreground">Le groupe sera placé en dernière position ; vous pourrez ensuite changer son rang.</p>
      </div>
      <GroupEditor {...choices} />
    </div>
  );
}
