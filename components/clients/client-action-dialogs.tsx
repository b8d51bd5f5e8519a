"use client";

import { Download, FileText, Mail, Phone } from "lucide-react";
import { useState } from "react";
import { logCallAction } from "@/app/(app)/clients/[id]/actions";
import { OutcomeForm } from "@/components/relance/agenda/outcome-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Separator } from "@/components/ui/separator";
import { formatDate } from "@/lib/format/fr";
import { newRequestId } from "@/lib/request-id";
import { type ComposerDocument, EmailComposer, type EmailTemplateChoice } from "./email-composer";

/** A dialog whose form gets a new request id each time it opens; Radix gives the focus back to the trigger on close. */
function FormDialog({
  trigger,
  title,
  description,
  wide = false,
  children,
}: {
  trigger: React.ReactNode;
  title: string;
  description: string;
  wide?: boolean;
  children: (args: { requestId: string; close: () => void }) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [requestId, setRequestId] = useState("");
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) setRequestId(newRequestId());
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className={wide ? "max-w-2xl" : "max-w-xl"}>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {open && children({ requestId, close: () => setOpen(false) })}
      </DialogContent>
    </Dialog>
  );
}

/** « Noter un appel », « Envoyer un e-mail » and « Relevé de compte » on the fiche client, for those who work it. */
export function ClientActionButtons({
  clientId,
  documents,
  templates,
  promiseAmount,
  today,
  signature,
}: {
  clientId: string;
  documents: ComposerDocument[];
  templates: EmailTemplateChoice[];
  promiseAmount: string;
  today: string;
  /** The user's name, under the e-mails they write. */
  signature: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const sent = (close: () => void) => (text?: string) => {
    setMessage(text ?? null);
    close();
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <FormDialog
        title="Noter un appel"
        description="Un appel reçu ou passé hors agenda : son résultat, et la promesse ou le litige obtenu."
        trigger={
          <Button variant="outline" size="sm">
            <Phone aria-hidden="true" /> Noter un appel
          </Button>
        }
      >
        {({ requestId, close }) => (
          <OutcomeForm
            action={logCallAction}
            hiddenFields={{ clientId, requestId }}
            documents={documents}
            promiseAmount={promiseAmount}
            minDate={today}
            choosePromiseDocuments
            onDone={() => sent(close)("Appel enregistré.")}
          />
        )}
      </FormDialog>
      <FormDialog
        wide
        title="Envoyer un e-mail"
        description="À partir d'un modèle ou d'un texte libre, envoyé au contact de facturation comme les relances."
        trigger={
          <Button variant="outline" size="sm" disabled={documents.length === 0}>
            <Mail aria-hidden="true" /> Envoyer un e-mail
          </Button>
        }
      >
        {({ requestId, close }) => (
          <EmailComposer
            clientId={clientId}
            requestId={requestId}
            documents={documents}
            templates={templates}
            defaultBody={`Bonjour,\n\n\n\nCordialement,\n${signature}`}
            onSent={sent(close)}
          />
        )}
      </FormDialog>
      <FormDialog
        wide
        title="Relevé de compte"
        description={`Les pièces ouvertes au ${formatDate(today)} avec les totaux échu, non échu et total, sur le papier à en-tête de la société.`}
        trigger={
          <Button variant="outline" size="sm">
            <FileText aria-hidden="true" /> Relevé de compte
          </Button>
        }
      >
        {({ requestId, close }) => (
          <div className="space-y-4">
            <Button asChild variant="secondary">
              <a href={`/clients/${clientId}/releve`} download>
                <Download aria-hidden="true" /> Télécharger le relevé (PDF)
              </a>
            </Button>
            <Separator />
            <h3 className="text-sm font-medium">Envoyer par e-mail</h3>
            <EmailComposer
              statement
              clientId={clientId}
              requestId={requestId}
              documents={documents}
              templates={templates}
              defaultSubject={`Relevé de compte au ${formatDate(today)}`}
              defaultBody={`Bonjour,\n\nVeuillez trouver ci-joint le relevé de votre compte au ${formatDate(today)}.\n\nNous restons à votre disposition pour toute question.\n\nCordialement,\n${signature}`}
              onSent={sent(close)}
            />
          </div>
        )}
      </FormDialog>
      {message && (
        <p role="status" className="text-sm text-success">
          {message}
        </p>
      )}
    </div>
  );
}
