import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795845931028 implements MigrationInterface {
  name = 'Initial1795845931028';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "email" varchar(320) NOT NULL, "title" varchar(200), "role" varchar CHECK( "role" IN ('ADMIN','EXECUTIVE','SENIOR_ACCOUNT_MANAGER','ACCOUNT_MANAGER','IT_DIRECTOR','PROJECT_MEMBER','FINANCE','BI_READER') ) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "managerId" integer)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e12875dfb3b1d92d7d7c5377e2" ON "user" ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_df69481de1f438f2082e4d5474" ON "user" ("managerId") `);
    await queryRunner.query(
      `CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN ('HEALTH_PLAN','EMPLOYER','PROVIDER_GROUP','BROKER','OTHER') ) NOT NULL, "tier" varchar CHECK( "tier" IN ('STRATEGIC','ENTERPRISE','GROWTH') ) NOT NULL, "status" varchar CHECK( "status" IN ('PROSPECT','ONBOARDING','ACTIVE','AT_RISK','CHURNED') ) NOT NULL DEFAULT ('PROSPECT'), "membersReached" integer NOT NULL DEFAULT (0), "region" varchar(100), "parentId" integer, "ownerId" integer)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_90f9eafb4703666963ae861c26" ON "account" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_30d2fca3d68a5ab51c952dc9aa" ON "account" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_72719f338bfbe9aa98f4439d2b" ON "account" ("ownerId") `);
    await queryRunner.query(`CREATE INDEX "IDX_49326795c180fd8c71fc929126" ON "account" ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3b7726e59dbc971bff414b7c3d" ON "account" ("membersReached", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_40603163cdb7e68c2655554d1b" ON "account" ("name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "actorId" integer, "action" varchar(100) NOT NULL, "entityType" varchar(100) NOT NULL, "entityId" varchar(200) NOT NULL, "changes" text NOT NULL, "occurredAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_45452915f68f5a171bc4107b9e" ON "audit_event" ("action") `);
    await queryRunner.query(`CREATE INDEX "IDX_427668ea1a2d94fab0aa34e346" ON "audit_event" ("occurredAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_69d3ca7e728c95ce584ab3221d" ON "audit_event" ("actorId", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_c188421de79d18459dad7625ed" ON "audit_event" ("entityType", "entityId", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contact" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "name" varchar(200) NOT NULL, "title" varchar(200), "email" varchar(320), "phone" varchar(50), "roles" text NOT NULL, "isPrimary" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_80f838d8117ec4e5c3be61dc8b" ON "contact" ("accountId", "name", "id") `);
    await queryRunner.query(
      `CREATE TABLE "account_team_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "userId" integer NOT NULL, "teamRole" varchar CHECK( "teamRole" IN ('BACKUP_ACCOUNT_MANAGER','EXECUTIVE_SPONSOR','PROJECT_MANAGER','IMPLEMENTATION_LEAD','SOLUTIONS_ENGINEER','SUPPORT_LEAD','BILLING_SPECIALIST') ) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a59b7fb2bc3664ff11a0a058fd" ON "account_team_member" ("userId") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8fa5aa55f3151b684ddfd93017" ON "account_team_member" ("accountId", "userId") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_e12875dfb3b1d92d7d7c5377e2"`);
    await queryRunner.query(`DROP INDEX "IDX_df69481de1f438f2082e4d5474"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "email" varchar(320) NOT NULL, "title" varchar(200), "role" varchar CHECK( "role" IN ('ADMIN','EXECUTIVE','SENIOR_ACCOUNT_MANAGER','ACCOUNT_MANAGER','IT_DIRECTOR','PROJECT_MEMBER','FINANCE','BI_READER') ) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "managerId" integer, CONSTRAINT "FK_df69481de1f438f2082e4d54749" FOREIGN KEY ("managerId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_user"("id", "createdAt", "updatedAt", "version", "name", "email", "title", "role", "active", "managerId") SELECT "id", "createdAt", "updatedAt", "version", "name", "email", "title", "role", "active", "managerId" FROM "user"`,
    );
    await queryRunner.query(`DROP TABLE "user"`);
    await queryRunner.query(`ALTER TABLE "temporary_user" RENAME TO "user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e12875dfb3b1d92d7d7c5377e2" ON "user" ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_df69481de1f438f2082e4d5474" ON "user" ("managerId") `);
    await queryRunner.query(`DROP INDEX "IDX_90f9eafb4703666963ae861c26"`);
    await queryRunner.query(`DROP INDEX "IDX_30d2fca3d68a5ab51c952dc9aa"`);
    await queryRunner.query(`DROP INDEX "IDX_72719f338bfbe9aa98f4439d2b"`);
    await queryRunner.query(`DROP INDEX "IDX_49326795c180fd8c71fc929126"`);
    await queryRunner.query(`DROP INDEX "IDX_3b7726e59dbc971bff414b7c3d"`);
    await queryRunner.query(`DROP INDEX "IDX_40603163cdb7e68c2655554d1b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN ('HEALTH_PLAN','EMPLOYER','PROVIDER_GROUP','BROKER','OTHER') ) NOT NULL, "tier" varchar CHECK( "tier" IN ('STRATEGIC','ENTERPRISE','GROWTH') ) NOT NULL, "status" varchar CHECK( "status" IN ('PROSPECT','ONBOARDING','ACTIVE','AT_RISK','CHURNED') ) NOT NULL DEFAULT ('PROSPECT'), "membersReached" integer NOT NULL DEFAULT (0), "region" varchar(100), "parentId" integer, "ownerId" integer, CONSTRAINT "FK_30d2fca3d68a5ab51c952dc9aab" FOREIGN KEY ("parentId") REFERENCES "account" ("id") ON DELETE SET NULL ON UPDATE NO ACTION, CONSTRAINT "FK_72719f338bfbe9aa98f4439d2b4" FOREIGN KEY ("ownerId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_account"("id", "createdAt", "updatedAt", "version", "name", "kind", "tier", "status", "membersReached", "region", "parentId", "ownerId") SELECT "id", "createdAt", "updatedAt", "version", "name", "kind", "tier", "status", "membersReached", "region", "parentId", "ownerId" FROM "account"`,
    );
    await queryRunner.query(`DROP TABLE "account"`);
    await queryRunner.query(`ALTER TABLE "temporary_account" RENAME TO "account"`);
    await queryRunner.query(`CREATE INDEX "IDX_90f9eafb4703666963ae861c26" ON "account" ("status") `);
    await queryRunner.query(`CREATE INDEX "IDX_30d2fca3d68a5ab51c952dc9aa" ON "account" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_72719f338bfbe9aa98f4439d2b" ON "account" ("ownerId") `);
    await queryRunner.query(`CREATE INDEX "IDX_49326795c180fd8c71fc929126" ON "account" ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3b7726e59dbc971bff414b7c3d" ON "account" ("membersReached", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_40603163cdb7e68c2655554d1b" ON "account" ("name", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_45452915f68f5a171bc4107b9e"`);
    await queryRunner.query(`DROP INDEX "IDX_427668ea1a2d94fab0aa34e346"`);
    await queryRunner.query(`DROP INDEX "IDX_69d3ca7e728c95ce584ab3221d"`);
    await queryRunner.query(`DROP INDEX "IDX_c188421de79d18459dad7625ed"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "actorId" integer, "action" varchar(100) NOT NULL, "entityType" varchar(100) NOT NULL, "entityId" varchar(200) NOT NULL, "changes" text NOT NULL, "occurredAt" datetime(3) NOT NULL, CONSTRAINT "FK_2b778fde3afc04ec59f83e29fa0" FOREIGN KEY ("actorId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_audit_event"("id", "createdAt", "updatedAt", "version", "actorId", "action", "entityType", "entityId", "changes", "occurredAt") SELECT "id", "createdAt", "updatedAt", "version", "actorId", "action", "entityType", "entityId", "changes", "occurredAt" FROM "audit_event"`,
    );
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`ALTER TABLE "temporary_audit_event" RENAME TO "audit_event"`);
    await queryRunner.query(`CREATE INDEX "IDX_45452915f68f5a171bc4107b9e" ON "audit_event" ("action") `);
    await queryRunner.query(`CREATE INDEX "IDX_427668ea1a2d94fab0aa34e346" ON "audit_event" ("occurredAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_69d3ca7e728c95ce584ab3221d" ON "audit_event" ("actorId", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_c188421de79d18459dad7625ed" ON "audit_event" ("entityType", "entityId", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_80f838d8117ec4e5c3be61dc8b"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_contact" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "name" varchar(200) NOT NULL, "title" varchar(200), "email" varchar(320), "phone" varchar(50), "roles" text NOT NULL, "isPrimary" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_c41c33073aa7374623d9b20a6ba" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_contact"("id", "createdAt", "updatedAt", "version", "accountId", "name", "title", "email", "phone", "roles", "isPrimary") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "name", "title", "email", "phone", "roles", "isPrimary" FROM "contact"`,
    );
    await queryRunner.query(`DROP TABLE "contact"`);
    await queryRunner.query(`ALTER TABLE "temporary_contact" RENAME TO "contact"`);
    await queryRunner.query(`CREATE INDEX "IDX_80f838d8117ec4e5c3be61dc8b" ON "contact" ("accountId", "name", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_a59b7fb2bc3664ff11a0a058fd"`);
    await queryRunner.query(`DROP INDEX "IDX_8fa5aa55f3151b684ddfd93017"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_account_team_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "userId" integer NOT NULL, "teamRole" varchar CHECK( "teamRole" IN ('BACKUP_ACCOUNT_MANAGER','EXECUTIVE_SPONSOR','PROJECT_MANAGER','IMPLEMENTATION_LEAD','SOLUTIONS_ENGINEER','SUPPORT_LEAD','BILLING_SPECIALIST') ) NOT NULL, CONSTRAINT "FK_9d223efaef66db78f0391902c4d" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_a59b7fb2bc3664ff11a0a058fd8" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_account_team_member"("id", "createdAt", "updatedAt", "version", "accountId", "userId", "teamRole") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "userId", "teamRole" FROM "account_team_member"`,
    );
    await queryRunner.query(`DROP TABLE "account_team_member"`);
    await queryRunner.query(`ALTER TABLE "temporary_account_team_member" RENAME TO "account_team_member"`);
    await queryRunner.query(`CREATE INDEX "IDX_a59b7fb2bc3664ff11a0a058fd" ON "account_team_member" ("userId") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8fa5aa55f3151b684ddfd93017" ON "account_team_member" ("accountId", "userId") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_8fa5aa55f3151b684ddfd93017"`);
    await queryRunner.query(`DROP INDEX "IDX_a59b7fb2bc3664ff11a0a058fd"`);
    await queryRunner.query(`ALTER TABLE "account_team_member" RENAME TO "temporary_account_team_member"`);
    await queryRunner.query(
      `CREATE TABLE "account_team_member" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "userId" integer NOT NULL, "teamRole" varchar CHECK( "teamRole" IN ('BACKUP_ACCOUNT_MANAGER','EXECUTIVE_SPONSOR','PROJECT_MANAGER','IMPLEMENTATION_LEAD','SOLUTIONS_ENGINEER','SUPPORT_LEAD','BILLING_SPECIALIST') ) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "account_team_member"("id", "createdAt", "updatedAt", "version", "accountId", "userId", "teamRole") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "userId", "teamRole" FROM "temporary_account_team_member"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_account_team_member"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_8fa5aa55f3151b684ddfd93017" ON "account_team_member" ("accountId", "userId") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a59b7fb2bc3664ff11a0a058fd" ON "account_team_member" ("userId") `);
    await queryRunner.query(`DROP INDEX "IDX_80f838d8117ec4e5c3be61dc8b"`);
    await queryRunner.query(`ALTER TABLE "contact" RENAME TO "temporary_contact"`);
    await queryRunner.query(
      `CREATE TABLE "contact" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "name" varchar(200) NOT NULL, "title" varchar(200), "email" varchar(320), "phone" varchar(50), "roles" text NOT NULL, "isPrimary" boolean NOT NULL DEFAULT (0))`,
    );
    await queryRunner.query(
      `INSERT INTO "contact"("id", "createdAt", "updatedAt", "version", "accountId", "name", "title", "email", "phone", "roles", "isPrimary") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "name", "title", "email", "phone", "roles", "isPrimary" FROM "temporary_contact"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_contact"`);
    await queryRunner.query(`CREATE INDEX "IDX_80f838d8117ec4e5c3be61dc8b" ON "contact" ("accountId", "name", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_c188421de79d18459dad7625ed"`);
    await queryRunner.query(`DROP INDEX "IDX_69d3ca7e728c95ce584ab3221d"`);
    await queryRunner.query(`DROP INDEX "IDX_427668ea1a2d94fab0aa34e346"`);
    await queryRunner.query(`DROP INDEX "IDX_45452915f68f5a171bc4107b9e"`);
    await queryRunner.query(`ALTER TABLE "audit_event" RENAME TO "temporary_audit_event"`);
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "actorId" integer, "action" varchar(100) NOT NULL, "entityType" varchar(100) NOT NULL, "entityId" varchar(200) NOT NULL, "changes" text NOT NULL, "occurredAt" datetime(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_event"("id", "createdAt", "updatedAt", "version", "actorId", "action", "entityType", "entityId", "changes", "occurredAt") SELECT "id", "createdAt", "updatedAt", "version", "actorId", "action", "entityType", "entityId", "changes", "occurredAt" FROM "temporary_audit_event"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_audit_event"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_c188421de79d18459dad7625ed" ON "audit_event" ("entityType", "entityId", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_69d3ca7e728c95ce584ab3221d" ON "audit_event" ("actorId", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_427668ea1a2d94fab0aa34e346" ON "audit_event" ("occurredAt") `);
    await queryRunner.query(`CREATE INDEX "IDX_45452915f68f5a171bc4107b9e" ON "audit_event" ("action") `);
    await queryRunner.query(`DROP INDEX "IDX_40603163cdb7e68c2655554d1b"`);
    await queryRunner.query(`DROP INDEX "IDX_3b7726e59dbc971bff414b7c3d"`);
    await queryRunner.query(`DROP INDEX "IDX_49326795c180fd8c71fc929126"`);
    await queryRunner.query(`DROP INDEX "IDX_72719f338bfbe9aa98f4439d2b"`);
    await queryRunner.query(`DROP INDEX "IDX_30d2fca3d68a5ab51c952dc9aa"`);
    await queryRunner.query(`DROP INDEX "IDX_90f9eafb4703666963ae861c26"`);
    await queryRunner.query(`ALTER TABLE "account" RENAME TO "temporary_account"`);
    await queryRunner.query(
      `CREATE TABLE "account" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN ('HEALTH_PLAN','EMPLOYER','PROVIDER_GROUP','BROKER','OTHER') ) NOT NULL, "tier" varchar CHECK( "tier" IN ('STRATEGIC','ENTERPRISE','GROWTH') ) NOT NULL, "status" varchar CHECK( "status" IN ('PROSPECT','ONBOARDING','ACTIVE','AT_RISK','CHURNED') ) NOT NULL DEFAULT ('PROSPECT'), "membersReached" integer NOT NULL DEFAULT (0), "region" varchar(100), "parentId" integer, "ownerId" integer)`,
    );
    await queryRunner.query(
      `INSERT INTO "account"("id", "createdAt", "updatedAt", "version", "name", "kind", "tier", "status", "membersReached", "region", "parentId", "ownerId") SELECT "id", "createdAt", "updatedAt", "version", "name", "kind", "tier", "status", "membersReached", "region", "parentId", "ownerId" FROM "temporary_account"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_account"`);
    await queryRunner.query(`CREATE INDEX "IDX_40603163cdb7e68c2655554d1b" ON "account" ("name", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_3b7726e59dbc971bff414b7c3d" ON "account" ("membersReached", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_49326795c180fd8c71fc929126" ON "account" ("createdAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_72719f338bfbe9aa98f4439d2b" ON "account" ("ownerId") `);
    await queryRunner.query(`CREATE INDEX "IDX_30d2fca3d68a5ab51c952dc9aa" ON "account" ("parentId") `);
    await queryRunner.query(`CREATE INDEX "IDX_90f9eafb4703666963ae861c26" ON "account" ("status") `);
    await queryRunner.query(`DROP INDEX "IDX_df69481de1f438f2082e4d5474"`);
    await queryRunner.query(`DROP INDEX "IDX_e12875dfb3b1d92d7d7c5377e2"`);
    await queryRunner.query(`ALTER TABLE "user" RENAME TO "temporary_user"`);
    await queryRunner.query(
      `CREATE TABLE "user" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "email" varchar(320) NOT NULL, "title" varchar(200), "role" varchar CHECK( "role" IN ('ADMIN','EXECUTIVE','SENIOR_ACCOUNT_MANAGER','ACCOUNT_MANAGER','IT_DIRECTOR','PROJECT_MEMBER','FINANCE','BI_READER') ) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "managerId" integer)`,
    );
    await queryRunner.query(
      `INSERT INTO "user"("id", "createdAt", "updatedAt", "version", "name", "email", "title", "role", "active", "managerId") SELECT "id", "createdAt", "updatedAt", "version", "name", "email", "title", "role", "active", "managerId" FROM "temporary_user"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_user"`);
    await queryRunner.query(`CREATE INDEX "IDX_df69481de1f438f2082e4d5474" ON "user" ("managerId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e12875dfb3b1d92d7d7c5377e2" ON "user" ("email") `);
    await queryRunner.query(`DROP INDEX "IDX_8fa5aa55f3151b684ddfd93017"`);
    await queryRunner.query(`DROP INDEX "IDX_a59b7fb2bc3664ff11a0a058fd"`);
    await queryRunner.query(`DROP TABLE "account_team_member"`);
    await queryRunner.query(`DROP INDEX "IDX_80f838d8117ec4e5c3be61dc8b"`);
    await queryRunner.query(`DROP TABLE "contact"`);
    await queryRunner.query(`DROP INDEX "IDX_c188421de79d18459dad7625ed"`);
    await queryRunner.query(`DROP INDEX "IDX_69d3ca7e728c95ce584ab3221d"`);
    await queryRunner.query(`DROP INDEX "IDX_427668ea1a2d94fab0aa34e346"`);
    await queryRunner.query(`DROP INDEX "IDX_45452915f68f5a171bc4107b9e"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
    await queryRunner.query(`DROP INDEX "IDX_40603163cdb7e68c2655554d1b"`);
    await queryRunner.query(`DROP INDEX "IDX_3b7726e59dbc971bff414b7c3d"`);
    await queryRunner.query(`DROP INDEX "IDX_49326795c180fd8c71fc929126"`);
    await queryRunner.query(`DROP INDEX "IDX_72719f338bfbe9aa98f4439d2b"`);
    await queryRunner.query(`DROP INDEX "IDX_30d2fca3d68a5ab51c952dc9aa"`);
    await queryRunner.query(`DROP INDEX "IDX_90f9eafb4703666963ae861c26"`);
    await queryRunner.query(`DROP TABLE "account"`);
    await queryRunner.query(`DROP INDEX "IDX_df69481de1f438f2082e4d5474"`);
    await queryRunner.query(`DROP INDEX "IDX_e12875dfb3b1d92d7d7c5377e2"`);
    await queryRunner.query(`DROP TABLE "user"`);
  }
}
