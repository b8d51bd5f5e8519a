"use client";

import { deleteCalculatedColumnAction } from "@/app/(app)/parametrage/colonnes/actions";
import { EditDeleteButtons } from "@/components/forms/edit-delete-buttons";

export function ColumnRowActions({ id, name }: { id: string; name: string }) {
  return (
    <EditDeleteButtons
      id={id}
      name={name}
      editHref={`/parametrage/colonnes/${id}`}
      deleteTitle={`Supprimer la colonne « ${name} »`}
      deleteDescription="Ses valeurs disparaissent de la liste des clients et des exports. Une colonne utilisée par un groupe, une alerte ou une autre colonne ne peut pas être supprimée."
      deleteAction={deleteCalculatedColumnAction}
    />
  );
}
