"use client";

import { saveDigestAction } from "@/app/(app)/notifications/actions";
import { InlineActionForm } from "@/components/relance/agenda/inline-action-form";
import { Button } from "@/components/ui/button";

/** « Résumé par e-mail »: the user's own choice of the daily digest of unread notifications. */
export function DigestForm({ on }: { on: boolean }) {
  return (
    <InlineActionForm action={saveDigestAction} label="Résumé par e-mail" className="space-y-3">
      {(pending) => (
        <>
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" name="digest" defaultChecked={on} className="mt-0.5 size-4 accent-primary" />
            <span>
              Recevoir chaque jour ouvré, à 7 h, un e-mail des notifications non lues arrivées depuis le précédent
              <span className="block text-muted-foreground">Aucun e-mail quand tout est lu.</span>
            </span>
          </label>
          <Button type="submit" size="sm" variant="outline" disabled={pending}>
            Enregistrer
          </Button>
        </>
      )}
    </InlineActionForm>
  );
}
