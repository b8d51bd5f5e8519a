import { ChannelRoutingNotice } from "@/components/outbound/channel-routing-notice";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireUser } from "@/lib/auth/session";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const { scope } = await requireUser("settings.open");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Paramétrage</h1>
        <p className="text-sm text-muted-foreground">Utilisateurs, portefeuilles, société, traitements, messages envoyés, scoring, colonnes calculées, clés d&apos;API et webhooks de la plateforme.</p>
      </div>
      <ChannelRoutingNotice />
      <SettingsTabs role={scope.role} />
      {children}
    </div>
  );
}
