import { decodeGlobalId, encodeGlobalId, tryDecodeGlobalId } from './global-id';

describe('global ids', () => {
  it('round-trips a type and row id through an opaque string', () => {
    const id = encodeGlobalId('Account', 42);
    expect(id).not.toContain('Account');
    expect(tryDecodeGlobalId(id)).toEqual({ typeName: 'Account', rowId: 42 });
    expect(decodeGlobalId(id, 'Account', 'input.id')).toBe(42);
  });

  it('refuses an id of another type against the input path', () => {
    expect(() => decodeGlobalId(encodeGlobalId('User', 1), 'Account', 'input.parentId')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: { fields: [{ path: 'input.parentId', message: expect.stringContaining('not a Account id') }] },
      }),
    );
  });

  it.each([
    '',
    'garbage',
    Buffer.from('Account:').toString('base64'),
    Buffer.from('Account:-1').toString('base64'),
    Buffer.from('Account:1e3').toString('base64'),
  ])('treats %p as no id at all', (id) => {
    expect(tryDecodeGlobalId(id)).toBeUndefined();
  });
});
