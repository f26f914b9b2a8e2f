// The shared mode's roles, each with everything the one before it may do:
// reader (read, study, practise, own vocabulary) < editor (+ add texts, import, correct
// alignments, edit the glossary) < admin (+ users). Pure: no I/O.
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether an account with `role` may do what needs `needed`. */
export function roleAllows(role: Role, needed: Role): boolean {
	return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
