import { diffFields } from './audit.service';

describe('diffFields', () => {
  const fields = ['name', 'region', 'roles', 'createdAt'];

  it('records only the fields that changed, before and after', () => {
    expect(
      diffFields({ name: 'A', region: 'West', roles: ['X'] }, { name: 'B', region: 'West', roles: ['X'] }, fields),
    ).toEqual({ name: { before: 'A', after: 'B' } });
  });

  it('records creation as before null and deletion as after null', () => {
    expect(diffFields(undefined, { name: 'A', region: null }, ['name', 'region'])).toEqual({
      name: { before: null, after: 'A' },
    });
    expect(diffFields({ name: 'A' }, undefined, ['name'])).toEqual({ name: { before: 'A', after: null } });
  });

  it('compares arrays and dates by value', () => {
    const when = '2026-01-01T00:00:00.000Z';
    expect(
      diffFields(
        { roles: ['X', 'Y'], createdAt: new Date(when) },
        { roles: ['X', 'Y'], createdAt: new Date(when) },
        fields,
      ),
    ).toEqual({});
    expect(diffFields({ roles: ['X'] }, { roles: ['X', 'Y'] }, ['roles'])).toEqual({
      roles: { before: ['X'], after: ['X', 'Y'] },
    });
  });
});
