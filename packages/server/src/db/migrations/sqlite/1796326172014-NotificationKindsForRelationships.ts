import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationKindsForRelationships1796326172014 implements MigrationInterface {
  name = 'NotificationKindsForRelationships1796326172014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_914e64f2c41cf869c94cd587e3"`);
    await queryRunner.query(`DROP INDEX "IDX_1ada820087d504ea1f778f04a9"`);
    await queryRunner.query(`CREATE TABLE "temporary_notification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "recipientId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('APPROVAL_REQUESTED','APPROVAL_DECIDED','ISSUE_ESCALATED','ISSUE_ASSIGNED','PROJECT_BUDGET_ALERT','PROJECT_HEALTH_RED','MILESTONE_LATE','FOLLOW_UP_ASSIGNED','ACCOUNTS_REASSIGNED') ) NOT NULL, "subjectType" varchar(100) NOT NULL, "subjectId" varchar(200) NOT NULL, "message" varchar(1000) NOT NULL, "readAt" datetime(3))`);
    await queryRunner.query(`INSERT INTO "temporary_notification"("id", "createdAt", "updatedAt", "version", "recipientId", "kind", "subjectType", "subjectId", "message", "readAt") SELECT "id", "createdAt", "updatedAt", "version", "recipientId", "kind", "subjectType", "subjectId", "message", "readAt" FROM "notification"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`ALTER TABLE "temporary_notification" RENAME TO "notification"`);
    await queryRunner.query(`CREATE INDEX "IDX_914e64f2c41cf869c94cd587e3" ON "notification" ("recipientId", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1ada820087d504ea1f778f04a9" ON "notification" ("recipientId", "readAt", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_1ada820087d504ea1f778f04a9"`);
    await queryRunner.query(`DROP INDEX "IDX_914e64f2c41cf869c94cd587e3"`);
    await queryRunner.query(`ALTER TABLE "notification" RENAME TO "temporary_notification"`);
    await queryRunner.query(`CREATE TABLE "notification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "recipientId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('APPROVAL_REQUESTED','APPROVAL_DECIDED','ISSUE_ESCALATED','ISSUE_ASSIGNED','PROJECT_BUDGET_ALERT','PROJECT_HEALTH_RED','MILESTONE_LATE') ) NOT NULL, "subjectType" varchar(100) NOT NULL, "subjectId" varchar(200) NOT NULL, "message" varchar(1000) NOT NULL, "readAt" datetime(3))`);
    await queryRunner.query(`INSERT INTO "notification"("id", "createdAt", "updatedAt", "version", "recipientId", "kind", "subjectType", "subjectId", "message", "readAt") SELECT "id", "createdAt", "updatedAt", "version", "recipientId", "kind", "subjectType", "subjectId", "message", "readAt" FROM "temporary_notification"`);
    await queryRunner.query(`DROP TABLE "temporary_notification"`);
    await queryRunner.query(`CREATE INDEX "IDX_1ada820087d504ea1f778f04a9" ON "notification" ("recipientId", "readAt", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_914e64f2c41cf869c94cd587e3" ON "notification" ("recipientId", "id") `);
  }
}
