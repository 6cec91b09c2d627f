import { ChildListLoader, rowsById } from '../../common/child-lists';
import type { LoaderFactories, LoaderSet } from '../../common/loaders';
import { OrderDirection } from '../../common/pagination';
import { User } from './user.entity';

export const USERS_BY_NAME = { key: 'name', property: 'name', direction: OrderDirection.ASC, kind: 'string' } as const;

/** Staff are visible to every signed-in colleague: the directory is not scoped. */
export const userLoaders = {
  userById: (em) => rowsById(em, User),
  userReports: (em) => new ChildListLoader(em, { entity: User, foreignKey: 'managerId', order: USERS_BY_NAME }),
} satisfies LoaderFactories;

declare module '../../common/context' {
  interface Loaders extends LoaderSet<typeof userLoaders> {}
}
