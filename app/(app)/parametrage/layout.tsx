import { ChannelRoutingNotice } from "@/components/outbound/channel-routing-notice";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { requireUser } from "@/lib/auth/session";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireUser("settings.manage");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Paramétrage</h1>
        <p className="text-sm text-muted-foreground">Utilisateurs, portefeuilles, société, traitements et messages envoyés de la plateforme.</p>
      </div>
      <ChannelRoutingNotice />
      <SettingsTabs />
      {children}
    </div>
  );
}
