import { ConfigurationTabs } from "@/components/relance/configuration-tabs";
import { requireUser } from "@/lib/auth/session";

export default async function RelanceConfigurationLayout({ children }: { children: React.ReactNode }) {
  await requireUser("relance.configure");
  return (
    <div className="space-y-6">
      <ConfigurationTabs />
      {children}
    </div>
  );
}
