"use client";

import { useRef, useState, useTransition } from "react";
import { previewClientEmailAction, sendClientEmailAction } from "@/app/(app)/clients/[id]/actions";
import { Field, FieldErrorsContext, selectClassName } from "@/components/forms/field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/auth/action";
import { formatDate, formatInteger, formatMoney } from "@/lib/format/fr";
import type { ClientEmailPreview } from "@/lib/outbound/client-email";

export type ComposerDocument = { id: number; number: string; dueDate: string; openAmount: string; currency: string; daysLate: number };
export type EmailTemplateChoice = { id: string; name: string };

function PreviewPanel({ preview }: { preview: ClientEmailPreview }) {
  if (!preview.ok) {
    return (
      <Alert variant="destructive" role="alert">
        <AlertDescription>Cet e-mail ne peut pas partir : {preview.reason}.</AlertDescription>
      </Alert>
    );
  }
  const attachments = preview.attachments.map((a) => `${a.fileName} (${formatInteger(Math.max(1, Math.round(a.size / 1024)))} ko)`).join(", ");
  return (
    <section aria-label="Aperçu de l'e-mail" className="space-y-2 rounded-md border p-3">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted-foreground">À</dt>
        <dd className="break-all">{preview.recipient}</dd>
        <dt className="text-muted-foreground">Objet</dt>
        <dd>{preview.subject}</dd>
        <dt className="text-muted-foreground">Pièces jointes</dt>
        <dd>{attachments || "aucune"}</dd>
      </dl>
      <iframe title="Contenu de l'e-mail" sandbox="" srcDoc={preview.html} className="h-64 w-full rounded border bg-white" />
    </section>
  );
}

/**
 * The e-mail form of the fiche client: an e-mail template or a text of one's own, the documents it is about (or,
 * for the statement, all of them), a preview of exactly what will go out, then the sending.
 */
export function EmailComposer({
  clientId,
  requestId,
  documents,
  templates,
  statement = false,
  defaultSubject = "",
  defaultBody = "",
  onSent,
}: {
  clientId: string;
  requestId: string;
  documents: ComposerDocument[];
  templates: EmailTemplateChoice[];
  statement?: boolean;
  defaultSubject?: string;
  defaultBody?: string;
  onSent: (message?: string) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [templateId, setTemplateId] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [preview, setPreview] = useState<ClientEmailPreview | null>(null);
  const [pending, startTransition] = useTransition();
  const overdue = documents.filter((d) => d.daysLate > 0 && Number(d.openAmount) > 0);

  function run(kind: "preview" | "send") {
    const data = new FormData(form.current!);
    startTransition(async () => {
      if (kind === "preview") {
        const answer = await previewClientEmailAction(null, data);
        setResult(answer);
        setPreview(answer.ok ? answer.data : null);
        return;
      }
      const answer = await sendClientEmailAction(null, data);
      setResult(answer);
      if (answer.ok) onSent(answer.message);
    });
  }

  return (
    <form
      ref={form}
      aria-label={statement ? "Envoyer le relevé par e-mail" : "E-mail au client"}
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        run("send");
      }}
      onChange={() => setPreview(null)}
    >
      <input type="hidden" name="clientId" value={clientId} />
      <input type="hidden" name="requestId" value={requestId} />
      {statement && <input type="hidden" name="statement" value="1" />}
      {result && !result.ok && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{result.error}</AlertDescription>
        </Alert>
      )}
      <FieldErrorsContext value={result && !result.ok ? (result.fieldErrors ?? {}) : {}}>
        <Field name="templateId" label="Modèle">
          {(props) => (
            <select {...props} className={selectClassName} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              <option value="">Texte libre</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {templateId === "" && (
          <>
            <Field name="subject" label="Objet">
              {(props) => <Input {...props} defaultValue={defaultSubject} maxLength={300} />}
            </Field>
            <Field name="body" label="Message">
              {(props) => <Textarea {...props} rows={7} defaultValue={defaultBody} />}
            </Field>
          </>
        )}
        {!statement && (
          <>
            <Field name="documentIds[]" label="Pièces concernées">
              {({ id, ...rest }) => (
                <div id={id} role="group" aria-label="Pièces concernées" aria-describedby={rest["aria-describedby"]} className="max-h-40 space-y-1 overflow-y-auto rounded-md border p-2">
                  {documents.map((d) => (
                    <label key={d.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" name="documentIds[]" value={d.id} defaultChecked={overdue.length ? overdue.includes(d) : true} className="accent-primary" />
                      <span className="font-mono">{d.number}</span>
                      <span className="text-muted-foreground">
                        {formatMoney(d.openAmount, d.currency)} · échéance {formatDate(d.dueDate)}
                      </span>
                    </label>
                  ))}
                </div>
              )}
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="attachDocuments" value="1" defaultChecked className="accent-primary" />
              Joindre la liste des pièces (PDF)
            </label>
          </>
        )}
      </FieldErrorsContext>
      {preview && <PreviewPanel preview={preview} />}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="outline" disabled={pending} onClick={() => run("preview")}>
          Aperçu
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Patientez…" : "Envoyer"}
        </Button>
      </div>
    </form>
  );
}
