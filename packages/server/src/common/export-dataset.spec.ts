import { asDateTime } from './export-dataset';

describe('asDateTime', () => {
  it('writes SQLite datetime text as the ISO 8601 the API writes, without parsing the common shape', () => {
    expect(asDateTime('2026-01-02 03:04:05.678')).toBe('2026-01-02T03:04:05.678Z');
    expect(asDateTime('2026-01-02 03:04:05.678')).toBe(new Date('2026-01-02T03:04:05.678Z').toISOString());
  });

  it('parses any other shape, so a value written without milliseconds still comes out whole', () => {
    expect(asDateTime('2026-01-02 03:04:05')).toBe('2026-01-02T03:04:05.000Z');
  });

  it('prints a driver Date (MySQL, in UTC) and keeps NULL empty', () => {
    expect(asDateTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('2026-01-02T03:04:05.006Z');
    expect(asDateTime(null)).toBeNull();
  });
});
