import { NavTabs } from "@/components/ui/nav-tabs";

const tabs = [
  { href: "/relance/groupes", label: "Groupes" },
  { href: "/relance/modeles", label: "Modèles" },
  { href: "/relance/scenarios", label: "Scénarios" },
  { href: "/relance/priorite", label: "Priorité" },
];

export function ConfigurationTabs() {
  return <NavTabs label="Configuration de la relance" tabs={tabs} />;
}
