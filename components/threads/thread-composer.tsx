"use client";

import { Paperclip, X } from "lucide-react";
import { useId, useRef, useState, useTransition } from "react";
import { postMessageAction } from "@/app/(app)/discussions/actions";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { draftToBody, type MentionChoice } from "@/lib/collaboration/mention-draft";
import { attachmentSize } from "@/lib/outbound/attachment-size";
import { type UploadedFile, uploadFile } from "@/lib/storage/upload-client";
import { MentionTextarea } from "./mention-textarea";

/** Writes a reply: text with @ mentions and files uploaded at once, sent together. */
export function ThreadComposer({ threadId, onSent }: { threadId: string; onSent: () => void }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<MentionChoice[]>([]);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function attach(list: FileList | null) {
    if (!list?.length) return;
    setError(null);
    const picked = [...list];
    setUploading((n) => n + picked.length);
    for (const file of picked) {
      const result = await uploadFile(file, { threadId });
      setUploading((n) => n - 1);
      if (result.ok) setFiles((previous) => [...previous, result.file]);
      else setError(`${file.name} : ${result.error}`);
    }
    if (fileInput.current) fileInput.current.value = "";
  }

  function send() {
    if (!text.trim()) {
      setError("Écrivez un message.");
      return;
    }
    startTransition(async () => {
      const result = await postMessageAction(null, { threadId, body: draftToBody(text, chosen), attachmentIds: files.map((f) => f.id) });
      if (!result.ok) {
        setError(result.fieldErrors?.body?.[0] ?? result.error);
        return;
      }
      setText("");
      setChosen([]);
      setFiles([]);
      setError(null);
      onSent();
    });
  }

  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <Label htmlFor={id}>Message</Label>
      <MentionTextarea
        id={id}
        rows={3}
        maxLength={5000}
        value={text}
        onChange={setText}
        onChosen={(person) => setChosen((previous) => [...previous, person])}
        onSubmitShortcut={send}
        placeholder="Votre réponse ; @ pour mentionner quelqu’un"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-status`}
      />
      {files.length > 0 && (
        <ul className="space-y-1 text-xs" aria-label="Fichiers joints">
          {files.map((file) => (
            <li key={file.id} className="flex items-center justify-between gap-2 rounded-md border px-2 py-1">
              <span className="truncate">
                {file.fileName} <span className="text-muted-foreground">({attachmentSize(file.size)})</span>
              </span>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="size-7"
                aria-label={`Retirer ${file.fileName}`}
                onClick={() => setFiles((previous) => previous.filter((f) => f.id !== file.id))}
              >
                <X className="size-3.5" aria-hidden="true" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-status`} role="status" className={error ? "text-xs text-destructive" : "text-xs text-muted-foreground"}>
        {error ?? (uploading > 0 ? "Envoi du fichier…" : "Ctrl + Entrée pour envoyer")}
      </p>
      <div className="flex items-center justify-between gap-2">
        <input ref={fileInput} type="file" multiple hidden tabIndex={-1} aria-hidden="true" onChange={(event) => attach(event.target.files)} />
        <Button type="button" variant="outline" size="sm" onClick={() => fileInput.current?.click()} disabled={uploading > 0}>
          <Paperclip className="size-3.5" aria-hidden="true" />
          Joindre un fichier
        </Button>
        <Button type="submit" size="sm" disabled={pending || uploading > 0}>
          {pending ? "Envoi…" : "Envoyer"}
        </Button>
      </div>
    </form>
  );
}
