import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../common/context';
import { BadInputError } from '../../common/errors';
import { asDateTime } from '../../common/export-dataset';
import type { Connection, PageArgs } from '../../common/pagination';
import { ApprovalSubjectType } from '../approval/approval.entity';
import { ClientIssueStatus } from '../client-issue/client-issue.entity';
import { ContractStatus } from '../contract/contract.entity';
import { TimelineEntry, TimelineKind } from './timeline.types';

const SUMMARY_LENGTH = 280;

/** One branch of the UNION: every column named, since the first branch asked for names the result. */
function source(kind: TimelineKind, columns: string[], from: string): string {
  const names = ['accountId', 'occurredAt', 'id', 'subjectType', 'subjectId', 'actorId', 'detail'];
  return `SELECT '${kind}' AS kind, ${columns.map((column, i) => `${column} AS ${names[i]}`).join(', ')} FROM ${from}`;
}

/**
 * Each source of the timeline as one SELECT of (kind, occurredAt, id, subjectType, subjectId,
 * actorId, detail) for the accounts `:accountIds`. The times are the records' own: a contract is
 * signed at `signedAt`, active from `approvedAt` (a renewal's activation is its renewal), and
 * terminated when its status last changed, since TERMINATED is final and nothing changes it after.
 */
const SOURCES: Record<TimelineKind, string> = {
  [TimelineKind.COMMUNICATION]: source(
    TimelineKind.COMMUNICATION,
    ['c.accountId', 'c.occurredAt', 'c.id', "'COMMUNICATION'", 'c.id', 'c.loggedById', 'c.type'],
    'communication c WHERE c.accountId IN (:...accountIds)',
  ),
  [TimelineKind.STATUS_UPDATE]: source(
    TimelineKind.STATUS_UPDATE,
    ['p.accountId', 'su.postedAt', 'su.id', "'STATUS_UPDATE'", 'su.id', 'su.authorId', 'su.overall'],
    'status_update su INNER JOIN project p ON p.id = su.projectId WHERE p.accountId IN (:...accountIds) ' +
      'AND NOT EXISTS (SELECT 1 FROM status_update corr WHERE corr.correctsId = su.id)',
  ),
  [TimelineKind.ISSUE_OPENED]: source(
    TimelineKind.ISSUE_OPENED,
    ['i.accountId', 'i.reportedAt', 'i.id', "'CLIENT_ISSUE'", 'i.id', 'i.createdById', 'i.severity'],
    'client_issue i WHERE i.accountId IN (:...accountIds)',
  ),
  [TimelineKind.ISSUE_RESOLVED]: source(
    TimelineKind.ISSUE_RESOLVED,
    ['ri.accountId', 'e.at', 'e.id', "'CLIENT_ISSUE'", 'e.issueId', 'e.actorId', 'NULL'],
    'client_issue_event e INNER JOIN client_issue ri ON ri.id = e.issueId ' +
      'WHERE ri.accountId IN (:...accountIds) AND e.toStatus = :resolved',
  ),
  [TimelineKind.APPROVAL_DECISION]: source(
    TimelineKind.APPROVAL_DECISION,
    ['r.accountId', 'd.decidedAt', 'd.id', 'd.subjectType', 'd.subjectId', 'd.actorId', 'd.decision'],
    'approval_decision d INNER JOIN approval_request r ON r.id = d.requestId WHERE r.accountId IN (:...accountIds)',
  ),
  [TimelineKind.CONTRACT_SIGNED]: source(
    TimelineKind.CONTRACT_SIGNED,
    ['cs.accountId', 'cs.signedAt', 'cs.id', "'CONTRACT'", 'cs.id', 'NULL', 'NULL'],
    'contract cs WHERE cs.accountId IN (:...accountIds) AND cs.signedAt IS NOT NULL',
  ),
  [TimelineKind.CONTRACT_ACTIVATED]: source(
    TimelineKind.CONTRACT_ACTIVATED,
    ['ca.accountId', 'ca.approvedAt', 'ca.id', "'CONTRACT'", 'ca.id', 'ca.approvedById', 'NULL'],
    'contract ca WHERE ca.accountId IN (:...accountIds) AND ca.approvedAt IS NOT NULL AND ca.renewalOfId IS NULL',
  ),
  [TimelineKind.CONTRACT_RENEWED]: source(
    TimelineKind.CONTRACT_RENEWED,
    ['cr.accountId', 'cr.approvedAt', 'cr.id', "'CONTRACT'", 'cr.id', 'cr.approvedById', 'NULL'],
    'contract cr WHERE cr.accountId IN (:...accountIds) AND cr.approvedAt IS NOT NULL AND cr.renewalOfId IS NOT NULL',
  ),
  [TimelineKind.CONTRACT_TERMINATED]: source(
    TimelineKind.CONTRACT_TERMINATED,
    ['ct.accountId', 'ct.updatedAt', 'ct.id', "'CONTRACT'", 'ct.id', 'NULL', 'ct.terminationDate'],
    'contract ct WHERE ct.accountId IN (:...accountIds) AND ct.status = :terminated',
  ),
};

/** The order of the kinds in the schema: the UNION's branches follow it. */
const ALL_KINDS = Object.values(TimelineKind);

interface Row {
  accountId: number | string;
  kind: TimelineKind;
  occurredAt: Date | string;
  id: number | string;
  /** The approval's subject type for a decision; the record's kind otherwise. */
  subjectType: ApprovalSubjectType | 'COMMUNICATION' | 'STATUS_UPDATE' | 'CLIENT_ISSUE';
  subjectId: number | string;
  actorId: number | string | null;
  detail: string | null;
}

interface Position {
  occurredAt: Date;
  kind: string;
  id: number;
}

function encodeCursor(entry: TimelineEntry): string {
  return Buffer.from(JSON.stringify(['timeline', entry.occurredAt.toISOString(), entry.kind, entry.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): Position {
  const invalid = () =>
    BadInputError.field('after', 'is not a cursor from this timeline; use a pageInfo.endCursor from the same query');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || parsed[0] !== 'timeline') throw invalid();
  const [, at, kind, id] = parsed as unknown[];
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) throw invalid();
  if (typeof kind !== 'string' || !ALL_KINDS.includes(kind as TimelineKind)) throw invalid();
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw invalid();
  return { occurredAt: new Date(at), kind, id };
}

function short(text: string | null | undefined): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= SUMMARY_LENGTH ? flat : `${flat.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…`;
}

function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

/** The union of the asked-for sources for some accounts, and the parameters they share. */
function unionOf(accountIds: readonly number[], kinds: readonly TimelineKind[]): [string, Record<string, unknown>] {
  const sql = ALL_KINDS.filter((kind) => kinds.includes(kind))
    .map((kind) => SOURCES[kind])
    .join(' UNION ALL ');
  return [sql, { accountIds, resolved: ClientIssueStatus.RESOLVED, terminated: ContractStatus.TERMINATED }];
}

async function run<T>(em: EntityManager, sql: string, parameters: Record<string, unknown>): Promise<T[]> {
  const [query, values] = em.connection.driver.escapeQueryWithParameters(sql, parameters);
  return em.query(query, values);
}

/**
 * Timeline pages for every account on a page of accounts, in one statement per distinct (first,
 * after, kinds): ROW_NUMBER() per account over the UNION picks each account's first rows, as the
 * child lists do, so the statements do not grow with the number of accounts.
 */
export class TimelineRowsLoader {
  private readonly pages = new Map<string, DataLoader<number, Row[]>>();
  private readonly counts = new Map<string, DataLoader<number, number>>();

  constructor(private readonly em: EntityManager) {}

  /** Up to `first + 1` rows of the account's timeline after `after`, newest first. */
  rows(accountId: number, first: number, after: Position | null, kinds: readonly TimelineKind[]): Promise<Row[]> {
    const key = `${first}:${after ? JSON.stringify(after) : ''}:${kinds.join(',')}`;
    let loader = this.pages.get(key);
    if (!loader) {
      loader = new DataLoader((accountIds) => this.pagesFor(accountIds, first, after, kinds));
      this.pages.set(key, loader);
    }
    return loader.load(accountId);
  }

  count(accountId: number, kinds: readonly TimelineKind[]): Promise<number> {
    const key = kinds.join(',');
    let loader = this.counts.get(key);
    if (!loader) {
      loader = new DataLoader(async (accountIds) => {
        const [union, parameters] = unionOf(accountIds, kinds);
        const rows = await run<{ accountId: number | string; n: number | string }>(
          this.em,
          `SELECT t.accountId AS accountId, COUNT(*) AS n FROM (${union}) t GROUP BY t.accountId`,
          parameters,
        );
        const totals = new Map(rows.map((row) => [Number(row.accountId), Number(row.n)]));
        return accountIds.map((id) => totals.get(id) ?? 0);
      });
      this.counts.set(key, loader);
    }
    return loader.load(accountId);
  }

  private async pagesFor(
    accountIds: readonly number[],
    first: number,
    after: Position | null,
    kinds: readonly TimelineKind[],
  ): Promise<Row[][]> {
    const [union, parameters] = unionOf(accountIds, kinds);
    let where = '';
    if (after) {
      where =
        'WHERE (t.occurredAt < :afterAt OR (t.occurredAt = :afterAt AND (t.kind < :afterKind ' +
        'OR (t.kind = :afterKind AND t.id < :afterId))))';
      Object.assign(parameters, { afterAt: after.occurredAt, afterKind: after.kind, afterId: after.id });
    }
    const rows = await run<Row>(
      this.em,
      'SELECT r.* FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t.accountId ORDER BY t.occurredAt DESC, ' +
        `t.kind DESC, t.id DESC) AS rowNumber FROM (${union}) t ${where}) r WHERE r.rowNumber <= :limit ` +
        'ORDER BY r.accountId, r.occurredAt DESC, r.kind DESC, r.id DESC',
      { ...parameters, limit: first + 1 },
    );
    const byAccount = new Map<number, Row[]>();
    for (const row of rows) {
      const group = byAccount.get(Number(row.accountId));
      if (group) group.push(row);
      else byAccount.set(Number(row.accountId), [row]);
    }
    return accountIds.map((id) => byAccount.get(id) ?? []);
  }
}

/** Reads each entry's subject (and, for a status update, its project's name) through the loaders: one statement per type. */
async function describe(ctx: Context, row: Row): Promise<TimelineEntry> {
  const entry = new TimelineEntry();
  entry.kind = row.kind;
  entry.occurredAt = new Date(asDateTime(row.occurredAt) as string);
  entry.id = Number(row.id);
  entry.actorId = row.actorId === null ? null : Number(row.actorId);
  const subjectId = Number(row.subjectId);
  switch (row.kind) {
    case TimelineKind.COMMUNICATION: {
      const communication = await ctx.loaders.communicationById.load(subjectId);
      entry.subject = communication;
      entry.title = communication ? `${humanize(communication.type)}: ${communication.subject}` : 'Communication';
      entry.summary = short(communication?.summary);
      break;
    }
    case TimelineKind.STATUS_UPDATE: {
      const update = await ctx.loaders.statusUpdateById.load(subjectId);
      const project = update ? await ctx.loaders.projectById.load(update.projectId) : null;
      entry.subject = update;
      entry.title = `Status update${project ? ` on ${project.name}` : ''}: ${row.detail ?? ''}`.trim();
      entry.summary = short(update?.summary);
      break;
    }
    case TimelineKind.ISSUE_OPENED:
    case TimelineKind.ISSUE_RESOLVED: {
      const issue = await ctx.loaders.clientIssueById.load(subjectId);
      entry.subject = issue;
      const opened = row.kind === TimelineKind.ISSUE_OPENED;
      entry.title = `${opened ? `${humanize(issue?.severity ?? 'Client')} issue reported` : 'Issue resolved'}: ${issue?.title ?? ''}`;
      entry.summary = short(opened ? issue?.description : issue?.resolution);
      break;
    }
    case TimelineKind.APPROVAL_DECISION: {
      const decision = humanize(row.detail ?? '').toLowerCase();
      let label: string;
      if (row.subjectType === ApprovalSubjectType.CONTRACT) {
        const contract = await ctx.loaders.contractById.load(subjectId);
        entry.subject = contract;
        label = `Contract ${contract?.number ?? ''}`;
      } else if (row.subjectType === ApprovalSubjectType.CHANGE_ORDER) {
        const changeOrder = await ctx.loaders.changeOrderById.load(subjectId);
        entry.subject = changeOrder;
        label = `Change order ${changeOrder?.number ?? ''}`;
      } else {
        const invoice = await ctx.loaders.invoiceById.load(subjectId);
        entry.subject = invoice;
        label = `Invoice ${invoice?.number ?? ''}`;
      }
      entry.title = `${label.trim()} ${decision}`;
      const decided = await ctx.loaders.approvalDecisionById.load(entry.id);
      entry.summary = short(decided?.note);
      break;
    }
    default: {
      const contract = await ctx.loaders.contractById.load(subjectId);
      entry.subject = contract;
      const what = {
        [TimelineKind.CONTRACT_SIGNED]: 'signed',
        [TimelineKind.CONTRACT_ACTIVATED]: 'active',
        [TimelineKind.CONTRACT_RENEWED]: 'renewed',
        [TimelineKind.CONTRACT_TERMINATED]: 'terminated',
      }[row.kind as string];
      entry.title = `Contract ${contract?.number ?? ''} ${what}: ${contract?.title ?? ''}`;
      entry.summary =
        row.kind === TimelineKind.CONTRACT_TERMINATED
          ? short(`Ends ${String(row.detail ?? '').slice(0, 10)}. ${contract?.terminationReason ?? ''}`)
          : null;
    }
  }
  return entry;
}

/** An account's history as one stream: one statement for a page of accounts' pages, one COUNT if asked, subjects through the loaders. */
export const TimelineService = {
  async page(
    ctx: Context,
    accountId: number,
    args: PageArgs,
    kinds: readonly TimelineKind[] | null | undefined,
  ): Promise<Connection<TimelineEntry>> {
    if (kinds && kinds.length === 0)
      throw BadInputError.field('kinds', 'name at least one kind, or leave it out for every kind');
    const asked = kinds ?? ALL_KINDS;
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await ctx.loaders.accountTimelineRows.rows(accountId, args.first, after, asked);
    const entries = await Promise.all(rows.slice(0, args.first).map((row) => describe(ctx, row)));
    const edges = entries.map((node) => ({
      node,
      get cursor() {
        return encodeCursor(node);
      },
    }));
    let total: Promise<number> | undefined;
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > args.first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      get totalCount() {
        total ??= ctx.loaders.accountTimelineRows.count(accountId, asked);
        return total;
      },
    };
  },
};
