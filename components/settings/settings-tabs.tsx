import { NavTabs } from "@/components/ui/nav-tabs";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

const tabs: { href: string; label: string; permission: Permission }[] = [
  { href: "/parametrage/utilisateurs", label: "Utilisateurs et portefeuilles", permission: "users.manage" },
  { href: "/parametrage/societe", label: "Société et courriers", permission: "settings.manage" },
  { href: "/parametrage/traitements", label: "Traitements planifiés", permission: "jobs.run" },
  { href: "/parametrage/messages", label: "Messages envoyés", permission: "settings.manage" },
  { href: "/parametrage/scoring", label: "Scoring", permission: "scoring.manage" },
  { href: "/parametrage/colonnes", label: "Colonnes calculées", permission: "calculated.manage" },
  { href: "/parametrage/cles-api", label: "Clés d'API", permission: "apiKeys.manage" },
  { href: "/parametrage/webhooks", label: "Webhooks", permission: "settings.manage" },
];

/** The sections of Paramétrage the role may open; the first is where /parametrage leads. */
export function settingsTabsFor(role: Role) {
  return tabs.filter((tab) => can(role, tab.permission)).map(({ href, label }) => ({ href, label }));
}

export function SettingsTabs({ role }: { role: Role }) {
  return <NavTabs label="Sections du paramétrage" tabs={settingsTabsFor(role)} />;
}
