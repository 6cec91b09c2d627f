import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffGoals1796326414435 implements MigrationInterface {
  name = 'StaffGoals1796326414435';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "staff_goal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "userId" integer NOT NULL, "metric" varchar CHECK( "metric" IN ('REVENUE_BOOKED','RENEWALS_CLOSED','INVOICES_COLLECTED','ISSUES_RESOLVED_WITHIN_SLA','OPPORTUNITIES_WON','CLIENT_TOUCHES') ) NOT NULL, "periodKind" varchar CHECK( "periodKind" IN ('QUARTER','YEAR') ) NOT NULL, "periodStart" date NOT NULL, "periodEnd" date NOT NULL, "target" bigint NOT NULL, "currency" varchar(3) NOT NULL, "setById" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_5b97208360d1d2505e159f5e82" ON "staff_goal" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ee9b88963d989afc29c1e7921a" ON "staff_goal" ("periodStart", "periodEnd", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f7a96b19ee02844f5ed49c6f63" ON "staff_goal" ("userId", "metric", "periodStart", "periodEnd", "currency") `);
    await queryRunner.query(`DROP INDEX "IDX_5b97208360d1d2505e159f5e82"`);
    await queryRunner.query(`DROP INDEX "IDX_ee9b88963d989afc29c1e7921a"`);
    await queryRunner.query(`DROP INDEX "IDX_f7a96b19ee02844f5ed49c6f63"`);
    await queryRunner.query(`CREATE TABLE "temporary_staff_goal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "userId" integer NOT NULL, "metric" varchar CHECK( "metric" IN ('REVENUE_BOOKED','RENEWALS_CLOSED','INVOICES_COLLECTED','ISSUES_RESOLVED_WITHIN_SLA','OPPORTUNITIES_WON','CLIENT_TOUCHES') ) NOT NULL, "periodKind" varchar CHECK( "periodKind" IN ('QUARTER','YEAR') ) NOT NULL, "periodStart" date NOT NULL, "periodEnd" date NOT NULL, "target" bigint NOT NULL, "currency" varchar(3) NOT NULL, "setById" integer NOT NULL, CONSTRAINT "FK_ef6fa91176017517603b2c08c72" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_560d952807a44889f6ea7135ff0" FOREIGN KEY ("setById") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_staff_goal"("id", "createdAt", "updatedAt", "version", "userId", "metric", "periodKind", "periodStart", "periodEnd", "target", "currency", "setById") SELECT "id", "createdAt", "updatedAt", "version", "userId", "metric", "periodKind", "periodStart", "periodEnd", "target", "currency", "setById" FROM "staff_goal"`);
    await queryRunner.query(`DROP TABLE "staff_goal"`);
    await queryRunner.query(`ALTER TABLE "temporary_staff_goal" RENAME TO "staff_goal"`);
    await queryRunner.query(`CREATE INDEX "IDX_5b97208360d1d2505e159f5e82" ON "staff_goal" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ee9b88963d989afc29c1e7921a" ON "staff_goal" ("periodStart", "periodEnd", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f7a96b19ee02844f5ed49c6f63" ON "staff_goal" ("userId", "metric", "periodStart", "periodEnd", "currency") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_f7a96b19ee02844f5ed49c6f63"`);
    await queryRunner.query(`DROP INDEX "IDX_ee9b88963d989afc29c1e7921a"`);
    await queryRunner.query(`DROP INDEX "IDX_5b97208360d1d2505e159f5e82"`);
    await queryRunner.query(`ALTER TABLE "staff_goal" RENAME TO "temporary_staff_goal"`);
    await queryRunner.query(`CREATE TABLE "staff_goal" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "userId" integer NOT NULL, "metric" varchar CHECK( "metric" IN ('REVENUE_BOOKED','RENEWALS_CLOSED','INVOICES_COLLECTED','ISSUES_RESOLVED_WITHIN_SLA','OPPORTUNITIES_WON','CLIENT_TOUCHES') ) NOT NULL, "periodKind" varchar CHECK( "periodKind" IN ('QUARTER','YEAR') ) NOT NULL, "periodStart" date NOT NULL, "periodEnd" date NOT NULL, "target" bigint NOT NULL, "currency" varchar(3) NOT NULL, "setById" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "staff_goal"("id", "createdAt", "updatedAt", "version", "userId", "metric", "periodKind", "periodStart", "periodEnd", "target", "currency", "setById") SELECT "id", "createdAt", "updatedAt", "version", "userId", "metric", "periodKind", "periodStart", "periodEnd", "target", "currency", "setById" FROM "temporary_staff_goal"`);
    await queryRunner.query(`DROP TABLE "temporary_staff_goal"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_f7a96b19ee02844f5ed49c6f63" ON "staff_goal" ("userId", "metric", "periodStart", "periodEnd", "currency") `);
    await queryRunner.query(`CREATE INDEX "IDX_ee9b88963d989afc29c1e7921a" ON "staff_goal" ("periodStart", "periodEnd", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5b97208360d1d2505e159f5e82" ON "staff_goal" ("updatedAt", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_f7a96b19ee02844f5ed49c6f63"`);
    await queryRunner.query(`DROP INDEX "IDX_ee9b88963d989afc29c1e7921a"`);
    await queryRunner.query(`DROP INDEX "IDX_5b97208360d1d2505e159f5e82"`);
    await queryRunner.query(`DROP TABLE "staff_goal"`);
  }
}
