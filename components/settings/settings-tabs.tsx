import { NavTabs } from "@/components/ui/nav-tabs";

const tabs = [
  { href: "/parametrage/utilisateurs", label: "Utilisateurs et portefeuilles" },
  { href: "/parametrage/societe", label: "Société et courriers" },
  { href: "/parametrage/traitements", label: "Traitements planifiés" },
  { href: "/parametrage/messages", label: "Messages envoyés" },
];

export function SettingsTabs() {
  return <NavTabs label="Sections du paramétrage" tabs={tabs} />;
}
