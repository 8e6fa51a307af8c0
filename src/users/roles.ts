// The roles live in src/shared/ (the dashboard shows and offers the same).
export { isRole, mayManage, roleAtLeast } from '../shared/roles.js';
export type { Role } from '../shared/roles.js';
