import type { Role } from './roles';

/**
 * The signed-in member of staff, as the layers below the features see it. The user feature
 * completes it with its entity (declaration merging in user.entity.ts), so a resolver can return
 * the viewer as a `User` while nothing here imports from a feature.
 */
export interface Viewer {
  readonly id: number;
  readonly role: Role;
}
