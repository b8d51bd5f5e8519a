import { KeyRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ActionResult } from "@/lib/auth/action";
import { type Role, roleLabels } from "@/lib/auth/roles";
import { today } from "@/lib/dates";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/format/fr";
import { keyStatus, keyStatusLabels, lastUseLabel } from "./key-dates";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  readOnly: boolean;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
  userName: string;
  userRole: Role;
};

type RevokeAction = (previous: ActionResult<undefined> | null, form: FormData) => Promise<ActionResult<undefined>>;

const statusVariants = { active: "success", revoked: "secondary", expired: "warning" } as const;

/** The last day a key works: it stops at the midnight that follows. */
const lastValidDay = (expiresAt: Date) => today(env.COMPANY_TIMEZONE, new Date(expiresAt.getTime() - 1));

/** Keys, newest first; `showOwner` for the administrators' list of everyone's keys. */
export function ApiKeysTable({ keys, showOwner = false, revoke, now }: { keys: ApiKeyRow[]; showOwner?: boolean; revoke: RevokeAction; now: Date }) {
  if (keys.length === 0) {
    return (
      <EmptyState
        icon={KeyRound}
        title="Aucune clé d'API"
        description={
          showOwner
            ? "Personne n'a encore créé de clé. Une clé permet à un outil (tableur, BI, ERP) de lire ou d'écrire dans Encaisse au nom d'un utilisateur."
            : "Une clé permet à un outil (tableur, BI, ERP) de lire ou d'écrire dans Encaisse en votre nom, avec vos droits."
        }
      />
    );
  }
  return (
    <div className="rounded-lg border bg-card">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Nom</TableHead>
            <TableHead>Préfixe</TableHead>
            {showOwner && <TableHead>Titulaire</TableHead>}
            <TableHead>Accès</TableHead>
            <TableHead>Valable jusqu&apos;au</TableHead>
            <TableHead>Dernière utilisation</TableHead>
            <TableHead>Statut</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {keys.map((key) => {
            const status = keyStatus(key, now);
            return (
              <TableRow key={key.id}>
                <TableCell>
                  <p className="font-medium">{key.name}</p>
                  <p className="text-xs text-muted-foreground">Créée le {formatDateTime(key.createdAt)}</p>
                </TableCell>
                <TableCell>
                  <code className="text-xs">{key.prefix}…</code>
                </TableCell>
                {showOwner && (
                  <TableCell>
                    <p>{key.userName}</p>
                    <p className="text-xs text-muted-foreground">{roleLabels[key.userRole]}</p>
                  </TableCell>
                )}
                <TableCell>{key.readOnly ? "Lecture seule" : "Lecture et écriture"}</TableCell>
                <TableCell>{key.expiresAt ? formatDate(lastValidDay(key.expiresAt)) : "Sans limite"}</TableCell>
                <TableCell>
                  {key.lastUsedAt ? <time dateTime={key.lastUsedAt.toISOString()} title={formatDateTime(key.lastUsedAt)}>{lastUseLabel(key.lastUsedAt, now)}</time> : "jamais"}
                </TableCell>
                <TableCell>
                  <Badge variant={statusVariants[status]}>{keyStatusLabels[status]}</Badge>
                </TableCell>
                <TableCell className="text-right">
                  {status !== "revoked" && <RevokeApiKeyButton keyId={key.id} name={key.name} prefix={key.prefix} action={revoke} />}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
