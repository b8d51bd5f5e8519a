"use client";

import { Pencil, Plane, UserPlus, Users } from "lucide-react";
import {
  createUserAction,
  setAbsenceAction,
  transferPortfolioAction,
  updateUserAction,
} from "@/app/(app)/parametrage/utilisateurs/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
import { CivilityField } from "@/components/forms/civility-field";
import { Field, selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { UserRow } from "@/db/queries/users";
import { type Role, roleLabels, roles } from "@/lib/auth/roles";

type Entity = { id: string; code: string; name: string };
type Person = { id: string; name: string; role: Role };

function UserFields({ user, entities }: { user?: UserRow; entities: Entity[] }) {
  return (
    <>
      <div className="grid grid-cols-[8.5rem_1fr] gap-3">
        <CivilityField value={user?.civility} />
        <Field name="name" label="Nom complet">
          {(p) => <Input {...p} defaultValue={user?.name} required />}
        </Field>
      </div>
      <Field name="email" label="Adresse e-mail">
        {(p) => <Input {...p} type="email" defaultValue={user?.email} required />}
      </Field>
      <Field name="phone" label="Téléphone">
        {(p) => <Input {...p} type="tel" defaultValue={user?.phone ?? ""} />}
      </Field>
      <Field name="role" label="Rôle">
        {(p) => (
          <select {...p} defaultValue={user?.role ?? "collector"} className={selectClassName}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Sociétés</legend>
        {entities.map((entity) => (
          <label key={entity.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="entityIds[]" value={entity.id} defaultChecked={user ? user.entityIds.includes(entity.id) : true} className="size-4 accent-primary" />
            {entity.name}
          </label>
        ))}
      </fieldset>
    </>
  );
}

export function CreateUserDialog({ entities }: { entities: Entity[] }) {
  return (
    <ActionDialog
      trigger={
        <Button>
          <UserPlus className="size-4" aria-hidden="true" /> Nouvel utilisateur
        </Button>
      }
      title="Nouvel utilisateur"
      description="Le mot de passe initial est à transmettre à l'utilisateur."
      submitLabel="Créer l'utilisateur"
      action={createUserAction}
    >
      <UserFields entities={entities} />
      <Field name="password" label="Mot de passe initial (10 caractères minimum)">
        {(p) => <Input {...p} type="password" autoComplete="new-password" required />}
      </Field>
    </ActionDialog>
  );
}

export function EditUserDialog({ user, entities }: { user: UserRow; entities: Entity[] }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Modifier ${user.name}`}>
          <Pencil className="size-4" />
        </Button>
      }
      title={`Modifier ${user.name}`}
      submitLabel="Enregistrer"
      action={updateUserAction}
    >
      <input type="hidden" name="id" value={user.id} />
      <UserFields user={user} entities={entities} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="active" value="on" defaultChecked={user.active} className="size-4 accent-primary" />
        Compte actif (un compte désactivé ne peut plus se connecter)
      </label>
    </ActionDialog>
  );
}

export function AbsenceDialog({ user, colleagues }: { user: UserRow; colleagues: Person[] }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Absence de ${user.name}`}>
          <Plane className="size-4" />
        </Button>
      }
      title={`Absence de ${user.name}`}
      description="Pendant l'absence, le remplaçant voit et traite les clients du portefeuille."
      submitLabel="Enregistrer l'absence"
      action={setAbsenceAction}
    >
      <input type="hidden" name="userId" value={user.id} />
      <div className="grid grid-cols-2 gap-3">
        <Field name="from" label="Du">
          {(p) => <Input {...p} type="date" defaultValue={user.absenceFrom ?? ""} required />}
        </Field>
        <Field name="to" label="Au">
          {(p) => <Input {...p} type="date" defaultValue={user.absenceTo ?? ""} required />}
        </Field>
      </div>
      <Field name="coveringUserId" label="Remplaçant">
        {(p) => (
          <select {...p} defaultValue={user.coveringUserId ?? ""} className={selectClassName} required>
            <option value="" disabled>
              Choisir…
            </option>
            {colleagues
              .filter((c) => c.id !== user.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({roleLabels[c.role]})
                </option>
              ))}
          </select>
        )}
      </Field>
    </ActionDialog>
  );
}

export function EndAbsenceButton({ user }: { user: UserRow }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="link" size="sm" className="h-auto p-0 text-xs">
          Mettre fin
        </Button>
      }
      title={`Mettre fin à l'absence de ${user.name}`}
      description="Le remplaçant ne verra plus ce portefeuille."
      submitLabel="Mettre fin à l'absence"
      action={setAbsenceAction}
    >
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="clear" value="yes" />
    </ActionDialog>
  );
}

export function TransferDialog({ user, collectors }: { user: UserRow; collectors: Person[] }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Transférer le portefeuille de ${user.name}`}>
          <Users className="size-4" />
        </Button>
      }
      title={`Transférer le portefeuille de ${user.name}`}
      description={`Les ${user.portfolioSize} clients de ce portefeuille passent définitivement au collaborateur choisi.`}
      submitLabel="Transférer"
      action={transferPortfolioAction}
    >
      <input type="hidden" name="fromUserId" value={user.id} />
      <Field name="toUserId" label="Nouveau chargé de recouvrement">
        {(p) => (
          <select {...p} defaultValue="" className={selectClassName} required>
            <option value="" disabled>
              Choisir…
            </option>
            {collectors
              .filter((c) => c.id !== user.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        )}
      </Field>
    </ActionDialog>
  );
}
