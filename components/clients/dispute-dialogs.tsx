"use client";

import { Flag, FlagOff } from "lucide-react";
import { closeDisputeAction, flagDisputeAction } from "@/app/(app)/clients/[id]/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
import { Field } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Doc = { id: number; number: string; disputed: boolean; disputeReason?: string | null };

/**
 * Flags a pièce in dispute, or lifts its dispute. One dialog for both, so that the button that opened it is the
 * same element once the pièce has changed state and keeps the keyboard focus.
 */
export function DisputeDialog({ clientId, doc }: { clientId: string; doc: Doc }) {
  const lift = doc.disputed;
  return (
    <ActionDialog
      trigger={
        <Button
          variant="ghost"
          size="icon"
          className="size-7"
          aria-label={lift ? `Lever le litige sur ${doc.number}` : `Marquer ${doc.number} en litige`}
          title={lift ? "Lever le litige" : "Marquer en litige"}
        >
          {lift ? <FlagOff className="size-3.5" /> : <Flag className="size-3.5" />}
        </Button>
      }
      title={lift ? `Lever le litige sur ${doc.number}` : `Mettre ${doc.number} en litige`}
      description={
        lift
          ? `Le litige qui couvre la pièce sera clos et ses pièces de nouveau relancées.${doc.disputeReason ? ` Motif du litige : ${doc.disputeReason}` : ""}`
          : "Une pièce en litige ne fait plus l'objet de relances automatiques tant que le litige n'est pas levé."
      }
      submitLabel={lift ? "Lever le litige" : "Marquer en litige"}
      action={lift ? closeDisputeAction : flagDisputeAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="documentId" value={doc.id} />
      {!lift && (
        <Field name="reason" label="Motif du litige">
          {(p) => <Input {...p} placeholder="Ex. : marchandise non conforme" required minLength={3} maxLength={200} />}
        </Field>
      )}
    </ActionDialog>
  );
}
