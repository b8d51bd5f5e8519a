import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ColumnEditorPage } from "@/components/calculated/column-editor-page";
import { getCalculatedColumn } from "@/db/queries/calculated-columns";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Colonne calculée" };

export default async function EditCalculatedColumnPage({ params }: { params: Promise<{ id: string }> }) {
  const { db } = await requireUser("calculated.manage");
  const { id } = await params;
  const column = z.uuid().safeParse(id).success ? await getCalculatedColumn(db, id) : null;
  if (!column) notFound();
  return <ColumnEditorPage db={db} title={`Modifier « ${column.name} »`} column={column} />;
}
