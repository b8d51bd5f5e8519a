import type { Permission } from "@/lib/auth/permissions";

export type MenuIcon = "home" | "clients" | "documents" | "disputes" | "relance" | "import" | "settings" | "tasks";

/** Side menu entries in SPEC order; an entry appears only when it exists and the role holds its permission. */
export const menuItems: { href: string; label: string; icon: MenuIcon; permission: Permission }[] = [
  { href: "/", label: "Accueil", icon: "home", permission: "clients.read" },
  { href: "/clients", label: "Clients", icon: "clients", permission: "clients.read" },
  { href: "/pieces", label: "Pièces", icon: "documents", permission: "documents.read" },
  { href: "/litiges", label: "Litiges", icon: "disputes", permission: "disputes.read" },
  { href: "/relance", label: "Relance", icon: "relance", permission: "relance.work" },
  { href: "/taches", label: "Mes tâches", icon: "tasks", permission: "tasks.work" },
  { href: "/import", label: "Import", icon: "import", permission: "imports.run" },
  { href: "/parametrage", label: "Paramétrage", icon: "settings", permission: "settings.open" },
];
