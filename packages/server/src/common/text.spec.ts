import type { InvalidField } from './errors';
import { normalizeInputText, normalizeText, textProblem } from './text';

describe('textProblem (the rule for text a client sends)', () => {
  it.each([
    ['NUL', 'Acme\u0000Health', /control character U\+0000 NUL at position 5/],
    ['BEL', '\u0007ring', /U\+0007 BEL at position 1/],
    ['vertical tab', 'a\u000Bb', /U\+000B VT at position 2/],
    ['escape (terminal colours)', 'red\u001B[31m', /U\+001B ESC at position 4/],
    ['DEL', 'x\u007F', /U\+007F DEL at position 2/],
    ['a C1 control', 'next\u0085line', /control character U\+0085 at position 5/],
    ['a lone high surrogate', '\uD800', /broken character at position 1 \(an unpaired UTF-16 surrogate, U\+D800\)/],
    [
      'a lone low surrogate after an emoji',
      '😀\uDC00',
      /broken character at position 2 \(an unpaired UTF-16 surrogate, U\+DC00\)/,
    ],
    [
      'a high surrogate at the end',
      'North\uD83D',
      /broken character at position 6 \(an unpaired UTF-16 surrogate, U\+D83D\)/,
    ],
  ])('refuses %s, saying which character and where', (_name, value, message) => {
    const problem = textProblem(value);
    expect(problem).toMatch(message);
  });

  it('never echoes the refused character', () => {
    for (const value of ['Acme\u0000Health', 'a\u001Bb', '\uD800', 'c\u0085']) {
      expect(textProblem(value)).toMatch(/^[\u0020-\u007E]+$/);
    }
  });

  it('names the first of several bad characters', () => {
    expect(textProblem('ok\u0001\u0000')).toMatch(/U\+0001 SOH at position 3/);
  });

  it.each([
    ['plain text', 'Acme Health Partners'],
    ['tab, line feed and carriage return', 'Line one\r\n\tindented\nlast'],
    ['an empty string', ''],
    ['emoji, including joined and flag sequences', '😀 👩‍⚕️ 🇺🇸'],
    ['CJK', '東京海上日動'],
    ['combining marks', 'Cafe\u0301 n\u0303'],
    ['right-to-left text', 'مستشفى'],
    ['non-breaking and zero-width spaces', 'a\u00A0b\u200Bc'],
    ['the highest code point', '\u{10FFFF}'],
  ])('accepts %s', (_name, value) => {
    expect(textProblem(value)).toBeNull();
  });
});

describe('normalizeText', () => {
  it('composes to NFC', () => {
    expect(normalizeText('Cafe\u0301')).toBe('Café');
    expect(normalizeText('Cafe\u0301')).toHaveLength(4);
    expect(normalizeText('\u212B')).toBe('\u00C5'); // the angstrom sign is Å
  });

  it('leaves composed text and tabs and newlines as they are', () => {
    expect(normalizeText('Café\n\tSüd')).toBe('Café\n\tSüd');
  });
});

describe('normalizeInputText (every string of an argument value)', () => {
  it('normalises strings nested in input objects and lists, keeping everything else', () => {
    const date = new Date('2026-01-01T00:00:00Z');
    const args = {
      input: {
        name: 'Cafe\u0301',
        membersReached: 5,
        active: true,
        none: null,
        lines: [{ description: 'Re\u0301sume\u0301', quantity: '1' }],
        at: date,
      },
      id: 'QWNjb3VudDox',
    };
    const invalid: InvalidField[] = [];
    const result = normalizeInputText(args, '', invalid) as typeof args;
    expect(invalid).toEqual([]);
    expect(result).toEqual({
      input: {
        name: 'Café',
        membersReached: 5,
        active: true,
        none: null,
        lines: [{ description: 'Résumé', quantity: '1' }],
        at: date,
      },
      id: 'QWNjb3VudDox',
    });
    expect(result.input.at).toBe(date);
  });

  it('returns the very same value when nothing changes, and never changes what it was given', () => {
    const args = { filter: { search: 'Acme', status: ['ACTIVE'] } };
    expect(normalizeInputText(args, '', [])).toBe(args);
    const decomposed = { input: { name: 'Cafe\u0301', tags: ['a', 'e\u0301'] } };
    normalizeInputText(decomposed, '', []);
    expect(decomposed).toEqual({ input: { name: 'Cafe\u0301', tags: ['a', 'e\u0301'] } });
  });

  it('names every refused string by its path, as class-validator failures are named', () => {
    const invalid: InvalidField[] = [];
    normalizeInputText(
      {
        input: { name: 'Acme\u0000', lines: [{ description: 'ok' }, { description: '\uD800' }] },
        ids: ['fine', 'x\u001B'],
        search: '\u0007',
      },
      '',
      invalid,
    );
    expect(invalid.map((field) => field.path)).toEqual(['input.name', 'input.lines.1.description', 'ids.1', 'search']);
    expect(invalid[0].message).toBe(
      'name contains the control character U+0000 NUL at position 5; remove it (tab, line feed and carriage return are allowed)',
    );
    expect(invalid[1].message).toMatch(/^description contains a broken character at position 1/);
    expect(invalid[2].message).toMatch(/^ids contains the control character U\+001B ESC at position 2/);
  });
});
