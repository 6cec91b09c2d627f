import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommunicationParticipantsFollowUps1796321752829 implements MigrationInterface {
  name = 'CommunicationParticipantsFollowUps1796321752829';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "communication_participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "contactId" integer, "userId" integer)`);
    await queryRunner.query(`CREATE INDEX "IDX_41f3642e602fd6c2a3b5bc8bfc" ON "communication_participant" ("userId") `);
    await queryRunner.query(`CREATE INDEX "IDX_6753d12057b39858b8b29fef44" ON "communication_participant" ("contactId", "communicationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_f291573e27b3b66bd41dca58df" ON "communication_participant" ("communicationId", "id") `);
    await queryRunner.query(`CREATE TABLE "communication_document" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "title" varchar(200) NOT NULL, "url" varchar(2000) NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_057b78df74c7a5c7e86079e766" ON "communication_document" ("communicationId", "id") `);
    await queryRunner.query(`CREATE TABLE "follow_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "accountId" integer NOT NULL, "description" varchar(2000) NOT NULL, "ownerId" integer NOT NULL, "dueOn" date NOT NULL, "doneAt" datetime(3), "doneById" integer, "createdById" integer NOT NULL)`);
    await queryRunner.query(`CREATE INDEX "IDX_f4acdde04c077c2ba14f3239e6" ON "follow_up" ("accountId", "dueOn", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1248c90e481ae5b866d382aa7e" ON "follow_up" ("ownerId", "doneAt", "dueOn", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c7ec77dfc1686970441740cf8a" ON "follow_up" ("communicationId", "dueOn", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_41f3642e602fd6c2a3b5bc8bfc"`);
    await queryRunner.query(`DROP INDEX "IDX_6753d12057b39858b8b29fef44"`);
    await queryRunner.query(`DROP INDEX "IDX_f291573e27b3b66bd41dca58df"`);
    await queryRunner.query(`CREATE TABLE "temporary_communication_participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "contactId" integer, "userId" integer, CONSTRAINT "FK_fe67e5a327dcf1f5b70daeb12c9" FOREIGN KEY ("communicationId") REFERENCES "communication" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_f33ce0fdf5a2331715a088df631" FOREIGN KEY ("contactId") REFERENCES "contact" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_41f3642e602fd6c2a3b5bc8bfc9" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_communication_participant"("id", "createdAt", "updatedAt", "version", "communicationId", "contactId", "userId") SELECT "id", "createdAt", "updatedAt", "version", "communicationId", "contactId", "userId" FROM "communication_participant"`);
    await queryRunner.query(`DROP TABLE "communication_participant"`);
    await queryRunner.query(`ALTER TABLE "temporary_communication_participant" RENAME TO "communication_participant"`);
    await queryRunner.query(`CREATE INDEX "IDX_41f3642e602fd6c2a3b5bc8bfc" ON "communication_participant" ("userId") `);
    await queryRunner.query(`CREATE INDEX "IDX_6753d12057b39858b8b29fef44" ON "communication_participant" ("contactId", "communicationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_f291573e27b3b66bd41dca58df" ON "communication_participant" ("communicationId", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_057b78df74c7a5c7e86079e766"`);
    await queryRunner.query(`CREATE TABLE "temporary_communication_document" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "title" varchar(200) NOT NULL, "url" varchar(2000) NOT NULL, CONSTRAINT "FK_4942020b476a59cc01c17e94cf9" FOREIGN KEY ("communicationId") REFERENCES "communication" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_communication_document"("id", "createdAt", "updatedAt", "version", "communicationId", "title", "url") SELECT "id", "createdAt", "updatedAt", "version", "communicationId", "title", "url" FROM "communication_document"`);
    await queryRunner.query(`DROP TABLE "communication_document"`);
    await queryRunner.query(`ALTER TABLE "temporary_communication_document" RENAME TO "communication_document"`);
    await queryRunner.query(`CREATE INDEX "IDX_057b78df74c7a5c7e86079e766" ON "communication_document" ("communicationId", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_f4acdde04c077c2ba14f3239e6"`);
    await queryRunner.query(`DROP INDEX "IDX_1248c90e481ae5b866d382aa7e"`);
    await queryRunner.query(`DROP INDEX "IDX_c7ec77dfc1686970441740cf8a"`);
    await queryRunner.query(`CREATE TABLE "temporary_follow_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "accountId" integer NOT NULL, "description" varchar(2000) NOT NULL, "ownerId" integer NOT NULL, "dueOn" date NOT NULL, "doneAt" datetime(3), "doneById" integer, "createdById" integer NOT NULL, CONSTRAINT "FK_a15dafbbd017d9bb821387e6196" FOREIGN KEY ("communicationId") REFERENCES "communication" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_06a5204ce567f60bcd528635dee" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_af4959eb2140089f869e302f287" FOREIGN KEY ("ownerId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_81f0cee4be31531b2dd7ff5dfdf" FOREIGN KEY ("doneById") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_0afc59daaec983ce498fdb5e085" FOREIGN KEY ("createdById") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_follow_up"("id", "createdAt", "updatedAt", "version", "communicationId", "accountId", "description", "ownerId", "dueOn", "doneAt", "doneById", "createdById") SELECT "id", "createdAt", "updatedAt", "version", "communicationId", "accountId", "description", "ownerId", "dueOn", "doneAt", "doneById", "createdById" FROM "follow_up"`);
    await queryRunner.query(`DROP TABLE "follow_up"`);
    await queryRunner.query(`ALTER TABLE "temporary_follow_up" RENAME TO "follow_up"`);
    await queryRunner.query(`CREATE INDEX "IDX_f4acdde04c077c2ba14f3239e6" ON "follow_up" ("accountId", "dueOn", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1248c90e481ae5b866d382aa7e" ON "follow_up" ("ownerId", "doneAt", "dueOn", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c7ec77dfc1686970441740cf8a" ON "follow_up" ("communicationId", "dueOn", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c7ec77dfc1686970441740cf8a"`);
    await queryRunner.query(`DROP INDEX "IDX_1248c90e481ae5b866d382aa7e"`);
    await queryRunner.query(`DROP INDEX "IDX_f4acdde04c077c2ba14f3239e6"`);
    await queryRunner.query(`ALTER TABLE "follow_up" RENAME TO "temporary_follow_up"`);
    await queryRunner.query(`CREATE TABLE "follow_up" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "accountId" integer NOT NULL, "description" varchar(2000) NOT NULL, "ownerId" integer NOT NULL, "dueOn" date NOT NULL, "doneAt" datetime(3), "doneById" integer, "createdById" integer NOT NULL)`);
    await queryRunner.query(`INSERT INTO "follow_up"("id", "createdAt", "updatedAt", "version", "communicationId", "accountId", "description", "ownerId", "dueOn", "doneAt", "doneById", "createdById") SELECT "id", "createdAt", "updatedAt", "version", "communicationId", "accountId", "description", "ownerId", "dueOn", "doneAt", "doneById", "createdById" FROM "temporary_follow_up"`);
    await queryRunner.query(`DROP TABLE "temporary_follow_up"`);
    await queryRunner.query(`CREATE INDEX "IDX_c7ec77dfc1686970441740cf8a" ON "follow_up" ("communicationId", "dueOn", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1248c90e481ae5b866d382aa7e" ON "follow_up" ("ownerId", "doneAt", "dueOn", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f4acdde04c077c2ba14f3239e6" ON "follow_up" ("accountId", "dueOn", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_057b78df74c7a5c7e86079e766"`);
    await queryRunner.query(`ALTER TABLE "communication_document" RENAME TO "temporary_communication_document"`);
    await queryRunner.query(`CREATE TABLE "communication_document" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "title" varchar(200) NOT NULL, "url" varchar(2000) NOT NULL)`);
    await queryRunner.query(`INSERT INTO "communication_document"("id", "createdAt", "updatedAt", "version", "communicationId", "title", "url") SELECT "id", "createdAt", "updatedAt", "version", "communicationId", "title", "url" FROM "temporary_communication_document"`);
    await queryRunner.query(`DROP TABLE "temporary_communication_document"`);
    await queryRunner.query(`CREATE INDEX "IDX_057b78df74c7a5c7e86079e766" ON "communication_document" ("communicationId", "id") `);
    await queryRunner.query(`DROP INDEX "IDX_f291573e27b3b66bd41dca58df"`);
    await queryRunner.query(`DROP INDEX "IDX_6753d12057b39858b8b29fef44"`);
    await queryRunner.query(`DROP INDEX "IDX_41f3642e602fd6c2a3b5bc8bfc"`);
    await queryRunner.query(`ALTER TABLE "communication_participant" RENAME TO "temporary_communication_participant"`);
    await queryRunner.query(`CREATE TABLE "communication_participant" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "communicationId" integer NOT NULL, "contactId" integer, "userId" integer)`);
    await queryRunner.query(`INSERT INTO "communication_participant"("id", "createdAt", "updatedAt", "version", "communicationId", "contactId", "userId") SELECT "id", "createdAt", "updatedAt", "version", "communicationId", "contactId", "userId" FROM "temporary_communication_participant"`);
    await queryRunner.query(`DROP TABLE "temporary_communication_participant"`);
    await queryRunner.query(`CREATE INDEX "IDX_f291573e27b3b66bd41dca58df" ON "communication_participant" ("communicationId", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6753d12057b39858b8b29fef44" ON "communication_participant" ("contactId", "communicationId") `);
    await queryRunner.query(`CREATE INDEX "IDX_41f3642e602fd6c2a3b5bc8bfc" ON "communication_participant" ("userId") `);
    await queryRunner.query(`DROP INDEX "IDX_c7ec77dfc1686970441740cf8a"`);
    await queryRunner.query(`DROP INDEX "IDX_1248c90e481ae5b866d382aa7e"`);
    await queryRunner.query(`DROP INDEX "IDX_f4acdde04c077c2ba14f3239e6"`);
    await queryRunner.query(`DROP TABLE "follow_up"`);
    await queryRunner.query(`DROP INDEX "IDX_057b78df74c7a5c7e86079e766"`);
    await queryRunner.query(`DROP TABLE "communication_document"`);
    await queryRunner.query(`DROP INDEX "IDX_f291573e27b3b66bd41dca58df"`);
    await queryRunner.query(`DROP INDEX "IDX_6753d12057b39858b8b29fef44"`);
    await queryRunner.query(`DROP INDEX "IDX_41f3642e602fd6c2a3b5bc8bfc"`);
    await queryRunner.query(`DROP TABLE "communication_participant"`);
  }
}
