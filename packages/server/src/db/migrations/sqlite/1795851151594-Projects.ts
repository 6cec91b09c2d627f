import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Projects1795851151594 implements MigrationInterface {
  name = 'Projects1795851151594';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "contractId" integer, "name" varchar(200) NOT NULL, "description" text, "status" varchar CHECK( "status" IN ('PLANNED','ACTIVE','ON_HOLD','COMPLETED','CANCELLED') ) NOT NULL, "startDate" date NOT NULL, "targetEndDate" date NOT NULL, "actualEndDate" date, "budgetCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "actualCostCents" bigint NOT NULL DEFAULT (0), "leadId" integer, "health" varchar CHECK( "health" IN ('GREEN','AMBER','RED') ), "createdById" integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b85e3e5d8b0914b5540eff1665" ON "project" ("leadId") `);
    await queryRunner.query(`CREATE INDEX "IDX_2df11cd6e0fd120d14cee6f422" ON "project" ("targetEndDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd3d04fb0d78103f212a1dc0e2" ON "project" ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_20e92f513d5a3eb65aa3d21ec7" ON "project" ("createdAt", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_6c5a202261d8fedc98b9fc7303" ON "project" ("status", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_162cc5344639454d1572347f5e" ON "project" ("contractId", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3e8e5228f5c898adaa96b5e29c" ON "project" ("accountId", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "project_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "userId" integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e7520163dafa7c1104fd672caa" ON "project_member" ("userId") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1f95533c37d5a7215c796d6ac9" ON "project_member" ("projectId", "userId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "project_cost" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "date" date NOT NULL, "category" varchar CHECK( "category" IN ('LABOR','VENDOR','OTHER') ) NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "note" varchar(1000), "recordedById" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a2fd838e7262dc89ba83439295" ON "project_cost" ("projectId", "date", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "status_update" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "authorId" integer NOT NULL, "postedAt" datetime(3) NOT NULL, "overall" varchar CHECK( "overall" IN ('GREEN','AMBER','RED') ) NOT NULL, "schedule" varchar CHECK( "schedule" IN ('GREEN','AMBER','RED') ) NOT NULL, "budget" varchar CHECK( "budget" IN ('GREEN','AMBER','RED') ) NOT NULL, "scope" varchar CHECK( "scope" IN ('GREEN','AMBER','RED') ) NOT NULL, "quality" varchar CHECK( "quality" IN ('GREEN','AMBER','RED') ) NOT NULL, "summary" text NOT NULL, "risks" text, "nextSteps" text, "correctsId" integer)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f59c3b7fda584196d4717ea736" ON "status_update" ("correctsId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_4b29babacc2af22890a16dce46" ON "status_update" ("projectId", "postedAt", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('MILESTONE','DELIVERABLE') ) NOT NULL, "title" varchar(200) NOT NULL, "dueDate" date NOT NULL, "status" varchar CHECK( "status" IN ('PLANNED','IN_PROGRESS','DELIVERED','ACCEPTED','REJECTED') ) NOT NULL, "qualityPassed" boolean, "qualityReviewerId" integer, "qualityNotes" varchar(2000), "qualityReviewedAt" datetime(3), "acceptedByContactId" integer, "acceptedOn" date, "rejectionReason" varchar(2000), "lateNotifiedAt" datetime(3))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_64571f31c7da8158fefb696271" ON "milestone" ("status", "dueDate", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5b2bc40276bb782b65e251d090" ON "milestone" ("projectId", "dueDate", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_b85e3e5d8b0914b5540eff1665"`);
    await queryRunner.query(`DROP INDEX "IDX_2df11cd6e0fd120d14cee6f422"`);
    await queryRunner.query(`DROP INDEX "IDX_bd3d04fb0d78103f212a1dc0e2"`);
    await queryRunner.query(`DROP INDEX "IDX_20e92f513d5a3eb65aa3d21ec7"`);
    await queryRunner.query(`DROP INDEX "IDX_6c5a202261d8fedc98b9fc7303"`);
    await queryRunner.query(`DROP INDEX "IDX_162cc5344639454d1572347f5e"`);
    await queryRunner.query(`DROP INDEX "IDX_3e8e5228f5c898adaa96b5e29c"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "contractId" integer, "name" varchar(200) NOT NULL, "description" text, "status" varchar CHECK( "status" IN ('PLANNED','ACTIVE','ON_HOLD','COMPLETED','CANCELLED') ) NOT NULL, "startDate" date NOT NULL, "targetEndDate" date NOT NULL, "actualEndDate" date, "budgetCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "actualCostCents" bigint NOT NULL DEFAULT (0), "leadId" integer, "health" varchar CHECK( "health" IN ('GREEN','AMBER','RED') ), "createdById" integer NOT NULL, CONSTRAINT "FK_8d691f8d69acef59f4ed3a872c4" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_20b6be6d0abb1a93440f030f61e" FOREIGN KEY ("contractId") REFERENCES "contract" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_b85e3e5d8b0914b5540eff16656" FOREIGN KEY ("leadId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_project"("id", "createdAt", "updatedAt", "version", "accountId", "contractId", "name", "description", "status", "startDate", "targetEndDate", "actualEndDate", "budgetCents", "currency", "actualCostCents", "leadId", "health", "createdById") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "contractId", "name", "description", "status", "startDate", "targetEndDate", "actualEndDate", "budgetCents", "currency", "actualCostCents", "leadId", "health", "createdById" FROM "project"`,
    );
    await queryRunner.query(`DROP TABLE "project"`);
    await queryRunner.query(`ALTER TABLE "temporary_project" RENAME TO "project"`);
    await queryRunner.query(`CREATE INDEX "IDX_b85e3e5d8b0914b5540eff1665" ON "project" ("leadId") `);
    await queryRunner.query(`CREATE INDEX "IDX_2df11cd6e0fd120d14cee6f422" ON "project" ("targetEndDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd3d04fb0d78103f212a1dc0e2" ON "project" ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_20e92f513d5a3eb65aa3d21ec7" ON "project" ("createdAt", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_6c5a202261d8fedc98b9fc7303" ON "project" ("status", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_162cc5344639454d1572347f5e" ON "project" ("contractId", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3e8e5228f5c898adaa96b5e29c" ON "project" ("accountId", "createdAt", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_e7520163dafa7c1104fd672caa"`);
    await queryRunner.query(`DROP INDEX "IDX_1f95533c37d5a7215c796d6ac9"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_project_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "userId" integer NOT NULL, CONSTRAINT "FK_7115f82a61e31ac95b2681d83e4" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e7520163dafa7c1104fd672caad" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_project_member"("id", "createdAt", "updatedAt", "version", "projectId", "userId") SELECT "id", "createdAt", "updatedAt", "version", "projectId", "userId" FROM "project_member"`,
    );
    await queryRunner.query(`DROP TABLE "project_member"`);
    await queryRunner.query(`ALTER TABLE "temporary_project_member" RENAME TO "project_member"`);
    await queryRunner.query(`CREATE INDEX "IDX_e7520163dafa7c1104fd672caa" ON "project_member" ("userId") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1f95533c37d5a7215c796d6ac9" ON "project_member" ("projectId", "userId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_a2fd838e7262dc89ba83439295"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_project_cost" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "date" date NOT NULL, "category" varchar CHECK( "category" IN ('LABOR','VENDOR','OTHER') ) NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "note" varchar(1000), "recordedById" integer NOT NULL, CONSTRAINT "FK_564703d4fae2b778869ee9e620f" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_project_cost"("id", "createdAt", "updatedAt", "version", "projectId", "date", "category", "amountCents", "currency", "note", "recordedById") SELECT "id", "createdAt", "updatedAt", "version", "projectId", "date", "category", "amountCents", "currency", "note", "recordedById" FROM "project_cost"`,
    );
    await queryRunner.query(`DROP TABLE "project_cost"`);
    await queryRunner.query(`ALTER TABLE "temporary_project_cost" RENAME TO "project_cost"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a2fd838e7262dc89ba83439295" ON "project_cost" ("projectId", "date", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_f59c3b7fda584196d4717ea736"`);
    await queryRunner.query(`DROP INDEX "IDX_4b29babacc2af22890a16dce46"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_status_update" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "authorId" integer NOT NULL, "postedAt" datetime(3) NOT NULL, "overall" varchar CHECK( "overall" IN ('GREEN','AMBER','RED') ) NOT NULL, "schedule" varchar CHECK( "schedule" IN ('GREEN','AMBER','RED') ) NOT NULL, "budget" varchar CHECK( "budget" IN ('GREEN','AMBER','RED') ) NOT NULL, "scope" varchar CHECK( "scope" IN ('GREEN','AMBER','RED') ) NOT NULL, "quality" varchar CHECK( "quality" IN ('GREEN','AMBER','RED') ) NOT NULL, "summary" text NOT NULL, "risks" text, "nextSteps" text, "correctsId" integer, CONSTRAINT "FK_9d68af6609a76972b0e5b59b45a" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_813ce308159ae4efbf423ae7d6f" FOREIGN KEY ("authorId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f59c3b7fda584196d4717ea7362" FOREIGN KEY ("correctsId") REFERENCES "status_update" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_status_update"("id", "createdAt", "updatedAt", "version", "projectId", "authorId", "postedAt", "overall", "schedule", "budget", "scope", "quality", "summary", "risks", "nextSteps", "correctsId") SELECT "id", "createdAt", "updatedAt", "version", "projectId", "authorId", "postedAt", "overall", "schedule", "budget", "scope", "quality", "summary", "risks", "nextSteps", "correctsId" FROM "status_update"`,
    );
    await queryRunner.query(`DROP TABLE "status_update"`);
    await queryRunner.query(`ALTER TABLE "temporary_status_update" RENAME TO "status_update"`);
    await queryRunner.query(`CREATE INDEX "IDX_f59c3b7fda584196d4717ea736" ON "status_update" ("correctsId") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_4b29babacc2af22890a16dce46" ON "status_update" ("projectId", "postedAt", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_64571f31c7da8158fefb696271"`);
    await queryRunner.query(`DROP INDEX "IDX_5b2bc40276bb782b65e251d090"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('MILESTONE','DELIVERABLE') ) NOT NULL, "title" varchar(200) NOT NULL, "dueDate" date NOT NULL, "status" varchar CHECK( "status" IN ('PLANNED','IN_PROGRESS','DELIVERED','ACCEPTED','REJECTED') ) NOT NULL, "qualityPassed" boolean, "qualityReviewerId" integer, "qualityNotes" varchar(2000), "qualityReviewedAt" datetime(3), "acceptedByContactId" integer, "acceptedOn" date, "rejectionReason" varchar(2000), "lateNotifiedAt" datetime(3), CONSTRAINT "FK_edc28a2e0442554afe5eef2bdcb" FOREIGN KEY ("projectId") REFERENCES "project" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_e6542ffb86dda73d625ce4c4cd9" FOREIGN KEY ("acceptedByContactId") REFERENCES "contact" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_milestone"("id", "createdAt", "updatedAt", "version", "projectId", "kind", "title", "dueDate", "status", "qualityPassed", "qualityReviewerId", "qualityNotes", "qualityReviewedAt", "acceptedByContactId", "acceptedOn", "rejectionReason", "lateNotifiedAt") SELECT "id", "createdAt", "updatedAt", "version", "projectId", "kind", "title", "dueDate", "status", "qualityPassed", "qualityReviewerId", "qualityNotes", "qualityReviewedAt", "acceptedByContactId", "acceptedOn", "rejectionReason", "lateNotifiedAt" FROM "milestone"`,
    );
    await queryRunner.query(`DROP TABLE "milestone"`);
    await queryRunner.query(`ALTER TABLE "temporary_milestone" RENAME TO "milestone"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_64571f31c7da8158fefb696271" ON "milestone" ("status", "dueDate", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5b2bc40276bb782b65e251d090" ON "milestone" ("projectId", "dueDate", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_5b2bc40276bb782b65e251d090"`);
    await queryRunner.query(`DROP INDEX "IDX_64571f31c7da8158fefb696271"`);
    await queryRunner.query(`ALTER TABLE "milestone" RENAME TO "temporary_milestone"`);
    await queryRunner.query(
      `CREATE TABLE "milestone" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('MILESTONE','DELIVERABLE') ) NOT NULL, "title" varchar(200) NOT NULL, "dueDate" date NOT NULL, "status" varchar CHECK( "status" IN ('PLANNED','IN_PROGRESS','DELIVERED','ACCEPTED','REJECTED') ) NOT NULL, "qualityPassed" boolean, "qualityReviewerId" integer, "qualityNotes" varchar(2000), "qualityReviewedAt" datetime(3), "acceptedByContactId" integer, "acceptedOn" date, "rejectionReason" varchar(2000), "lateNotifiedAt" datetime(3))`,
    );
    await queryRunner.query(
      `INSERT INTO "milestone"("id", "createdAt", "updatedAt", "version", "projectId", "kind", "title", "dueDate", "status", "qualityPassed", "qualityReviewerId", "qualityNotes", "qualityReviewedAt", "acceptedByContactId", "acceptedOn", "rejectionReason", "lateNotifiedAt") SELECT "id", "createdAt", "updatedAt", "version", "projectId", "kind", "title", "dueDate", "status", "qualityPassed", "qualityReviewerId", "qualityNotes", "qualityReviewedAt", "acceptedByContactId", "acceptedOn", "rejectionReason", "lateNotifiedAt" FROM "temporary_milestone"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_milestone"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_5b2bc40276bb782b65e251d090" ON "milestone" ("projectId", "dueDate", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_64571f31c7da8158fefb696271" ON "milestone" ("status", "dueDate", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_4b29babacc2af22890a16dce46"`);
    await queryRunner.query(`DROP INDEX "IDX_f59c3b7fda584196d4717ea736"`);
    await queryRunner.query(`ALTER TABLE "status_update" RENAME TO "temporary_status_update"`);
    await queryRunner.query(
      `CREATE TABLE "status_update" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "authorId" integer NOT NULL, "postedAt" datetime(3) NOT NULL, "overall" varchar CHECK( "overall" IN ('GREEN','AMBER','RED') ) NOT NULL, "schedule" varchar CHECK( "schedule" IN ('GREEN','AMBER','RED') ) NOT NULL, "budget" varchar CHECK( "budget" IN ('GREEN','AMBER','RED') ) NOT NULL, "scope" varchar CHECK( "scope" IN ('GREEN','AMBER','RED') ) NOT NULL, "quality" varchar CHECK( "quality" IN ('GREEN','AMBER','RED') ) NOT NULL, "summary" text NOT NULL, "risks" text, "nextSteps" text, "correctsId" integer)`,
    );
    await queryRunner.query(
      `INSERT INTO "status_update"("id", "createdAt", "updatedAt", "version", "projectId", "authorId", "postedAt", "overall", "schedule", "budget", "scope", "quality", "summary", "risks", "nextSteps", "correctsId") SELECT "id", "createdAt", "updatedAt", "version", "projectId", "authorId", "postedAt", "overall", "schedule", "budget", "scope", "quality", "summary", "risks", "nextSteps", "correctsId" FROM "temporary_status_update"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_status_update"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_4b29babacc2af22890a16dce46" ON "status_update" ("projectId", "postedAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f59c3b7fda584196d4717ea736" ON "status_update" ("correctsId") `);
    await queryRunner.query(`DROP INDEX "IDX_a2fd838e7262dc89ba83439295"`);
    await queryRunner.query(`ALTER TABLE "project_cost" RENAME TO "temporary_project_cost"`);
    await queryRunner.query(
      `CREATE TABLE "project_cost" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "date" date NOT NULL, "category" varchar CHECK( "category" IN ('LABOR','VENDOR','OTHER') ) NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "note" varchar(1000), "recordedById" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "project_cost"("id", "createdAt", "updatedAt", "version", "projectId", "date", "category", "amountCents", "currency", "note", "recordedById") SELECT "id", "createdAt", "updatedAt", "version", "projectId", "date", "category", "amountCents", "currency", "note", "recordedById" FROM "temporary_project_cost"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_project_cost"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_a2fd838e7262dc89ba83439295" ON "project_cost" ("projectId", "date", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_1f95533c37d5a7215c796d6ac9"`);
    await queryRunner.query(`DROP INDEX "IDX_e7520163dafa7c1104fd672caa"`);
    await queryRunner.query(`ALTER TABLE "project_member" RENAME TO "temporary_project_member"`);
    await queryRunner.query(
      `CREATE TABLE "project_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "projectId" integer NOT NULL, "userId" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "project_member"("id", "createdAt", "updatedAt", "version", "projectId", "userId") SELECT "id", "createdAt", "updatedAt", "version", "projectId", "userId" FROM "temporary_project_member"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_project_member"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_1f95533c37d5a7215c796d6ac9" ON "project_member" ("projectId", "userId") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e7520163dafa7c1104fd672caa" ON "project_member" ("userId") `);
    await queryRunner.query(`DROP INDEX "IDX_3e8e5228f5c898adaa96b5e29c"`);
    await queryRunner.query(`DROP INDEX "IDX_162cc5344639454d1572347f5e"`);
    await queryRunner.query(`DROP INDEX "IDX_6c5a202261d8fedc98b9fc7303"`);
    await queryRunner.query(`DROP INDEX "IDX_20e92f513d5a3eb65aa3d21ec7"`);
    await queryRunner.query(`DROP INDEX "IDX_bd3d04fb0d78103f212a1dc0e2"`);
    await queryRunner.query(`DROP INDEX "IDX_2df11cd6e0fd120d14cee6f422"`);
    await queryRunner.query(`DROP INDEX "IDX_b85e3e5d8b0914b5540eff1665"`);
    await queryRunner.query(`ALTER TABLE "project" RENAME TO "temporary_project"`);
    await queryRunner.query(
      `CREATE TABLE "project" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "contractId" integer, "name" varchar(200) NOT NULL, "description" text, "status" varchar CHECK( "status" IN ('PLANNED','ACTIVE','ON_HOLD','COMPLETED','CANCELLED') ) NOT NULL, "startDate" date NOT NULL, "targetEndDate" date NOT NULL, "actualEndDate" date, "budgetCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "actualCostCents" bigint NOT NULL DEFAULT (0), "leadId" integer, "health" varchar CHECK( "health" IN ('GREEN','AMBER','RED') ), "createdById" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "project"("id", "createdAt", "updatedAt", "version", "accountId", "contractId", "name", "description", "status", "startDate", "targetEndDate", "actualEndDate", "budgetCents", "currency", "actualCostCents", "leadId", "health", "createdById") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "contractId", "name", "description", "status", "startDate", "targetEndDate", "actualEndDate", "budgetCents", "currency", "actualCostCents", "leadId", "health", "createdById" FROM "temporary_project"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_project"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_3e8e5228f5c898adaa96b5e29c" ON "project" ("accountId", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_162cc5344639454d1572347f5e" ON "project" ("contractId", "createdAt", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6c5a202261d8fedc98b9fc7303" ON "project" ("status", "createdAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_20e92f513d5a3eb65aa3d21ec7" ON "project" ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bd3d04fb0d78103f212a1dc0e2" ON "project" ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2df11cd6e0fd120d14cee6f422" ON "project" ("targetEndDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b85e3e5d8b0914b5540eff1665" ON "project" ("leadId") `);
    await queryRunner.query(`DROP INDEX "IDX_5b2bc40276bb782b65e251d090"`);
    await queryRunner.query(`DROP INDEX "IDX_64571f31c7da8158fefb696271"`);
    await queryRunner.query(`DROP TABLE "milestone"`);
    await queryRunner.query(`DROP INDEX "IDX_4b29babacc2af22890a16dce46"`);
    await queryRunner.query(`DROP INDEX "IDX_f59c3b7fda584196d4717ea736"`);
    await queryRunner.query(`DROP TABLE "status_update"`);
    await queryRunner.query(`DROP INDEX "IDX_a2fd838e7262dc89ba83439295"`);
    await queryRunner.query(`DROP TABLE "project_cost"`);
    await queryRunner.query(`DROP INDEX "IDX_1f95533c37d5a7215c796d6ac9"`);
    await queryRunner.query(`DROP INDEX "IDX_e7520163dafa7c1104fd672caa"`);
    await queryRunner.query(`DROP TABLE "project_member"`);
    await queryRunner.query(`DROP INDEX "IDX_3e8e5228f5c898adaa96b5e29c"`);
    await queryRunner.query(`DROP INDEX "IDX_162cc5344639454d1572347f5e"`);
    await queryRunner.query(`DROP INDEX "IDX_6c5a202261d8fedc98b9fc7303"`);
    await queryRunner.query(`DROP INDEX "IDX_20e92f513d5a3eb65aa3d21ec7"`);
    await queryRunner.query(`DROP INDEX "IDX_bd3d04fb0d78103f212a1dc0e2"`);
    await queryRunner.query(`DROP INDEX "IDX_2df11cd6e0fd120d14cee6f422"`);
    await queryRunner.query(`DROP INDEX "IDX_b85e3e5d8b0914b5540eff1665"`);
    await queryRunner.query(`DROP TABLE "project"`);
  }
}
