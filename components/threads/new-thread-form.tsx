"use client";

import { useState, useTransition } from "react";
import { createThreadAction } from "@/app/(app)/discussions/actions";
import { Field, FieldErrorsContext, selectClassName } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { draftToBody, type MentionChoice } from "@/lib/collaboration/mention-draft";
import { type ThreadSubject, type ThreadTarget, threadSubjectLabels, threadSubjects } from "@/lib/collaboration/subjects";
import { MentionTextarea } from "./mention-textarea";

/** « Nouvelle discussion »: subject, title and first message (with @ mentions) on the panel's target. */
export function NewThreadForm({
  target,
  defaultSubject = "autre",
  onCreated,
  onCancel,
}: {
  target: ThreadTarget;
  defaultSubject?: ThreadSubject;
  onCreated: (threadId: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<MentionChoice[]>([]);
  const [errors, setErrors] = useState<{ error: string; fields: Record<string, string[]> } | null>(null);
  const [pending, startTransition] = useTransition();

  return (
    <FieldErrorsContext.Provider value={errors?.fields ?? {}}>
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          startTransition(async () => {
            const result = await createThreadAction(null, {
              ...target,
              subject: String(form.get("subject")),
              title: String(form.get("title")),
              body: draftToBody(text, chosen),
            });
            if (result.ok) onCreated(result.data.threadId);
            else setErrors({ error: result.error, fields: result.fieldErrors ?? {} });
          });
        }}
      >
        <h3 className="text-base font-semibold">Nouvelle discussion</h3>
        {errors && (
          <Alert variant="destructive">
            <AlertDescription>{errors.error}</AlertDescription>
          </Alert>
        )}
        <Field name="subject" label="Sujet">
          {(props) => (
            <select {...props} className={selectClassName} defaultValue={defaultSubject}>
              {threadSubjects.map((subject) => (
                <option key={subject} value={subject}>
                  {threadSubjectLabels[subject]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="title" label="Titre">
          {(props) => <Input {...props} maxLength={200} required placeholder="Avoir attendu sur la facture F-1024" />}
        </Field>
        <Field name="body" label="Message">
          {(props) => (
            <MentionTextarea
              {...props}
              rows={4}
              maxLength={5000}
              value={text}
              onChange={setText}
              onChosen={(person) => setChosen((previous) => [...previous, person])}
              placeholder="@ pour mentionner quelqu’un"
            />
          )}
        </Field>
        <div className="flex justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onCancel}>
            Annuler
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Création…" : "Ouvrir la discussion"}
          </Button>
        </div>
      </form>
    </FieldErrorsContext.Provider>
  );
}
