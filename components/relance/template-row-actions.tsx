"use client";

import { deleteTemplateAction } from "@/app/(app)/relance/(configuration)/modeles/actions";
import { EditDeleteButtons } from "@/components/forms/edit-delete-buttons";

/** Modifier / Supprimer for one template of the list. */
export function TemplateRowActions({ id, name, usedBy }: { id: string; name: string; usedBy: string[] }) {
  return (
    <div className="flex items-center justify-end gap-1">
      <EditDeleteButtons
        id={id}
        name={name}
        editHref={`/relance/modeles/${id}`}
        deleteTitle={`Supprimer le modèle « ${name} » ?`}
        deleteDescription={
          usedBy.length > 0
            ? "Ce modèle est utilisé par un scénario : il faut d'abord le retirer de ses étapes."
            : "Le modèle sera définitivement supprimé. Les relances déjà envoyées gardent leur contenu."
        }
        deleteAction={deleteTemplateAction}
      />
    </div>
  );
}
