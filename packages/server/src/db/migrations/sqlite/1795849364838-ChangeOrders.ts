import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeOrders1795849364838 implements MigrationInterface {
  name = 'ChangeOrders1795849364838';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "change_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "contractId" integer NOT NULL, "accountId" integer NOT NULL, "projectId" integer, "number" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "description" text, "amountDeltaCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "scheduleImpactDays" integer NOT NULL DEFAULT (0), "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','APPROVED','REJECTED','WITHDRAWN') ) NOT NULL, "createdById" integer NOT NULL, "submittedById" integer, "decidedAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9d20f8aa440475b77bc430bcc4" ON "change_order" ("number") `);
    await queryRunner.query(`CREATE INDEX "IDX_153c42d5cbc25f1a6ad9c30fab" ON "change_order" ("createdAt", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_a7365fb2d0016ab28cb9d3e82e" ON "change_order" ("status", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b1e35d7bae3eb91b504aa14229" ON "change_order" ("accountId", "createdAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_74889ee8b1491041c01b81820b" ON "change_order" ("contractId", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_9d20f8aa440475b77bc430bcc4"`);
    await queryRunner.query(`DROP INDEX "IDX_153c42d5cbc25f1a6ad9c30fab"`);
    await queryRunner.query(`DROP INDEX "IDX_a7365fb2d0016ab28cb9d3e82e"`);
    await queryRunner.query(`DROP INDEX "IDX_b1e35d7bae3eb91b504aa14229"`);
    await queryRunner.query(`DROP INDEX "IDX_74889ee8b1491041c01b81820b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_change_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "contractId" integer NOT NULL, "accountId" integer NOT NULL, "projectId" integer, "number" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "description" text, "amountDeltaCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "scheduleImpactDays" integer NOT NULL DEFAULT (0), "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','APPROVED','REJECTED','WITHDRAWN') ) NOT NULL, "createdById" integer NOT NULL, "submittedById" integer, "decidedAt" datetime(3), CONSTRAINT "FK_751c7f7b3e7a588434663478e57" FOREIGN KEY ("contractId") REFERENCES "contract" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_3f1320406b8eb043d1f5dfd353b" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_change_order"("id", "createdAt", "updatedAt", "version", "contractId", "accountId", "projectId", "number", "title", "description", "amountDeltaCents", "currency", "scheduleImpactDays", "status", "createdById", "submittedById", "decidedAt") SELECT "id", "createdAt", "updatedAt", "version", "contractId", "accountId", "projectId", "number", "title", "description", "amountDeltaCents", "currency", "scheduleImpactDays", "status", "createdById", "submittedById", "decidedAt" FROM "change_order"`,
    );
    await queryRunner.query(`DROP TABLE "change_order"`);
    await queryRunner.query(`ALTER TABLE "temporary_change_order" RENAME TO "change_order"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9d20f8aa440475b77bc430bcc4" ON "change_order" ("number") `);
    await queryRunner.query(`CREATE INDEX "IDX_153c42d5cbc25f1a6ad9c30fab" ON "change_order" ("createdAt", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_a7365fb2d0016ab28cb9d3e82e" ON "change_order" ("status", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b1e35d7bae3eb91b504aa14229" ON "change_order" ("accountId", "createdAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_74889ee8b1491041c01b81820b" ON "change_order" ("contractId", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_74889ee8b1491041c01b81820b"`);
    await queryRunner.query(`DROP INDEX "IDX_b1e35d7bae3eb91b504aa14229"`);
    await queryRunner.query(`DROP INDEX "IDX_a7365fb2d0016ab28cb9d3e82e"`);
    await queryRunner.query(`DROP INDEX "IDX_153c42d5cbc25f1a6ad9c30fab"`);
    await queryRunner.query(`DROP INDEX "IDX_9d20f8aa440475b77bc430bcc4"`);
    await queryRunner.query(`ALTER TABLE "change_order" RENAME TO "temporary_change_order"`);
    await queryRunner.query(
      `CREATE TABLE "change_order" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "contractId" integer NOT NULL, "accountId" integer NOT NULL, "projectId" integer, "number" varchar(30) NOT NULL, "title" varchar(200) NOT NULL, "description" text, "amountDeltaCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "scheduleImpactDays" integer NOT NULL DEFAULT (0), "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','APPROVED','REJECTED','WITHDRAWN') ) NOT NULL, "createdById" integer NOT NULL, "submittedById" integer, "decidedAt" datetime(3))`,
    );
    await queryRunner.query(
      `INSERT INTO "change_order"("id", "createdAt", "updatedAt", "version", "contractId", "accountId", "projectId", "number", "title", "description", "amountDeltaCents", "currency", "scheduleImpactDays", "status", "createdById", "submittedById", "decidedAt") SELECT "id", "createdAt", "updatedAt", "version", "contractId", "accountId", "projectId", "number", "title", "description", "amountDeltaCents", "currency", "scheduleImpactDays", "status", "createdById", "submittedById", "decidedAt" FROM "temporary_change_order"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_change_order"`);
    await queryRunner.query(`CREATE INDEX "IDX_74889ee8b1491041c01b81820b" ON "change_order" ("contractId", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_b1e35d7bae3eb91b504aa14229" ON "change_order" ("accountId", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a7365fb2d0016ab28cb9d3e82e" ON "change_order" ("status", "createdAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_153c42d5cbc25f1a6ad9c30fab" ON "change_order" ("createdAt", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9d20f8aa440475b77bc430bcc4" ON "change_order" ("number") `);
    await queryRunner.query(`DROP INDEX "IDX_74889ee8b1491041c01b81820b"`);
    await queryRunner.query(`DROP INDEX "IDX_b1e35d7bae3eb91b504aa14229"`);
    await queryRunner.query(`DROP INDEX "IDX_a7365fb2d0016ab28cb9d3e82e"`);
    await queryRunner.query(`DROP INDEX "IDX_153c42d5cbc25f1a6ad9c30fab"`);
    await queryRunner.query(`DROP INDEX "IDX_9d20f8aa440475b77bc430bcc4"`);
    await queryRunner.query(`DROP TABLE "change_order"`);
  }
}
