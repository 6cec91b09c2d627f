import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { entities } from '../app/modules';
import { queryText, reuseQueryText } from './query-text';

let dataSource: DataSource;
beforeAll(async () => {
  dataSource = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities, synchronize: true });
  await dataSource.initialize();
});
afterAll(() => dataSource.destroy());

describe('query text per shape', () => {
  it('is the text TypeORM builds, whatever the parameter values', () => {
    const shape = (ids: number[]) =>
      dataSource
        .createQueryBuilder()
        .select('t.id', 'id')
        .from('account', 't')
        .where('t.id IN (:...ids)', { ids })
        .orderBy('t.name');
    expect(queryText(shape([1]))).toBe(shape([1]).getQuery());
    expect(queryText(shape([1, 2, 3]))).toBe(shape([9]).getQuery());
    const reused = reuseQueryText(shape([4, 5]));
    expect(reused.getQueryAndParameters()).toEqual(shape([4, 5]).getQueryAndParameters());
  });

  it('tells apart queries that differ in table, filter, order, limit or join', () => {
    const base = () => dataSource.createQueryBuilder().select('t.id', 'id').from('account', 't');
    const variants = [
      base(),
      dataSource.createQueryBuilder().select('t.id', 'id').from('user', 't'),
      base().where('t.id = :id', { id: 1 }),
      base().where('t.name = :id', { id: 1 }),
      base().orderBy('t.name', 'DESC'),
      base().limit(5),
      base().limit(6),
      base().leftJoin('contact', 'c', 'c.accountId = t.id'),
    ];
    const texts = variants.map((qb) => queryText(qb));
    expect(new Set(texts).size).toBe(variants.length);
    variants.forEach((qb, i) => expect(texts[i]).toBe(qb.getQuery()));
  });
});
