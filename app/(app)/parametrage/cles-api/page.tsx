import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { listApiKeys } from "@/db/queries/api-keys";
import { listUsers } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { createApiKeyForUserAction, revokeAnyApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "Clés d'API" };

export default async function AllApiKeysPage() {
  const { db, scope } = await requireUser("apiKeys.manage");
  const [keys, users] = await Promise.all([listApiKeys(db, scope, true), listUsers(db)]);
  const owners = users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, role: u.role }));
  const active = keys.filter((k) => !k.revokedAt).length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <p className="text-sm text-muted-foreground">
          {keys.length === 0 ? "Aucune clé" : `${keys.length} clé${keys.length > 1 ? "s" : ""}, dont ${active} non révoquée${active > 1 ? "s" : ""}`} ·
          chaque clé agit avec le rôle et le portefeuille de son titulaire ·{" "}
          {/* Not a <Link>: the documentation is no page of the app, and a prefetch of it never settles. */}
          <a href="/api/docs" className="font-medium text-primary underline-offset-4 hover:underline">
            Documentation de l&apos;API
          </a>
        </p>
        <CreateApiKeyDialog action={createApiKeyForUserAction} owners={owners} minDate={today()} />
      </div>
      <ApiKeysTable keys={keys} showOwner revoke={revokeAnyApiKeyAction} now={new Date()} />
    </div>
  );
}
