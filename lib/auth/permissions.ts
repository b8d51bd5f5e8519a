import type { Role } from "./roles";

/** Who may do what. Menus, pages, routes and server actions all read this one table. */
export const permissions = {
  "notifications.read": ["admin", "supervisor", "collector", "sales", "manager"],
  "clients.read": ["admin", "supervisor", "collector", "sales", "manager"],
  "clients.edit": ["admin", "supervisor", "collector"],
  "clients.assign": ["admin", "supervisor"],
  "documents.read": ["admin", "supervisor", "collector", "sales", "manager"],
  "disputes.read": ["admin", "supervisor", "collector", "sales", "manager"],
  // Everything about a case; the case's owner, whatever their role, may still move its status.
  "disputes.manage": ["admin", "supervisor", "collector"],
  "discussions.write": ["admin", "supervisor", "collector", "sales", "manager"],
  "relance.work": ["admin", "supervisor", "collector"],
  "tasks.assign": ["admin", "supervisor", "collector"],
  "tasks.work": ["admin", "supervisor", "collector", "sales", "manager"],
  "relance.configure": ["admin", "supervisor"],
  "actions.confirm": ["admin", "supervisor"],
  "portfolios.reassign": ["admin", "supervisor"],
  "dashboard.team": ["admin", "supervisor"],
  "imports.run": ["admin"],
  // Reaching Paramétrage; each of its sections checks its own right.
  "settings.open": ["admin", "supervisor"],
  "settings.manage": ["admin"],
  "scoring.manage": ["admin", "supervisor"],
  "calculated.manage": ["admin", "supervisor"],
  "users.manage": ["admin"],
  "jobs.run": ["admin"],
  "health.read": ["admin", "supervisor"],
  // Everyone holds keys of their own; an administrator manages everyone's.
  "apiKeys.own": ["admin", "supervisor", "collector", "sales", "manager"],
  "apiKeys.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
