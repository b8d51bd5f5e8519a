import type { Metadata } from "next";
import { ColumnEditorPage } from "@/components/calculated/column-editor-page";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouvelle colonne calculée" };

export default async function NewCalculatedColumnPage() {
  const { db } = await requireUser("calculated.manage");
  return <ColumnEditorPage db={db} title="Nouvelle colonne calculée" />;
}
