import type { Metadata } from "next";
import Link from "next/link";
import { TemplateChannelBadge } from "@/components/relance/template-channel-badge";
import { TemplateEditor } from "@/components/relance/template-editor";
import { requireUser } from "@/lib/auth/session";
import { isTemplateChannel } from "@/lib/templates/channels";

export const metadata: Metadata = { title: "Nouveau modèle" };

const titles = { email: "Nouveau modèle d'e-mail", letter: "Nouveau modèle de courrier", sms: "Nouveau modèle de SMS" } as const;

export default async function NewTemplatePage({ searchParams }: { searchParams: Promise<{ canal?: string }> }) {
  await requireUser("relance.configure");
  const { canal } = await searchParams;
  const channel = isTemplateChannel(canal) ? canal : "email";
  return (
    <div className="max-w-4xl space-y-6">
      <div>
        <Link href="/relance/modeles" className="text-sm text-muted-foreground hover:underline">
          ← Modèles
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{titles[channel]}</h1>
          <TemplateChannelBadge channel={channel} />
        </div>
      </div>
      <TemplateEditor key={channel} channel={channel} />
    </div>
  );
}
