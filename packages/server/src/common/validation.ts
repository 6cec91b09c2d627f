import { Matches, MaxLength } from 'class-validator';

/** A required name: 1 to `max` characters, not only spaces. */
export function IsName(max = 200): PropertyDecorator {
  return (target, key) => {
    Matches(/\S/, { message: `${String(key)} must not be empty` })(target, key);
    MaxLength(max, { message: `${String(key)} must be at most ${max} characters` })(target, key);
  };
}

/** Trims a text input; empty becomes null for optional fields. */
export function cleanText(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A LIKE pattern for "contains" with the wildcards in the text escaped by "!" (a backslash means
 * different things in SQLite and MySQL string literals). Use as `LIKE :p ESCAPE '!'`.
 */
export function likePattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
