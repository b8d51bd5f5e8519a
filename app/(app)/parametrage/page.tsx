import { redirect } from "next/navigation";
import { settingsTabsFor } from "@/components/settings/settings-tabs";
import { requireUser } from "@/lib/auth/session";

export default async function SettingsPage() {
  const { scope } = await requireUser("settings.open");
  redirect(settingsTabsFor(scope.role)[0].href);
}
