import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractsApprovals1795847972900 implements MigrationInterface {
  name = 'ContractsApprovals1795847972900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "number_sequence" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(100) NOT NULL, "lastValue" integer NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_52165f1f3d52e4b9a582f3345b" ON "number_sequence" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "approval_request" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "subjectType" varchar CHECK( "subjectType" IN ('CONTRACT','CHANGE_ORDER','INVOICE') ) NOT NULL, "subjectId" integer NOT NULL, "accountId" integer NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "requestedById" integer NOT NULL, "createdById" integer NOT NULL, "requestedAt" datetime(3) NOT NULL, "status" varchar CHECK( "status" IN ('PENDING','APPROVED','REJECTED','WITHDRAWN') ) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d7cb006685d032de10b302858a" ON "approval_request" ("subjectType", "subjectId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a00af2204480a0d70f316158f1" ON "approval_request" ("status", "requestedAt", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "approval_decision" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "subjectType" varchar CHECK( "subjectType" IN ('CONTRACT','CHANGE_ORDER','INVOICE') ) NOT NULL, "subjectId" integer NOT NULL, "requestId" integer NOT NULL, "decision" varchar CHECK( "decision" IN ('APPROVED','REJECTED') ) NOT NULL, "actorId" integer NOT NULL, "note" varchar(2000), "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "decidedAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_22581a703ae1b12d65881eafbe" ON "approval_decision" ("subjectType", "subjectId", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "number" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "type" varchar CHECK( "type" IN ('MASTER_SERVICES','STATEMENT_OF_WORK','RENEWAL','AMENDMENT') ) NOT NULL, "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','ACTIVE','EXPIRED','TERMINATED','RENEWED') ) NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "signedAt" datetime(3), "noticePeriodDays" integer NOT NULL, "noticeDeadline" date NOT NULL, "autoRenew" boolean NOT NULL DEFAULT (0), "valueCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "ownerId" integer NOT NULL, "renewalOfId" integer, "createdById" integer NOT NULL, "submittedById" integer, "approvedById" integer, "approvedAt" datetime(3), "terminationDate" date, "terminationReason" varchar(2000))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_86b89a6d689f50beb08b0537f6" ON "contract" ("number") `);
    await queryRunner.query(`CREATE INDEX "IDX_a45df5a99d61f11c78719bd612" ON "contract" ("ownerId") `);
    await queryRunner.query(`CREATE INDEX "IDX_49652ae56317095a5bb40d588f" ON "contract" ("renewalOfId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8ff1b456b0e8ba3d3a9a933c4b" ON "contract" ("endDate", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_5fb5f5fd13b48dd9b1cdba79f2" ON "contract" ("status", "noticeDeadline", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_18bb4cb3a94c2e0d43e60d3b31" ON "contract" ("accountId", "endDate", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "userId" integer NOT NULL, "key" varchar(255) NOT NULL, "requestHash" varchar(64) NOT NULL, "state" varchar CHECK( "state" IN ('IN_PROGRESS','COMPLETED') ) NOT NULL, "response" text, "expiresAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b518f26ab85e77017f0ff4054b" ON "idempotency_key" ("expiresAt") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_703de5e39cfcdf2dee29ca4cd5" ON "idempotency_key" ("userId", "key") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_86b89a6d689f50beb08b0537f6"`);
    await queryRunner.query(`DROP INDEX "IDX_a45df5a99d61f11c78719bd612"`);
    await queryRunner.query(`DROP INDEX "IDX_49652ae56317095a5bb40d588f"`);
    await queryRunner.query(`DROP INDEX "IDX_8ff1b456b0e8ba3d3a9a933c4b"`);
    await queryRunner.query(`DROP INDEX "IDX_5fb5f5fd13b48dd9b1cdba79f2"`);
    await queryRunner.query(`DROP INDEX "IDX_18bb4cb3a94c2e0d43e60d3b31"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "number" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "type" varchar CHECK( "type" IN ('MASTER_SERVICES','STATEMENT_OF_WORK','RENEWAL','AMENDMENT') ) NOT NULL, "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','ACTIVE','EXPIRED','TERMINATED','RENEWED') ) NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "signedAt" datetime(3), "noticePeriodDays" integer NOT NULL, "noticeDeadline" date NOT NULL, "autoRenew" boolean NOT NULL DEFAULT (0), "valueCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "ownerId" integer NOT NULL, "renewalOfId" integer, "createdById" integer NOT NULL, "submittedById" integer, "approvedById" integer, "approvedAt" datetime(3), "terminationDate" date, "terminationReason" varchar(2000), CONSTRAINT "FK_7df045c0342a55274840bf84cc2" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_a45df5a99d61f11c78719bd6129" FOREIGN KEY ("ownerId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_49652ae56317095a5bb40d588ff" FOREIGN KEY ("renewalOfId") REFERENCES "contract" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_contract"("id", "createdAt", "updatedAt", "version", "accountId", "number", "title", "type", "status", "startDate", "endDate", "signedAt", "noticePeriodDays", "noticeDeadline", "autoRenew", "valueCents", "currency", "ownerId", "renewalOfId", "createdById", "submittedById", "approvedById", "approvedAt", "terminationDate", "terminationReason") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "number", "title", "type", "status", "startDate", "endDate", "signedAt", "noticePeriodDays", "noticeDeadline", "autoRenew", "valueCents", "currency", "ownerId", "renewalOfId", "createdById", "submittedById", "approvedById", "approvedAt", "terminationDate", "terminationReason" FROM "contract"`,
    );
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`ALTER TABLE "temporary_contract" RENAME TO "contract"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_86b89a6d689f50beb08b0537f6" ON "contract" ("number") `);
    await queryRunner.query(`CREATE INDEX "IDX_a45df5a99d61f11c78719bd612" ON "contract" ("ownerId") `);
    await queryRunner.query(`CREATE INDEX "IDX_49652ae56317095a5bb40d588f" ON "contract" ("renewalOfId") `);
    await queryRunner.query(`CREATE INDEX "IDX_8ff1b456b0e8ba3d3a9a933c4b" ON "contract" ("endDate", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_5fb5f5fd13b48dd9b1cdba79f2" ON "contract" ("status", "noticeDeadline", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_18bb4cb3a94c2e0d43e60d3b31" ON "contract" ("accountId", "endDate", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_18bb4cb3a94c2e0d43e60d3b31"`);
    await queryRunner.query(`DROP INDEX "IDX_5fb5f5fd13b48dd9b1cdba79f2"`);
    await queryRunner.query(`DROP INDEX "IDX_8ff1b456b0e8ba3d3a9a933c4b"`);
    await queryRunner.query(`DROP INDEX "IDX_49652ae56317095a5bb40d588f"`);
    await queryRunner.query(`DROP INDEX "IDX_a45df5a99d61f11c78719bd612"`);
    await queryRunner.query(`DROP INDEX "IDX_86b89a6d689f50beb08b0537f6"`);
    await queryRunner.query(`ALTER TABLE "contract" RENAME TO "temporary_contract"`);
    await queryRunner.query(
      `CREATE TABLE "contract" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "number" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "type" varchar CHECK( "type" IN ('MASTER_SERVICES','STATEMENT_OF_WORK','RENEWAL','AMENDMENT') ) NOT NULL, "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','ACTIVE','EXPIRED','TERMINATED','RENEWED') ) NOT NULL, "startDate" date NOT NULL, "endDate" date NOT NULL, "signedAt" datetime(3), "noticePeriodDays" integer NOT NULL, "noticeDeadline" date NOT NULL, "autoRenew" boolean NOT NULL DEFAULT (0), "valueCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "ownerId" integer NOT NULL, "renewalOfId" integer, "createdById" integer NOT NULL, "submittedById" integer, "approvedById" integer, "approvedAt" datetime(3), "terminationDate" date, "terminationReason" varchar(2000))`,
    );
    await queryRunner.query(
      `INSERT INTO "contract"("id", "createdAt", "updatedAt", "version", "accountId", "number", "title", "type", "status", "startDate", "endDate", "signedAt", "noticePeriodDays", "noticeDeadline", "autoRenew", "valueCents", "currency", "ownerId", "renewalOfId", "createdById", "submittedById", "approvedById", "approvedAt", "terminationDate", "terminationReason") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "number", "title", "type", "status", "startDate", "endDate", "signedAt", "noticePeriodDays", "noticeDeadline", "autoRenew", "valueCents", "currency", "ownerId", "renewalOfId", "createdById", "submittedById", "approvedById", "approvedAt", "terminationDate", "terminationReason" FROM "temporary_contract"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_contract"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_18bb4cb3a94c2e0d43e60d3b31" ON "contract" ("accountId", "endDate", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5fb5f5fd13b48dd9b1cdba79f2" ON "contract" ("status", "noticeDeadline", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8ff1b456b0e8ba3d3a9a933c4b" ON "contract" ("endDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_49652ae56317095a5bb40d588f" ON "contract" ("renewalOfId") `);
    await queryRunner.query(`CREATE INDEX "IDX_a45df5a99d61f11c78719bd612" ON "contract" ("ownerId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_86b89a6d689f50beb08b0537f6" ON "contract" ("number") `);
    await queryRunner.query(`DROP INDEX "IDX_703de5e39cfcdf2dee29ca4cd5"`);
    await queryRunner.query(`DROP INDEX "IDX_b518f26ab85e77017f0ff4054b"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP INDEX "IDX_18bb4cb3a94c2e0d43e60d3b31"`);
    await queryRunner.query(`DROP INDEX "IDX_5fb5f5fd13b48dd9b1cdba79f2"`);
    await queryRunner.query(`DROP INDEX "IDX_8ff1b456b0e8ba3d3a9a933c4b"`);
    await queryRunner.query(`DROP INDEX "IDX_49652ae56317095a5bb40d588f"`);
    await queryRunner.query(`DROP INDEX "IDX_a45df5a99d61f11c78719bd612"`);
    await queryRunner.query(`DROP INDEX "IDX_86b89a6d689f50beb08b0537f6"`);
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`DROP INDEX "IDX_22581a703ae1b12d65881eafbe"`);
    await queryRunner.query(`DROP TABLE "approval_decision"`);
    await queryRunner.query(`DROP INDEX "IDX_a00af2204480a0d70f316158f1"`);
    await queryRunner.query(`DROP INDEX "IDX_d7cb006685d032de10b302858a"`);
    await queryRunner.query(`DROP TABLE "approval_request"`);
    await queryRunner.query(`DROP INDEX "IDX_52165f1f3d52e4b9a582f3345b"`);
    await queryRunner.query(`DROP TABLE "number_sequence"`);
  }
}
