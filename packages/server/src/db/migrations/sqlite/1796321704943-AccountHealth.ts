import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountHealth1796321704943 implements MigrationInterface {
  name = 'AccountHealth1796321704943';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "health_score_weight" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "component" varchar CHECK( "component" IN ('DELIVERY','ISSUES','FINANCE','RENEWAL','ENGAGEMENT') ) NOT NULL, "weight" integer NOT NULL)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3b6c0804972b3e0e50d27fb2f0" ON "health_score_weight" ("component") `);
    await queryRunner.query(`CREATE TABLE "account_health_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "day" date NOT NULL, "score" integer NOT NULL, "delivery" integer NOT NULL, "issues" integer NOT NULL, "finance" integer NOT NULL, "renewal" integer NOT NULL, "engagement" integer NOT NULL, "recordedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_4858b3efca7a8b77726144de0d" ON "account_health_snapshot" ("day", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2e533d71f9ded273bfeeabcf30" ON "account_health_snapshot" ("accountId", "day") `);
    await queryRunner.query(`DROP INDEX "IDX_4858b3efca7a8b77726144de0d"`);
    await queryRunner.query(`DROP INDEX "IDX_2e533d71f9ded273bfeeabcf30"`);
    await queryRunner.query(`CREATE TABLE "temporary_account_health_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "day" date NOT NULL, "score" integer NOT NULL, "delivery" integer NOT NULL, "issues" integer NOT NULL, "finance" integer NOT NULL, "renewal" integer NOT NULL, "engagement" integer NOT NULL, "recordedAt" datetime(3) NOT NULL, CONSTRAINT "FK_310ebc3f1a74885d9c285259a1e" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_account_health_snapshot"("id", "accountId", "day", "score", "delivery", "issues", "finance", "renewal", "engagement", "recordedAt") SELECT "id", "accountId", "day", "score", "delivery", "issues", "finance", "renewal", "engagement", "recordedAt" FROM "account_health_snapshot"`);
    await queryRunner.query(`DROP TABLE "account_health_snapshot"`);
    await queryRunner.query(`ALTER TABLE "temporary_account_health_snapshot" RENAME TO "account_health_snapshot"`);
    await queryRunner.query(`CREATE INDEX "IDX_4858b3efca7a8b77726144de0d" ON "account_health_snapshot" ("day", "id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2e533d71f9ded273bfeeabcf30" ON "account_health_snapshot" ("accountId", "day") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_2e533d71f9ded273bfeeabcf30"`);
    await queryRunner.query(`DROP INDEX "IDX_4858b3efca7a8b77726144de0d"`);
    await queryRunner.query(`ALTER TABLE "account_health_snapshot" RENAME TO "temporary_account_health_snapshot"`);
    await queryRunner.query(`CREATE TABLE "account_health_snapshot" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "accountId" integer NOT NULL, "day" date NOT NULL, "score" integer NOT NULL, "delivery" integer NOT NULL, "issues" integer NOT NULL, "finance" integer NOT NULL, "renewal" integer NOT NULL, "engagement" integer NOT NULL, "recordedAt" datetime(3) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "account_health_snapshot"("id", "accountId", "day", "score", "delivery", "issues", "finance", "renewal", "engagement", "recordedAt") SELECT "id", "accountId", "day", "score", "delivery", "issues", "finance", "renewal", "engagement", "recordedAt" FROM "temporary_account_health_snapshot"`);
    await queryRunner.query(`DROP TABLE "temporary_account_health_snapshot"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2e533d71f9ded273bfeeabcf30" ON "account_health_snapshot" ("accountId", "day") `);
    await queryRunner.query(`CREATE INDEX "IDX_4858b3efca7a8b77726144de0d" ON "account_health_snapshot" ("day", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_2e533d71f9ded273bfeeabcf30"`);
    await queryRunner.query(`DROP INDEX "IDX_4858b3efca7a8b77726144de0d"`);
    await queryRunner.query(`DROP TABLE "account_health_snapshot"`);
    await queryRunner.query(`DROP INDEX "IDX_3b6c0804972b3e0e50d27fb2f0"`);
    await queryRunner.query(`DROP TABLE "health_score_weight"`);
  }
}
