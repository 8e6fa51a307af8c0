// The roles of a membership, which the server enforces and the dashboard shows and offers.

/** The roles, weakest first: each may do everything the ones before it may. */
export const ROLES = ['viewer', 'editor', 'admin', 'owner'] as const;

export type Role = (typeof ROLES)[number];

/** True for one of the four role names. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * True when `role` includes what `need` allows: viewers read; editors also edit content; admins
 * also manage tokens, locales, the schema and users; owners also the plan.
 */
export function roleAtLeast(role: Role, need: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(need);
}

/**
 * Whether `actor` may give `role` to someone, or change or remove a member who has `target`:
 * nobody acts above their own role, so an admin can neither make an owner nor demote one.
 */
export function mayManage(actor: Role, target: Role | null, role: Role | null): boolean {
  return (target === null || roleAtLeast(actor, target)) && (role === null || roleAtLeast(actor, role));
}
