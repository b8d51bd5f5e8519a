"use client";

import { Pause, Pencil, Play } from "lucide-react";
import { assignClientAction, pauseRemindersAction, resumeRemindersAction, setForcedGroupAction } from "@/app/(app)/clients/[id]/actions";
import { ActionDialog } from "@/components/forms/action-dialog";
import { Field, selectClassName } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { type Role, roleLabels } from "@/lib/auth/roles";

type Person = { id: string; name: string; role: Role };
type GroupChoice = { id: string; name: string; scenarioName: string | null };

// A dialog trigger (asChild) hands its handlers and ref down as props: they must reach the button.
function EditButton({ label, ...props }: React.ComponentProps<typeof Button> & { label: string }) {
  return (
    <Button variant="ghost" size="icon" className="size-7" aria-label={label} title={label} {...props}>
      <Pencil className="size-3.5" />
    </Button>
  );
}

export function AssignDialog({
  clientId,
  assignment,
  currentId,
  people,
}: {
  clientId: string;
  assignment: "collector" | "salesRep";
  currentId: string | null;
  people: Person[];
}) {
  const collector = assignment === "collector";
  const label = collector ? "Chargé de recouvrement" : "Commercial";
  const choices = people.filter((p) => (collector ? p.role === "collector" || p.role === "supervisor" : p.role === "sales"));
  return (
    <ActionDialog
      trigger={<EditButton label={collector ? "Changer le chargé de recouvrement" : "Changer le commercial"} />}
      title={collector ? "Changer le chargé de recouvrement" : "Changer le commercial"}
      description={collector ? "Le client passe dans le portefeuille choisi ; l'ancien chargé ne le verra plus." : undefined}
      submitLabel="Enregistrer"
      action={assignClientAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="assignment" value={assignment} />
      <Field name="userId" label={label}>
        {(p) => (
          <select {...p} defaultValue={currentId ?? ""} className={selectClassName} required={collector}>
            <option value="" disabled={collector}>
              {collector ? "Choisir…" : "Aucun commercial"}
            </option>
            {choices.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
                {collector && person.role === "supervisor" ? ` (${roleLabels.supervisor})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
    </ActionDialog>
  );
}

export function ForcedGroupDialog({ clientId, forcedGroupId, groups }: { clientId: string; forcedGroupId: string | null; groups: GroupChoice[] }) {
  return (
    <ActionDialog
      trigger={<EditButton label="Changer le groupe" />}
      title="Groupe de relance"
      description="En automatique, le client rejoint le premier groupe dont il remplit les critères lors du traitement de nuit."
      submitLabel="Enregistrer"
      action={setForcedGroupAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <Field name="groupId" label="Groupe">
        {(p) => (
          <select {...p} defaultValue={forcedGroupId ?? ""} className={selectClassName}>
            <option value="">Automatique (selon les critères)</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
                {group.scenarioName ? ` — ${group.scenarioName}` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      {groups.length === 0 && <p className="text-sm text-muted-foreground">Aucun groupe défini : seul le mode automatique est possible.</p>}
    </ActionDialog>
  );
}

export function PauseDialog({ clientId, today }: { clientId: string; today: string }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="outline" size="sm">
          <Pause className="size-3.5" aria-hidden="true" /> Suspendre les relances
        </Button>
      }
      title="Suspendre les relances"
      description="Aucune relance ne part pour ce client jusqu'à la date choisie incluse."
      submitLabel="Suspendre"
      action={pauseRemindersAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <Field name="until" label="Jusqu'au">
        {(p) => <Input {...p} type="date" min={today} required />}
      </Field>
      <Field name="reason" label="Motif">
        {(p) => <Input {...p} placeholder="Ex. : échéancier accordé, procédure collective…" required minLength={3} maxLength={200} />}
      </Field>
    </ActionDialog>
  );
}

export function ResumeDialog({ clientId }: { clientId: string }) {
  return (
    <ActionDialog
      trigger={
        <Button variant="outline" size="sm">
          <Play className="size-3.5" aria-hidden="true" /> Reprendre les relances
        </Button>
      }
      title="Reprendre les relances"
      description="Les relances de ce client reprennent dès le prochain traitement."
      submitLabel="Reprendre"
      action={resumeRemindersAction}
    >
      <input type="hidden" name="clientId" value={clientId} />
    </ActionDialog>
  );
}
