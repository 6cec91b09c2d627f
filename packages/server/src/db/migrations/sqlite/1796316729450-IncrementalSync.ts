import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IncrementalSync1796316729450 implements MigrationInterface {
  name = 'IncrementalSync1796316729450';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c188421de79d18459dad7625ed"`);
    await queryRunner.query(`DROP INDEX "IDX_69d3ca7e728c95ce584ab3221d"`);
    await queryRunner.query(`DROP INDEX "IDX_427668ea1a2d94fab0aa34e346"`);
    await queryRunner.query(`DROP INDEX "IDX_45452915f68f5a171bc4107b9e"`);
    await queryRunner.query(`CREATE TABLE "temporary_audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "actorId" integer, "action" varchar(100) NOT NULL, "entityType" varchar(100) NOT NULL, "entityId" varchar(200) NOT NULL, "changes" text NOT NULL, "occurredAt" datetime(3) NOT NULL, "accountId" integer, "deletion" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_2b778fde3afc04ec59f83e29fa0" FOREIGN KEY ("actorId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_audit_event"("id", "createdAt", "updatedAt", "version", "actorId", "action", "entityType", "entityId", "changes", "occurredAt") SELECT "id", "createdAt", "updatedAt", "version", "actorId", "action", "entityType", "entityId", "changes", "occurredAt" FROM "audit_event"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_event" RENAME TO "audit_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_c188421de79d18459dad7625ed" ON "audit_event" ("entityType", "entityId", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_69d3ca7e728c95ce584ab3221d" ON "audit_event" ("actorId", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_427668ea1a2d94fab0aa34e346" ON "audit_event" ("occurredAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_45452915f68f5a171bc4107b9e" ON "audit_event" ("action") `);
    // Tombstones written before these columns: the two hard deletes, with the account from the event's own changes.
    await queryRunner.query(
      `UPDATE "audit_event" SET "deletion" = 1, "accountId" = json_extract("changes", '$.accountId.before') WHERE "action" IN ('deleteContact', 'removeAccountTeamMember')`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_90ccee5c2287669a882ab39e62" ON "user" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c503583c3e26329e66f2f5919a" ON "account" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7ffbf43027ef5febaf57158a2b" ON "audit_event" ("deletion", "occurredAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f5f10d810b4ee816d8f18dc482" ON "contract" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_63ba3c200667131e79c6105f06" ON "approval_decision" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_11be03925b0fdca143e387ba2c" ON "change_order" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_eb2e25fefdd0c090fead1855fe" ON "invoice" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_65f1a643168ca37c7bfdcd512b" ON "invoice_payment" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b1885ae2965d82371981b25142" ON "project" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_96ce4f68ec5f5721f218097449" ON "project_cost" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f2e3c9189172dab93855bf6f41" ON "status_update" ("updatedAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_36010b02be1c9993a5ad21f16a" ON "client_issue" ("updatedAt", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_36010b02be1c9993a5ad21f16a"`);
    await queryRunner.query(`DROP INDEX "IDX_f2e3c9189172dab93855bf6f41"`);
    await queryRunner.query(`DROP INDEX "IDX_96ce4f68ec5f5721f218097449"`);
    await queryRunner.query(`DROP INDEX "IDX_b1885ae2965d82371981b25142"`);
    await queryRunner.query(`DROP INDEX "IDX_65f1a643168ca37c7bfdcd512b"`);
    await queryRunner.query(`DROP INDEX "IDX_eb2e25fefdd0c090fead1855fe"`);
    await queryRunner.query(`DROP INDEX "IDX_11be03925b0fdca143e387ba2c"`);
    await queryRunner.query(`DROP INDEX "IDX_63ba3c200667131e79c6105f06"`);
    await queryRunner.query(`DROP INDEX "IDX_f5f10d810b4ee816d8f18dc482"`);
    await queryRunner.query(`DROP INDEX "IDX_7ffbf43027ef5febaf57158a2b"`);
    await queryRunner.query(`DROP INDEX "IDX_c503583c3e26329e66f2f5919a"`);
    await queryRunner.query(`DROP INDEX "IDX_90ccee5c2287669a882ab39e62"`);
    await queryRunner.query(`DROP INDEX "IDX_45452915f68f5a171bc4107b9e"`);
    await queryRunner.query(`DROP INDEX "IDX_427668ea1a2d94fab0aa34e346"`);
    await queryRunner.query(`DROP INDEX "IDX_69d3ca7e728c95ce584ab3221d"`);
    await queryRunner.query(`DROP INDEX "IDX_c188421de79d18459dad7625ed"`);
    await queryRunner.query(`ALTER TABLE "audit_event" RENAME TO "temporary_audit_event"`);
    await queryRunner.query(`CREATE TABLE "audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "actorId" integer, "action" varchar(100) NOT NULL, "entityType" varchar(100) NOT NULL, "entityId" varchar(200) NOT NULL, "changes" text NOT NULL, "occurredAt" datetime(3) NOT NULL, CONSTRAINT "FK_2b778fde3afc04ec59f83e29fa0" FOREIGN KEY ("actorId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "audit_event"("id", "createdAt", "updatedAt", "version", "actorId", "action", "entityType", "entityId", "changes", "occurredAt") SELECT "id", "createdAt", "updatedAt", "version", "actorId", "action", "entityType", "entityId", "changes", "occurredAt" FROM "temporary_audit_event"`);
    await queryRunner.query(`DROP TABLE "temporary_audit_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_45452915f68f5a171bc4107b9e" ON "audit_event" ("action") `);
    await queryRunner.query(`CREATE INDEX "IDX_427668ea1a2d94fab0aa34e346" ON "audit_event" ("occurredAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_69d3ca7e728c95ce584ab3221d" ON "audit_event" ("actorId", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c188421de79d18459dad7625ed" ON "audit_event" ("entityType", "entityId", "id") `);
  }
}
