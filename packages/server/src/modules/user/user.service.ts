import type { SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../common/context';
import { decodeGlobalId } from '../../common/global-id';
import { UPDATED_AT_SORT, whereUpdatedSince } from '../../common/inputs';
import { OrderDirection, paginate, type Connection, type PageArgs, type SortOrder } from '../../common/pagination';
import { likePattern } from '../../common/validation';
import { User } from './user.entity';
import { UserOrderField, type UserFilter, type UserOrder } from './user.inputs';
import { USERS_BY_NAME } from './user.loaders';

/** The staff directory: every signed-in member of staff may read it. */
export const UserService = {
  /** The staff the filter names: the list's rows and its export's. */
  query(ctx: Context, filter: UserFilter | null | undefined): SelectQueryBuilder<User> {
    const qb = ctx.em.createQueryBuilder(User, 'user');
    const search = filter?.search?.trim();
    if (search)
      qb.andWhere("(user.name LIKE :search ESCAPE '!' OR user.email LIKE :search ESCAPE '!')", {
        search: likePattern(search),
      });
    if (filter?.role?.length) qb.andWhere('user.role IN (:...roles)', { roles: filter.role });
    if (filter?.active != null) qb.andWhere('user.active = :active', { active: filter.active });
    if (filter?.managerId)
      qb.andWhere('user.managerId = :managerId', {
        managerId: decodeGlobalId(filter.managerId, 'User', 'filter.managerId'),
      });
    whereUpdatedSince(qb, 'user', filter?.updatedSince);
    return qb;
  },

  async list(
    ctx: Context,
    args: PageArgs,
    filter: UserFilter | null | undefined,
    orderBy?: UserOrder | null,
  ): Promise<Connection<User>> {
    const qb = this.query(ctx, filter);
    const order: SortOrder = {
      ...(orderBy?.field === UserOrderField.UPDATED_AT ? UPDATED_AT_SORT : USERS_BY_NAME),
      direction: orderBy?.direction ?? OrderDirection.ASC,
    };
    return paginate(qb, 'user', order, args);
  },
};
