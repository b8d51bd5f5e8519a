import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/import/import-wizard";
import { Button } from "@/components/ui/button";
import { listImportProfiles } from "@/db/queries/import-profiles";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const { db } = await requireUser("imports.run");
  const profiles = (await listImportProfiles(db)).map(({ name, kind, settings }) => ({ name, kind, mode: settings.mode }));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Import</h1>
          <p className="text-sm text-muted-foreground">
            Clients, pièces comptables, FEC ou règlements exportés de votre ERP : Excel (.xlsx), CSV ou TXT, {env.IMPORT_MAX_MEGABYTES} Mo au maximum.
          </p>
        </div>
        <Button asChild variant="outline">
          <Link href="/import/historique">Historique des imports</Link>
        </Button>
      </div>
      <ImportWizard profiles={profiles} />
    </div>
  );
}
