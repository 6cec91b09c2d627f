import type { InvalidField } from './errors';

/**
 * The rule for text a client sends: control characters (C0, DEL and C1) other than tab, line feed
 * and carriage return, and UTF-16 surrogates that are not part of a pair, are refused; everything
 * else is kept, normalised to NFC so that "Café" typed on two keyboards is one name, not two.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this rule's purpose
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Cs}/u;

const C0_NAMES =
  'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(
    ' ',
  );

function codePoint(unit: number): string {
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What is wrong with a text, in words a person can act on, or null when it is acceptable. Names the
 * first bad character by its code point and its position (counting characters as people do, an emoji
 * as one, from 1), never by the character itself.
 */
export function textProblem(value: string): string | null {
  const match = FORBIDDEN.exec(value);
  if (!match) return null;
  const position = [...value.slice(0, match.index)].length + 1;
  const unit = match[0].charCodeAt(0);
  if (unit >= 0xd800 && unit <= 0xdfff) {
    return `contains a broken character at position ${position} (an unpaired UTF-16 surrogate, ${codePoint(unit)}); send the text as valid Unicode`;
  }
  const name = unit < 0x20 ? ` ${C0_NAMES[unit]}` : unit === 0x7f ? ' DEL' : '';
  return `contains the control character ${codePoint(unit)}${name} at position ${position}; remove it (tab, line feed and carriage return are allowed)`;
}

/** The text in Unicode normalisation form C (composed), as it is stored. */
export function normalizeText(value: string): string {
  return value.normalize('NFC');
}

/** The field's own name, as class-validator's messages start: `description` for `input.lines.0.description`. */
function fieldName(path: string): string {
  return (
    path
      .split('.')
      .reverse()
      .find((segment) => !/^\d+$/.test(segment)) ?? path
  );
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Applies the rule to every string in an argument value (nested input objects and lists
 * included): returns the value with its strings in NFC, and adds each refused string to `invalid`
 * under its path (`input.lines.0.description`). Copies only what changes, so the caller's value is
 * never altered; numbers, booleans and scalar objects such as dates pass as they are.
 */
export function normalizeInputText(value: unknown, path: string, invalid: InvalidField[]): unknown {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) {
      invalid.push({ path, message: `${fieldName(path)} ${problem}` });
      return value;
    }
    return normalizeText(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const normalized = normalizeInputText(item, `${path}.${index}`, invalid);
      if (normalized !== item) (copy ??= [...(value as unknown[])])[index] = normalized;
    });
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const normalized = normalizeInputText(item, path ? `${path}.${key}` : key, invalid);
    if (normalized !== item) (copy ??= { ...value })[key] = normalized;
  }
  return copy ?? value;
}
