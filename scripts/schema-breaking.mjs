#!/usr/bin/env node
/**
 * `pnpm schema:breaking`: the breaking-change gate. Compares packages/schema/schema.graphql with the
 * last released schema (packages/schema/released.graphql) using graphql-js findBreakingChanges and
 * fails (exit 1) when a breaking change is not allowed by packages/schema/CHANGELOG.md:
 *  - it must be listed under "## Unreleased" as a line holding its type and graphql-js's description,
 *    and "deprecated in X.Y.Z", a release listed further down (the deprecation period);
 *  - a removed field, argument, input field or enum value must carry @deprecated in released.graphql
 *    (clients saw the deprecation in the schema they were built against);
 *  - the SDK's version (packages/sdk/package.json) must have a greater major than the last release.
 * Additions pass; dangerous changes (a changed default, an enum value added) are printed as warnings.
 * The files can be given as --current, --released, --changelog and --sdk-package (the tests do).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// graphql is a dependency of the SDK (and of the server); the repository root has none of its own.
const require = createRequire(path.join(ROOT, 'packages/sdk/package.json'));
const {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  lexicographicSortSchema,
  printSchema,
} = require('graphql');

const { values: args } = parseArgs({
  options: {
    current: { type: 'string', default: path.join(ROOT, 'packages/schema/schema.graphql') },
    released: { type: 'string', default: path.join(ROOT, 'packages/schema/released.graphql') },
    changelog: { type: 'string', default: path.join(ROOT, 'packages/schema/CHANGELOG.md') },
    'sdk-package': { type: 'string', default: path.join(ROOT, 'packages/sdk/package.json') },
  },
});

const VERSION = /^(\d+)\.(\d+)\.(\d+)$/;

/** The CHANGELOG's "## Unreleased" section (its text) and the released versions (every "## X.Y.Z" heading), newest first. */
function readChangelog(text) {
  const sections = text.split(/^## /m).slice(1);
  const unreleased = sections.find((section) => /^Unreleased\b/.test(section)) ?? '';
  const releases = sections.map((section) => /^(\d+\.\d+\.\d+)\b/.exec(section)?.[1]).filter(Boolean);
  return { unreleased, releases };
}

/** The schema element a removal names, as [typeName, fieldName?, argName?] for the @deprecated check, or null. */
function removedElement(change) {
  let match;
  if (change.type === 'FIELD_REMOVED' && (match = /^(\w+)\.(\w+) was removed\.$/.exec(change.description))) {
    return { type: match[1], field: match[2] };
  }
  if (change.type === 'ARG_REMOVED' && (match = /^(\w+)\.(\w+) arg (\w+) was removed\.$/.exec(change.description))) {
    return { type: match[1], field: match[2], arg: match[3] };
  }
  if (
    change.type === 'VALUE_REMOVED_FROM_ENUM' &&
    (match = /^(\w+) was removed from enum type (\w+)\.$/.exec(change.description))
  ) {
    return { type: match[2], value: match[1] };
  }
  return null;
}

/** Whether the released schema marked a removed element @deprecated (true when it cannot be marked). */
function wasDeprecated(released, element) {
  const type = released.getType(element.type);
  if (!type) return false;
  if (element.value) return Boolean(type.getValue?.(element.value)?.deprecationReason);
  const field = type.getFields?.()[element.field];
  if (!field) return false;
  if (element.arg) return Boolean(field.args.find((arg) => arg.name === element.arg)?.deprecationReason);
  return Boolean(field.deprecationReason);
}

function main() {
  const released = buildSchema(fs.readFileSync(args.released, 'utf8'));
  const current = buildSchema(fs.readFileSync(args.current, 'utf8'));
  const { unreleased, releases } = readChangelog(fs.readFileSync(args.changelog, 'utf8'));
  const sdkVersion = JSON.parse(fs.readFileSync(args['sdk-package'], 'utf8')).version;
  const lastRelease = releases[0];
  const problems = [];
  if (!lastRelease) problems.push(`${path.relative(ROOT, args.changelog)} names no release ("## X.Y.Z")`);
  if (!VERSION.test(sdkVersion ?? '')) problems.push(`the SDK's version ${sdkVersion} is not X.Y.Z`);

  const breaking = findBreakingChanges(released, current);
  const lines = unreleased.split('\n');
  for (const change of breaking) {
    const entry = `\`${change.type}\` ${change.description}`;
    const line = lines.find((l) => l.includes(change.type) && l.includes(change.description));
    if (!line) {
      problems.push(
        `breaking change not in the CHANGELOG: ${entry}\n    Keep the schema compatible (add, deprecate, ` +
          `remove only after a release), or list it under "## Unreleased":\n    - ${entry} Deprecated in ` +
          `X.Y.Z; <what clients use instead>.`,
      );
      continue;
    }
    const deprecatedIn = /deprecated in (\d+\.\d+\.\d+)/i.exec(line)?.[1];
    if (!deprecatedIn || !releases.includes(deprecatedIn)) {
      problems.push(
        `${entry}: its CHANGELOG line must say "deprecated in X.Y.Z" naming a release listed in the ` +
          `CHANGELOG (found ${deprecatedIn ?? 'none'}): a breaking change comes after a deprecation period`,
      );
    }
    const element = removedElement(change);
    if (element && !wasDeprecated(released, element)) {
      problems.push(`${entry}: it is not @deprecated in released.graphql; deprecate it in a release first`);
    }
  }
  if (breaking.length > 0 && lastRelease && VERSION.test(sdkVersion)) {
    const releasedMajor = Number(VERSION.exec(lastRelease)[1]);
    if (Number(VERSION.exec(sdkVersion)[1]) <= releasedMajor) {
      problems.push(
        `${breaking.length} breaking change(s) since ${lastRelease}: the SDK's version (${sdkVersion}, ` +
          `packages/sdk/package.json) must be a new major, ${releasedMajor + 1}.0.0 or later`,
      );
    }
  }

  for (const change of findDangerousChanges(released, current)) {
    console.warn(`schema breaking: warning: \`${change.type}\` ${change.description}`);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`schema breaking: ${problem}`);
    process.exit(1);
  }
  const same = printSchema(lexicographicSortSchema(released)) === printSchema(lexicographicSortSchema(current));
  console.log(
    same
      ? `schema breaking: the schema is the released one (${lastRelease})`
      : breaking.length > 0
        ? `schema breaking: ${breaking.length} breaking change(s) since ${lastRelease}, each listed after ` +
          `its deprecation; the next release is SDK ${sdkVersion}`
        : `schema breaking: no breaking change since ${lastRelease}, only additions (the next release is a minor)`,
  );
}

main();
