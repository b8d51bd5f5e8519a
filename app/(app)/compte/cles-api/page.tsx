import { BookOpen } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { listApiKeys } from "@/db/queries/api-keys";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { createOwnApiKeyAction, revokeOwnApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "Clés d'API" };

export default async function OwnApiKeysPage() {
  const { db, scope } = await requireUser("apiKeys.own");
  const keys = await listApiKeys(db, scope, false);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl space-y-1">
          <h1 className="text-2xl font-semibold">Clés d&apos;API</h1>
          <p className="text-sm text-muted-foreground">
            Une clé donne accès à l&apos;API d&apos;Encaisse (<code>/api/v1</code>) en votre nom : elle voit les mêmes clients que vous et
            n&apos;a pas plus de droits que votre rôle. Envoyez-la dans l&apos;en-tête <code>Authorization: Bearer …</code>.
          </p>
          <p className="text-sm">
            {/* Not a <Link>: the documentation is no page of the app, and a prefetch of it never settles. */}
            <a href="/api/docs" className="inline-flex items-center gap-1 font-medium text-primary underline-offset-4 hover:underline">
              <BookOpen className="size-4" aria-hidden="true" /> Documentation de l&apos;API
            </a>
            {can(scope.role, "apiKeys.manage") && (
              <>
                {" · "}
                <Link href="/parametrage/cles-api" className="font-medium text-primary underline-offset-4 hover:underline">
                  Clés de tous les utilisateurs
                </Link>
              </>
            )}
          </p>
        </div>
        <CreateApiKeyDialog action={createOwnApiKeyAction} minDate={today()} />
      </div>
      <ApiKeysTable keys={keys} revoke={revokeOwnApiKeyAction} now={new Date()} />
    </div>
  );
}
