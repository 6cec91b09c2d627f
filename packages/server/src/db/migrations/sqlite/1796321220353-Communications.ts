import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Communications1796321220353 implements MigrationInterface {
  name = 'Communications1796321220353';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "communication" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "type" varchar CHECK( "type" IN ('MEETING','CALL','EMAIL','PRESENTATION','QUARTERLY_BUSINESS_REVIEW','SITE_VISIT','WORKSHOP','OTHER') ) NOT NULL, "direction" varchar CHECK( "direction" IN ('INBOUND','OUTBOUND') ) NOT NULL, "occurredAt" datetime(3) NOT NULL, "subject" varchar(200) NOT NULL, "summary" varchar(8000), "loggedById" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_ea8b2ca50a11b4654416930f19" ON "communication" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cc24528b15f31ad660c6232423" ON "communication" ("occurredAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_485b60b672b6a32e49eaf63a7e" ON "communication" ("accountId", "occurredAt", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_ea8b2ca50a11b4654416930f19"`);
    await queryRunner.query(`DROP INDEX "IDX_cc24528b15f31ad660c6232423"`);
    await queryRunner.query(`DROP INDEX "IDX_485b60b672b6a32e49eaf63a7e"`);
    await queryRunner.query(`CREATE TABLE "temporary_communication" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "type" varchar CHECK( "type" IN ('MEETING','CALL','EMAIL','PRESENTATION','QUARTERLY_BUSINESS_REVIEW','SITE_VISIT','WORKSHOP','OTHER') ) NOT NULL, "direction" varchar CHECK( "direction" IN ('INBOUND','OUTBOUND') ) NOT NULL, "occurredAt" datetime(3) NOT NULL, "subject" varchar(200) NOT NULL, "summary" varchar(8000), "loggedById" integer NOT NULL, CONSTRAINT "FK_0d80fd0ac88a8b4bb0600ca0c5c" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_1f11429253dcff50169d8ad25d3" FOREIGN KEY ("loggedById") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_communication"("id", "createdAt", "updatedAt", "version", "accountId", "type", "direction", "occurredAt", "subject", "summary", "loggedById") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "type", "direction", "occurredAt", "subject", "summary", "loggedById" FROM "communication"`);
    await queryRunner.query(`DROP TABLE "communication"`);
    await queryRunner.query(`ALTER TABLE "temporary_communication" RENAME TO "communication"`);
    await queryRunner.query(`CREATE INDEX "IDX_ea8b2ca50a11b4654416930f19" ON "communication" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cc24528b15f31ad660c6232423" ON "communication" ("occurredAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_485b60b672b6a32e49eaf63a7e" ON "communication" ("accountId", "occurredAt", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_485b60b672b6a32e49eaf63a7e"`);
    await queryRunner.query(`DROP INDEX "IDX_cc24528b15f31ad660c6232423"`);
    await queryRunner.query(`DROP INDEX "IDX_ea8b2ca50a11b4654416930f19"`);
    await queryRunner.query(`ALTER TABLE "communication" RENAME TO "temporary_communication"`);
    await queryRunner.query(`CREATE TABLE "communication" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "type" varchar CHECK( "type" IN ('MEETING','CALL','EMAIL','PRESENTATION','QUARTERLY_BUSINESS_REVIEW','SITE_VISIT','WORKSHOP','OTHER') ) NOT NULL, "direction" varchar CHECK( "direction" IN ('INBOUND','OUTBOUND') ) NOT NULL, "occurredAt" datetime(3) NOT NULL, "subject" varchar(200) NOT NULL, "summary" varchar(8000), "loggedById" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "communication"("id", "createdAt", "updatedAt", "version", "accountId", "type", "direction", "occurredAt", "subject", "summary", "loggedById") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "type", "direction", "occurredAt", "subject", "summary", "loggedById" FROM "temporary_communication"`);
    await queryRunner.query(`DROP TABLE "temporary_communication"`);
    await queryRunner.query(`CREATE INDEX "IDX_485b60b672b6a32e49eaf63a7e" ON "communication" ("accountId", "occurredAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_cc24528b15f31ad660c6232423" ON "communication" ("occurredAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ea8b2ca50a11b4654416930f19" ON "communication" ("updatedAt", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_485b60b672b6a32e49eaf63a7e"`);
    await queryRunner.query(`DROP INDEX "IDX_cc24528b15f31ad660c6232423"`);
    await queryRunner.query(`DROP INDEX "IDX_ea8b2ca50a11b4654416930f19"`);
    await queryRunner.query(`DROP TABLE "communication"`);
  }
}
