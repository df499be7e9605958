import { OFFICER_ROLES } from '@pandawa/contracts';

export type OfficerRole = (typeof OFFICER_ROLES)[number];
export { OFFICER_ROLES };

/** An officer's account as the application sees it (never with its password hash). */
export interface OfficerAccount {
  id: string;
  username: string;
  displayName: string;
  officeId: string;
  role: OfficerRole;
  disabled: boolean;
  createdAt: Date;
}

/** Usernames compare case-insensitively: one account per spelling. */
export const normalizeUsername = (username: string) => username.trim().toLowerCase();

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const OFFICE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** What each role may do beyond the one below it (architecture §8). */
const RANK: Record<OfficerRole, number> = { officer: 0, supervisor: 1, admin: 2 };
export const hasRole = (role: OfficerRole, atLeast: OfficerRole) => RANK[role] >= RANK[atLeast];
