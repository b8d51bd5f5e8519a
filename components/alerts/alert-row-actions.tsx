"use client";

import { deleteAlertAction } from "@/app/(app)/relance/(agenda)/alertes/actions";
import { EditDeleteButtons } from "@/components/forms/edit-delete-buttons";

export function AlertRowActions({ id, name }: { id: string; name: string }) {
  return (
    <div className="flex items-center gap-1">
      <EditDeleteButtons
        id={id}
        name={name}
        editHref={`/relance/alertes/${id}`}
        deleteTitle={`Supprimer l'alerte « ${name} » ?`}
        deleteDescription="Les clients concernés ne seront plus signalés."
        deleteAction={deleteAlertAction}
      />
    </div>
  );
}
