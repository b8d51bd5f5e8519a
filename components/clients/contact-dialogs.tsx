"use client";

import { Pencil, Trash2, UserPlus } from "lucide-react";
import { createContactAction, deleteContactAction, updateContactAction } from "@/app/(app)/clients/[id]/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
import { CivilityField } from "@/components/forms/civility-field";
import { Field, selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Contact } from "@/db/schema";
import { channelLabels, contactRoleLabels, contactRoles } from "@/lib/contacts/roles";

function ContactFields({ contact }: { contact?: Contact }) {
  return (
    <>
      <div className="grid grid-cols-[8.5rem_1fr] gap-3">
        <CivilityField value={contact?.civility} />
        <Field name="name" label="Nom">
          {(p) => <Input {...p} defaultValue={contact?.name} required maxLength={120} autoComplete="off" />}
        </Field>
      </div>
      <Field name="role" label="Rôle">
        {(p) => (
          <select {...p} defaultValue={contact?.role ?? "facturation"} className={selectClassName}>
            {contactRoles.map((role) => (
              <option key={role} value={role}>
                {contactRoleLabels[role]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="email" label="Adresse e-mail">
        {(p) => <Input {...p} type="email" defaultValue={contact?.email ?? ""} maxLength={200} autoComplete="off" />}
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field name="phone" label="Téléphone">
          {(p) => <Input {...p} type="tel" defaultValue={contact?.phone ?? ""} maxLength={30} />}
        </Field>
        <Field name="mobile" label="Mobile">
          {(p) => <Input {...p} type="tel" defaultValue={contact?.mobile ?? ""} maxLength={30} />}
        </Field>
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium">Destinataire des relances</legend>
        {(Object.keys(channelLabels) as (keyof typeof channelLabels)[]).map((channel) => (
          <label key={channel} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="recipientFor[]"
              value={channel}
              defaultChecked={contact?.recipientFor.includes(channel)}
              className="size-4 accent-primary"
            />
            Destinataire des relances par {channelLabels[channel]}
          </label>
        ))}
        <p className="text-xs text-muted-foreground">Un seul destinataire par canal : cocher une case la retire aux autres contacts du client.</p>
      </fieldset>
    </>
  );
}

export function NewContactDialog({ clientId }: { clientId: string }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="outline" size="sm">
          <UserPlus className="size-3.5" aria-hidden="true" /> Ajouter un contact
        </Button>
      }
      title="Nouveau contact"
      submitLabel="Ajouter le contact"
      action={createContactAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <ContactFields />
    </ActionDialog>
  );
}

export function EditContactDialog({ clientId, contact }: { clientId: string; contact: Contact }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="ghost" size="icon" className="size-7" aria-label={`Modifier ${contact.name}`} title="Modifier">
          <Pencil className="size-3.5" />
        </Button>
      }
      title={`Modifier ${contact.name}`}
      submitLabel="Enregistrer"
      action={updateContactAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="contactId" value={contact.id} />
      <ContactFields contact={contact} />
    </ActionDialog>
  );
}

export function DeleteContactDialog({ clientId, contact }: { clientId: string; contact: Contact }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="ghost" size="icon" className="size-7 text-muted-foreground hover:text-destructive" aria-label={`Supprimer ${contact.name}`} title="Supprimer">
          <Trash2 className="size-3.5" />
        </Button>
      }
      title={`Supprimer ${contact.name} ?`}
      description={
        contact.recipientFor.length > 0
          ? "Ce contact reçoit des relances : elles n'auront plus de destinataire sur ces canaux tant qu'un autre contact n'est pas choisi."
          : "Le contact sera retiré de la fiche client."
      }
      submitLabel="Supprimer le contact"
      destructive
      action={deleteContactAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="contactId" value={contact.id} />
    </ActionDialog>
  );
}
