/** Browser side of the attachment upload: posts one file to /api/fichiers and reads the answer. */

export type UploadedFile = { id: string; fileName: string; size: number; contentType: string };

export type UploadResult = { ok: true; file: UploadedFile } | { ok: false; error: string };

export type UploadTarget = { threadId: string } | { clientId: string };

/** Where a stored file is downloaded from. */
export const fileUrl = (id: string) => `/api/fichiers/${id}`;

export async function uploadFile(file: File, target: UploadTarget): Promise<UploadResult> {
  const form = new FormData();
  form.append("file", file);
  if ("threadId" in target) form.append("threadId", target.threadId);
  else form.append("clientId", target.clientId);
  let res: Response;
  try {
    res = await fetch("/api/fichiers", { method: "POST", body: form });
  } catch {
    return { ok: false, error: "Envoi impossible : vérifiez la connexion et réessayez." };
  }
  const body = (await res.json().catch(() => null)) as (Partial<UploadedFile> & { error?: string }) | null;
  if (!res.ok || !body?.id) {
    return { ok: false, error: body?.error ?? `Envoi refusé (erreur ${res.status}).` };
  }
  const { id, fileName = file.name, size = file.size, contentType = "" } = body;
  return { ok: true, file: { id, fileName, size, contentType } };
}
