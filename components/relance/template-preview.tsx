"use client";

import { Eye, FileDown, FileText } from "lucide-react";
import { useState, useTransition } from "react";
import { previewTemplateAction, type TemplatePreview as Preview } from "@/app/(app)/relance/(configuration)/modeles/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { attachmentSize } from "@/lib/outbound/attachment-size";
import { simulatedLabel } from "@/lib/outbound/send-state";
import type { TemplateChannel } from "@/lib/templates/context";
import { smsCountText } from "./template-sms-body";
import { type PreviewClient, TemplatePreviewClient } from "./template-preview-client";

export type TemplateDraft = { channel: TemplateChannel; subject: string; body: string; attachDocumentList?: boolean };

// The frame has no scripts and no access to the page (sandbox=""): its styles travel with the document.
const frameStyles = `
  body { margin: 0; padding: 20px 24px; font: 14px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #18181b; background: #fff; }
  h2 { font-size: 18px; margin: 16px 0 8px; } h3 { font-size: 15px; margin: 12px 0 6px; }
  p { margin: 0 0 10px; } ul, ol { padding-left: 24px; } blockquote { margin: 8px 0; padding-left: 12px; border-left: 3px solid #d4d4d8; color: #52525b; }
  a { color: #2563eb; } table { font-size: 13px; margin: 8px 0 12px; } th { background: #f4f4f5; text-align: left; }
`;
const frameDocument = (body: string, channel: TemplateChannel) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${frameStyles}${channel === "letter" ? "body{padding:40px 48px;font-family:Georgia,'Times New Roman',serif;}" : ""}</style></head><body>${body}</body></html>`;

/** Renders the unsaved draft for a real client chosen by the user, as it would be sent. */
export function TemplatePreview({ draft, templateId, savedLetter }: { draft: () => TemplateDraft; templateId?: string; savedLetter: boolean }) {
  const [client, setClient] = useState<PreviewClient | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [errors, setErrors] = useState<string[] | null>(null);
  const [pending, startTransition] = useTransition();
  const channel = draft().channel;

  const run = (chosen = client) =>
    startTransition(async () => {
      if (!chosen) return;
      const result = await previewTemplateAction(null, { ...draft(), clientId: chosen.id });
      setPreview(result.ok ? result.data : null);
      setErrors(result.ok ? null : (result.fieldErrors?.template ?? [result.error]));
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Aperçu</CardTitle>
        <CardDescription>Le modèle tel qu&apos;il est à l&apos;écran, rempli avec les données d&apos;un de vos clients.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="flex flex-wrap items-start gap-2">
          <div className="min-w-64 flex-1">
            <TemplatePreviewClient
              value={client}
              onChange={(c) => {
                setClient(c);
                setPreview(null);
                setErrors(null);
                if (c) run(c);
              }}
            />
          </div>
          <Button variant="outline" disabled={!client || pending} onClick={() => run()}>
            <Eye aria-hidden="true" /> {pending ? "Aperçu…" : "Prévisualiser"}
          </Button>
          {savedLetter && templateId && client && (
            <Button variant="ghost" asChild>
              <a href={`/relance/modeles/${templateId}/lettre?client=${client.id}`} target="_blank" rel="noopener">
                <FileText aria-hidden="true" /> Voir le PDF
              </a>
            </Button>
          )}
          {savedLetter && templateId && client && (
            <Button variant="ghost" asChild>
              <a href={`/relance/modeles/${templateId}/lettre?client=${client.id}&telecharger=1`} download>
                <FileDown aria-hidden="true" /> Télécharger
              </a>
            </Button>
          )}
        </div>
        {!client && <p className="text-sm text-muted-foreground">Choisissez un client pour prévisualiser le modèle.</p>}
        {errors && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>
              <ul className="list-disc space-y-0.5 pl-4">
                {errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </AlertDescription>
          </Alert>
        )}
        {preview && <Rendered preview={preview} channel={channel} />}
      </CardContent>
    </Card>
  );
}

function Rendered({ preview, channel }: { preview: Preview; channel: TemplateChannel }) {
  if (channel === "sms") {
    return (
      <section aria-label="Aperçu du SMS" className="space-y-2">
        <div className="max-w-sm whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-muted px-4 py-3 text-sm">{preview.body}</div>
        <p className="tabular text-xs text-muted-foreground">{preview.sms ? smsCountText(preview.sms) : null}</p>
      </section>
    );
  }
  return (
    <section aria-label={channel === "email" ? "Aperçu de l'e-mail" : "Aperçu du courrier"} className="overflow-hidden rounded-md border">
      {preview.envelope ? (
        <Envelope envelope={preview.envelope} />
      ) : (
        preview.subject !== null && (
          <p className="border-b bg-muted/40 px-4 py-2 text-sm">
            <span className="text-muted-foreground">Objet : </span>
            <span className="font-medium">{preview.subject}</span>
          </p>
        )
      )}
      <iframe title="Aperçu du message" sandbox="" srcDoc={frameDocument(preview.body, channel)} className="h-[28rem] w-full bg-white" />
    </section>
  );
}

/** The e-mail as the customer's mail client heads it. */
function Envelope({ envelope }: { envelope: NonNullable<Preview["envelope"]> }) {
  const rows: [string, string][] = [
    ["De", envelope.from],
    ["À", envelope.to],
    ["Cc", envelope.cc.length ? envelope.cc.join(", ") : "—"],
    ["Objet", envelope.subject],
    ["Pièces jointes", envelope.attachments.length ? envelope.attachments.map((a) => `${a.fileName} (${attachmentSize(a.size)})`).join(", ") : "Aucune"],
  ];
  return (
    <div className="border-b bg-muted/40 px-4 py-2 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className={label === "Objet" ? "font-medium" : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      {envelope.simulated && <p className="mt-1 text-xs text-warning-foreground">{simulatedLabel} : aucun fournisseur d&apos;e-mail configuré (RESEND_API_KEY).</p>}
    </div>
  );
}
