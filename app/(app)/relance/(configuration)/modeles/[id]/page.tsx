import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TemplateChannelBadge } from "@/components/relance/template-channel-badge";
import { TemplateEditor } from "@/components/relance/template-editor";
import { getTemplate, scenariosUsingTemplate } from "@/db/queries/templates";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/fr";

export const metadata: Metadata = { title: "Modifier le modèle" };

export default async function EditTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { db } = await requireUser("relance.configure");
  const { id } = await params;
  const template = await getTemplate(db, id);
  if (!template) notFound();
  const usedBy = await scenariosUsingTemplate(db, template.id);
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/relance/modeles" className="text-sm text-muted-foreground hover:underline">
          ← Modèles
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{template.name}</h1>
          <TemplateChannelBadge channel={template.channel} />
        </div>
        <p className="text-sm text-muted-foreground">
          Modifié le {formatDateTime(template.updatedAt)} ·{" "}
          {usedBy.length > 0 ? `utilisé par ${usedBy.length > 1 ? "les scénarios" : "le scénario"} ${usedBy.map((n) => `« ${n} »`).join(", ")}` : "utilisé par aucun scénario"}
        </p>
      </div>
      <TemplateEditor
        channel={template.channel}
        template={{ id: template.id, name: template.name, subject: template.subject, body: template.body, attachDocumentList: template.attachments.documentList === "pdf" }}
      />
    </div>
  );
}
