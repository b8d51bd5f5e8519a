import type { Metadata } from "next";
import { AbsenceDialog, CreateUserDialog, EditUserDialog, EndAbsenceButton, TransferDialog } from "@/components/settings/user-dialogs";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listEntities, listUsers } from "@/db/queries/users";
import { roleLabels } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { formatDate, formatInteger } from "@/lib/format/fr";

export const metadata: Metadata = { title: "Utilisateurs" };

export default async function UsersPage() {
  const { db } = await requireUser("users.manage");
  const [users, entities] = await Promise.all([listUsers(db), listEntities(db)]);
  const date = today();
  const names = new Map(users.map((u) => [u.id, u.name]));
  const people = users.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name, role: u.role }));
  const collectors = people.filter((u) => u.role === "collector");
  const entityCodes = new Map(entities.map((e) => [e.id, e.code]));

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <p className="text-sm text-muted-foreground">{users.length} utilisateurs</p>
        <CreateUserDialog entities={entities} />
      </div>
      <div className="rounded-lg border bg-card">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Nom</TableHead>
              <TableHead>Rôle</TableHead>
              <TableHead>Sociétés</TableHead>
              <TableHead className="text-right">Portefeuille</TableHead>
              <TableHead>Absence</TableHead>
              <TableHead>Statut</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.map((user) => {
              const absent = user.absenceFrom && user.absenceTo && user.absenceFrom <= date && date <= user.absenceTo;
              return (
                <TableRow key={user.id}>
                  <TableCell>
                    <p className="font-medium">{user.name}</p>
                    <p className="text-xs text-muted-foreground">{user.email}</p>
                  </TableCell>
                  <TableCell>{roleLabels[user.role]}</TableCell>
                  <TableCell>{user.entityIds.map((id) => entityCodes.get(id)).join(", ") || "—"}</TableCell>
                  <TableCell className="tabular text-right">
                    {user.role === "collector" ? `${formatInteger(user.portfolioSize)} clients` : "—"}
                  </TableCell>
                  <TableCell className="text-sm">
                    {user.absenceFrom && user.absenceTo ? (
                      <div>
                        <span className={absent ? "font-medium text-warning-foreground" : ""}>
                          {formatDate(user.absenceFrom)} → {formatDate(user.absenceTo)}
                        </span>
                        <p className="text-xs text-muted-foreground">
                          Remplacé par {names.get(user.coveringUserId ?? "") ?? "—"} · <EndAbsenceButton user={user} />
                        </p>
                      </div>
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TableCell>
                  <TableCell>
                    {user.active ? <Badge variant="success">Actif</Badge> : <Badge variant="secondary">Désactivé</Badge>}
                  </TableCell>
                  <TableCell className="text-right whitespace-nowrap">
                    <EditUserDialog user={user} entities={entities} />
                    {user.role === "collector" && (
                      <>
                        <AbsenceDialog user={user} colleagues={people} />
                        <TransferDialog user={user} collectors={collectors} />
                      </>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
