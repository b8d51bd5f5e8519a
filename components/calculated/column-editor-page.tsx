import Link from "next/link";
import type { Db } from "@/db/client";
import { listCalculatedColumns } from "@/db/queries/calculated-columns";
import { listClientCustomFields } from "@/db/queries/clients";
import { ColumnEditor, type EditedColumn } from "./column-editor";

/** The editor's page: a way back to the list, the title, and what the reference panel lists. */
export async function ColumnEditorPage({ db, title, column }: { db: Db; title: string; column?: EditedColumn }) {
  const [columns, customFields] = await Promise.all([listCalculatedColumns(db), listClientCustomFields(db)]);
  return (
    <div className="space-y-4">
      <div>
        <Link href="/parametrage/colonnes" className="text-sm text-muted-foreground hover:underline">
          ← Colonnes calculées
        </Link>
        <h2 className="text-xl font-semibold">{title}</h2>
      </div>
      <ColumnEditor
        column={column && { id: column.id, name: column.name, type: column.type, formula: column.formula, description: column.description }}
        otherColumns={columns.filter((c) => c.id !== column?.id).map((c) => c.name)}
        customFields={customFields}
      />
    </div>
  );
}
