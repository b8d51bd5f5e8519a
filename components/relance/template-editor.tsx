"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { saveTemplateAction } from "@/app/(app)/relance/(configuration)/modeles/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { TemplateChannel } from "@/lib/templates/context";
import { TemplateClipPicker } from "./template-clip-picker";
import { TemplatePreview } from "./template-preview";
import { type TextInsertion, TemplateRichText } from "./template-rich-text";
import { TemplateSmsBody } from "./template-sms-body";
import { SaveCancel } from "@/components/forms/save-cancel";

export type TemplateEditorProps = {
  channel: TemplateChannel;
  template?: { id: string; name: string; subject: string | null; body: string; attachDocumentList: boolean };
};

/** Name, subject and body of a template with a clip picker, saved through the server; a preview below. */
export function TemplateEditor({ channel, template }: TemplateEditorProps) {
  const router = useRouter();
  const [name, setName] = useState(template?.name ?? "");
  const [subject, setSubject] = useState(template?.subject ?? "");
  const [body, setBody] = useState(template?.body ?? "");
  const [attach, setAttach] = useState(template?.attachDocumentList ?? false);
  const [target, setTarget] = useState<"subject" | "body">("body");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [failures, setFailures] = useState(0);
  const alertRef = useRef<HTMLDivElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<TextInsertion>(null);
  const hasSubject = channel !== "sms";

  const insert = (token: string) => {
    const input = subjectRef.current;
    if (target === "body" || !input) return bodyRef.current?.insert(token);
    const start = input.selectionStart ?? subject.length;
    const end = input.selectionEnd ?? start;
    flushSync(() => setSubject(subject.slice(0, start) + token + subject.slice(end)));
    input.focus();
    input.setSelectionRange(start + token.length, start + token.length);
  };

  const save = () =>
    startTransition(async () => {
      const result = await saveTemplateAction(null, { id: template?.id, channel, name, subject, body, attachDocumentList: attach });
      if (result.ok) return router.push("/relance/modeles");
      setErrors(result.fieldErrors ?? {});
      setMessage(result.error);
      setFailures((n) => n + 1);
    });

  // The button is at the bottom of a long form: bring the reasons of a refusal into view.
  useEffect(() => {
    if (failures > 0) alertRef.current?.scrollIntoView({ block: "start" });
  }, [failures]);

  const errorOf = (key: string) => errors[key]?.[0];
  const clipErrors = errors.template ?? [];

  return (
    <div className="space-y-6">
      <form
        className="space-y-6"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        {message && (
          <Alert ref={alertRef} variant="destructive" role="alert" className="scroll-mt-20">
            <AlertDescription>
              <p>{message}</p>
              {clipErrors.length > 0 && (
                <ul className="mt-1 list-disc space-y-0.5 pl-4">
                  {clipErrors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              )}
            </AlertDescription>
          </Alert>
        )}
        <div className="space-y-4 rounded-lg border bg-card p-4">
          <div className="space-y-1.5">
            <Label htmlFor="template-name">Nom du modèle</Label>
            <Input id="template-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={errorOf("name") ? true : undefined} aria-describedby="template-name-error" className="max-w-md" />
            {errorOf("name") && <p id="template-name-error" className="text-xs text-destructive">{errorOf("name")}</p>}
          </div>
          {hasSubject && (
            <div className="space-y-1.5">
              <Label htmlFor="template-subject">Objet</Label>
              <Input
                ref={subjectRef}
                id="template-subject"
                value={subject}
                maxLength={200}
                onChange={(e) => setSubject(e.target.value)}
                onFocus={() => setTarget("subject")}
                placeholder={channel === "email" ? "Objet de l'e-mail" : "Objet du courrier (facultatif)"}
                aria-invalid={errorOf("subject") ? true : undefined}
                aria-describedby="template-subject-error"
              />
              {errorOf("subject") && <p id="template-subject-error" className="text-xs text-destructive">{errorOf("subject")}</p>}
            </div>
          )}
          <div className="space-y-1.5">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Label htmlFor="template-body">{channel === "sms" ? "Texte du SMS" : channel === "letter" ? "Texte du courrier" : "Texte de l'e-mail"}</Label>
              <TemplateClipPicker channel={channel} target={target} onPick={insert} />
            </div>
            {channel === "sms" ? (
              <TemplateSmsBody id="template-body" ref={bodyRef} value={body} onChange={setBody} onFocus={() => setTarget("body")} invalid={Boolean(errorOf("body"))} describedBy="template-body-error" />
            ) : (
              <TemplateRichText
                id="template-body"
                ref={bodyRef}
                label={channel === "letter" ? "Texte du courrier" : "Texte de l'e-mail"}
                initialHtml={body}
                onChange={setBody}
                onFocus={() => setTarget("body")}
                invalid={Boolean(errorOf("body"))}
                describedBy="template-body-error"
              />
            )}
            {errorOf("body") && <p id="template-body-error" className="text-xs text-destructive">{errorOf("body")}</p>}
          </div>
          {channel === "email" && (
            <div className="flex items-center gap-2">
              <Checkbox id="template-attach" checked={attach} onCheckedChange={(v) => setAttach(v === true)} />
              <Label htmlFor="template-attach" className="font-normal">
                Joindre la liste des pièces en PDF
              </Label>
            </div>
          )}
        </div>
        <SaveCancel cancelHref="/relance/modeles" pending={pending} />
      </form>
      <TemplatePreview draft={() => ({ channel, subject, body, attachDocumentList: channel === "email" && attach })} templateId={template?.id} savedLetter={channel === "letter" && Boolean(template)} />
    </div>
  );
}
