import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientIssues1795851171166 implements MigrationInterface {
  name = 'ClientIssues1795851171166';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "client_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "projectId" integer, "title" varchar(200) NOT NULL, "description" varchar(4000) NOT NULL, "severity" varchar CHECK( "severity" IN ('CRITICAL','HIGH','MEDIUM','LOW') ) NOT NULL, "severityRank" integer NOT NULL, "category" varchar CHECK( "category" IN ('TECHNICAL','BILLING','DELIVERY','RELATIONSHIP') ) NOT NULL, "status" varchar CHECK( "status" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ) NOT NULL, "reportedByContactId" integer, "reportedByUserId" integer, "assigneeId" integer, "createdById" integer NOT NULL, "reportedAt" datetime(3) NOT NULL, "responseDueAt" datetime(3) NOT NULL, "resolutionDueAt" datetime(3) NOT NULL, "responseAtRiskAt" datetime(3) NOT NULL, "resolutionAtRiskAt" datetime(3) NOT NULL, "firstResponseAt" datetime(3), "resolvedAt" datetime(3), "resolution" varchar(2000), "conflictResolutionNote" varchar(2000), "escalatedAt" datetime(3), "escalationReason" varchar(2000))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3fd3b6671dac1e99c6000978fa" ON "client_issue" ("projectId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8bc9783a41629af8bcd65d4007" ON "client_issue" ("reportedByContactId") `);
    await queryRunner.query(`CREATE INDEX "IDX_be0b1dffc9a53ce13fec72d76b" ON "client_issue" ("assigneeId") `);
    await queryRunner.query(`CREATE INDEX "IDX_dc202cd8a2e6fdd40401065eef" ON "client_issue" ("severityRank", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_5a9308ec24b041cda697cc6ac8" ON "client_issue" ("resolutionDueAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cb65132a6a9c667929047a5079" ON "client_issue" ("reportedAt", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_18f745b87e5b60fc912af444df" ON "client_issue" ("status", "resolutionDueAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0d178f8c986a215d0710004a68" ON "client_issue" ("accountId", "reportedAt", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "client_issue_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "issueId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('COMMENT','STATUS_CHANGE','ASSIGNMENT','ESCALATION','RESPONSE') ) NOT NULL, "actorId" integer NOT NULL, "body" varchar(4000), "fromStatus" varchar CHECK( "fromStatus" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ), "toStatus" varchar CHECK( "toStatus" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ), "at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_89907794ac49a4660a794275ff" ON "client_issue_event" ("actorId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_614f0b595725f02e387d1757ea" ON "client_issue_event" ("issueId", "at", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_3fd3b6671dac1e99c6000978fa"`);
    await queryRunner.query(`DROP INDEX "IDX_8bc9783a41629af8bcd65d4007"`);
    await queryRunner.query(`DROP INDEX "IDX_be0b1dffc9a53ce13fec72d76b"`);
    await queryRunner.query(`DROP INDEX "IDX_dc202cd8a2e6fdd40401065eef"`);
    await queryRunner.query(`DROP INDEX "IDX_5a9308ec24b041cda697cc6ac8"`);
    await queryRunner.query(`DROP INDEX "IDX_cb65132a6a9c667929047a5079"`);
    await queryRunner.query(`DROP INDEX "IDX_18f745b87e5b60fc912af444df"`);
    await queryRunner.query(`DROP INDEX "IDX_0d178f8c986a215d0710004a68"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_client_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "projectId" integer, "title" varchar(200) NOT NULL, "description" varchar(4000) NOT NULL, "severity" varchar CHECK( "severity" IN ('CRITICAL','HIGH','MEDIUM','LOW') ) NOT NULL, "severityRank" integer NOT NULL, "category" varchar CHECK( "category" IN ('TECHNICAL','BILLING','DELIVERY','RELATIONSHIP') ) NOT NULL, "status" varchar CHECK( "status" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ) NOT NULL, "reportedByContactId" integer, "reportedByUserId" integer, "assigneeId" integer, "createdById" integer NOT NULL, "reportedAt" datetime(3) NOT NULL, "responseDueAt" datetime(3) NOT NULL, "resolutionDueAt" datetime(3) NOT NULL, "responseAtRiskAt" datetime(3) NOT NULL, "resolutionAtRiskAt" datetime(3) NOT NULL, "firstResponseAt" datetime(3), "resolvedAt" datetime(3), "resolution" varchar(2000), "conflictResolutionNote" varchar(2000), "escalatedAt" datetime(3), "escalationReason" varchar(2000), CONSTRAINT "FK_430213404097ebca3c83b1376ed" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_8bc9783a41629af8bcd65d4007b" FOREIGN KEY ("reportedByContactId") REFERENCES "contact" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_877e34efaae977e10cf476faf56" FOREIGN KEY ("reportedByUserId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_be0b1dffc9a53ce13fec72d76b9" FOREIGN KEY ("assigneeId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_client_issue"("id", "createdAt", "updatedAt", "version", "accountId", "projectId", "title", "description", "severity", "severityRank", "category", "status", "reportedByContactId", "reportedByUserId", "assigneeId", "createdById", "reportedAt", "responseDueAt", "resolutionDueAt", "responseAtRiskAt", "resolutionAtRiskAt", "firstResponseAt", "resolvedAt", "resolution", "conflictResolutionNote", "escalatedAt", "escalationReason") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "projectId", "title", "description", "severity", "severityRank", "category", "status", "reportedByContactId", "reportedByUserId", "assigneeId", "createdById", "reportedAt", "responseDueAt", "resolutionDueAt", "responseAtRiskAt", "resolutionAtRiskAt", "firstResponseAt", "resolvedAt", "resolution", "conflictResolutionNote", "escalatedAt", "escalationReason" FROM "client_issue"`,
    );
    await queryRunner.query(`DROP TABLE "client_issue"`);
    await queryRunner.query(`ALTER TABLE "temporary_client_issue" RENAME TO "client_issue"`);
    await queryRunner.query(`CREATE INDEX "IDX_3fd3b6671dac1e99c6000978fa" ON "client_issue" ("projectId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8bc9783a41629af8bcd65d4007" ON "client_issue" ("reportedByContactId") `);
    await queryRunner.query(`CREATE INDEX "IDX_be0b1dffc9a53ce13fec72d76b" ON "client_issue" ("assigneeId") `);
    await queryRunner.query(`CREATE INDEX "IDX_dc202cd8a2e6fdd40401065eef" ON "client_issue" ("severityRank", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_5a9308ec24b041cda697cc6ac8" ON "client_issue" ("resolutionDueAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cb65132a6a9c667929047a5079" ON "client_issue" ("reportedAt", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_18f745b87e5b60fc912af444df" ON "client_issue" ("status", "resolutionDueAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0d178f8c986a215d0710004a68" ON "client_issue" ("accountId", "reportedAt", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_89907794ac49a4660a794275ff"`);
    await queryRunner.query(`DROP INDEX "IDX_614f0b595725f02e387d1757ea"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_client_issue_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "issueId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('COMMENT','STATUS_CHANGE','ASSIGNMENT','ESCALATION','RESPONSE') ) NOT NULL, "actorId" integer NOT NULL, "body" varchar(4000), "fromStatus" varchar CHECK( "fromStatus" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ), "toStatus" varchar CHECK( "toStatus" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ), "at" datetime(3) NOT NULL, CONSTRAINT "FK_5720867f234b7d9e399d4cd2273" FOREIGN KEY ("issueId") REFERENCES "client_issue" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_89907794ac49a4660a794275ff7" FOREIGN KEY ("actorId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_client_issue_event"("id", "createdAt", "updatedAt", "version", "issueId", "kind", "actorId", "body", "fromStatus", "toStatus", "at") SELECT "id", "createdAt", "updatedAt", "version", "issueId", "kind", "actorId", "body", "fromStatus", "toStatus", "at" FROM "client_issue_event"`,
    );
    await queryRunner.query(`DROP TABLE "client_issue_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_client_issue_event" RENAME TO "client_issue_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_89907794ac49a4660a794275ff" ON "client_issue_event" ("actorId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_614f0b595725f02e387d1757ea" ON "client_issue_event" ("issueId", "at", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_614f0b595725f02e387d1757ea"`);
    await queryRunner.query(`DROP INDEX "IDX_89907794ac49a4660a794275ff"`);
    await queryRunner.query(`ALTER TABLE "client_issue_event" RENAME TO "temporary_client_issue_event"`);
    await queryRunner.query(
      `CREATE TABLE "client_issue_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "issueId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('COMMENT','STATUS_CHANGE','ASSIGNMENT','ESCALATION','RESPONSE') ) NOT NULL, "actorId" integer NOT NULL, "body" varchar(4000), "fromStatus" varchar CHECK( "fromStatus" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ), "toStatus" varchar CHECK( "toStatus" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ), "at" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "client_issue_event"("id", "createdAt", "updatedAt", "version", "issueId", "kind", "actorId", "body", "fromStatus", "toStatus", "at") SELECT "id", "createdAt", "updatedAt", "version", "issueId", "kind", "actorId", "body", "fromStatus", "toStatus", "at" FROM "temporary_client_issue_event"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_client_issue_event"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_614f0b595725f02e387d1757ea" ON "client_issue_event" ("issueId", "at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_89907794ac49a4660a794275ff" ON "client_issue_event" ("actorId") `);
    await queryRunner.query(`DROP INDEX "IDX_0d178f8c986a215d0710004a68"`);
    await queryRunner.query(`DROP INDEX "IDX_18f745b87e5b60fc912af444df"`);
    await queryRunner.query(`DROP INDEX "IDX_cb65132a6a9c667929047a5079"`);
    await queryRunner.query(`DROP INDEX "IDX_5a9308ec24b041cda697cc6ac8"`);
    await queryRunner.query(`DROP INDEX "IDX_dc202cd8a2e6fdd40401065eef"`);
    await queryRunner.query(`DROP INDEX "IDX_be0b1dffc9a53ce13fec72d76b"`);
    await queryRunner.query(`DROP INDEX "IDX_8bc9783a41629af8bcd65d4007"`);
    await queryRunner.query(`DROP INDEX "IDX_3fd3b6671dac1e99c6000978fa"`);
    await queryRunner.query(`ALTER TABLE "client_issue" RENAME TO "temporary_client_issue"`);
    await queryRunner.query(
      `CREATE TABLE "client_issue" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "projectId" integer, "title" varchar(200) NOT NULL, "description" varchar(4000) NOT NULL, "severity" varchar CHECK( "severity" IN ('CRITICAL','HIGH','MEDIUM','LOW') ) NOT NULL, "severityRank" integer NOT NULL, "category" varchar CHECK( "category" IN ('TECHNICAL','BILLING','DELIVERY','RELATIONSHIP') ) NOT NULL, "status" varchar CHECK( "status" IN ('OPEN','IN_PROGRESS','ESCALATED','RESOLVED','CLOSED') ) NOT NULL, "reportedByContactId" integer, "reportedByUserId" integer, "assigneeId" integer, "createdById" integer NOT NULL, "reportedAt" datetime(3) NOT NULL, "responseDueAt" datetime(3) NOT NULL, "resolutionDueAt" datetime(3) NOT NULL, "responseAtRiskAt" datetime(3) NOT NULL, "resolutionAtRiskAt" datetime(3) NOT NULL, "firstResponseAt" datetime(3), "resolvedAt" datetime(3), "resolution" varchar(2000), "conflictResolutionNote" varchar(2000), "escalatedAt" datetime(3), "escalationReason" varchar(2000))`,
    );
    await queryRunner.query(
      `INSERT INTO "client_issue"("id", "createdAt", "updatedAt", "version", "accountId", "projectId", "title", "description", "severity", "severityRank", "category", "status", "reportedByContactId", "reportedByUserId", "assigneeId", "createdById", "reportedAt", "responseDueAt", "resolutionDueAt", "responseAtRiskAt", "resolutionAtRiskAt", "firstResponseAt", "resolvedAt", "resolution", "conflictResolutionNote", "escalatedAt", "escalationReason") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "projectId", "title", "description", "severity", "severityRank", "category", "status", "reportedByContactId", "reportedByUserId", "assigneeId", "createdById", "reportedAt", "responseDueAt", "resolutionDueAt", "responseAtRiskAt", "resolutionAtRiskAt", "firstResponseAt", "resolvedAt", "resolution", "conflictResolutionNote", "escalatedAt", "escalationReason" FROM "temporary_client_issue"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_client_issue"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_0d178f8c986a215d0710004a68" ON "client_issue" ("accountId", "reportedAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_18f745b87e5b60fc912af444df" ON "client_issue" ("status", "resolutionDueAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cb65132a6a9c667929047a5079" ON "client_issue" ("reportedAt", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_5a9308ec24b041cda697cc6ac8" ON "client_issue" ("resolutionDueAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dc202cd8a2e6fdd40401065eef" ON "client_issue" ("severityRank", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_be0b1dffc9a53ce13fec72d76b" ON "client_issue" ("assigneeId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8bc9783a41629af8bcd65d4007" ON "client_issue" ("reportedByContactId") `);
    await queryRunner.query(`CREATE INDEX "IDX_3fd3b6671dac1e99c6000978fa" ON "client_issue" ("projectId") `);
    await queryRunner.query(`DROP INDEX "IDX_614f0b595725f02e387d1757ea"`);
    await queryRunner.query(`DROP INDEX "IDX_89907794ac49a4660a794275ff"`);
    await queryRunner.query(`DROP TABLE "client_issue_event"`);
    await queryRunner.query(`DROP INDEX "IDX_0d178f8c986a215d0710004a68"`);
    await queryRunner.query(`DROP INDEX "IDX_18f745b87e5b60fc912af444df"`);
    await queryRunner.query(`DROP INDEX "IDX_cb65132a6a9c667929047a5079"`);
    await queryRunner.query(`DROP INDEX "IDX_5a9308ec24b041cda697cc6ac8"`);
    await queryRunner.query(`DROP INDEX "IDX_dc202cd8a2e6fdd40401065eef"`);
    await queryRunner.query(`DROP INDEX "IDX_be0b1dffc9a53ce13fec72d76b"`);
    await queryRunner.query(`DROP INDEX "IDX_8bc9783a41629af8bcd65d4007"`);
    await queryRunner.query(`DROP INDEX "IDX_3fd3b6671dac1e99c6000978fa"`);
    await queryRunner.query(`DROP TABLE "client_issue"`);
  }
}
