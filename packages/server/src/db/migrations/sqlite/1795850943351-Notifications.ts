import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795850943351 implements MigrationInterface {
  name = 'Notifications1795850943351';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "recipientId" integer NOT NULL, "kind" varchar CHECK( "kind" IN ('APPROVAL_REQUESTED','APPROVAL_DECIDED','ISSUE_ESCALATED','ISSUE_ASSIGNED','PROJECT_BUDGET_ALERT','PROJECT_HEALTH_RED','MILESTONE_LATE') ) NOT NULL, "subjectType" varchar(100) NOT NULL, "subjectId" varchar(200) NOT NULL, "message" varchar(1000) NOT NULL, "readAt" datetime(3))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1ada820087d504ea1f778f04a9" ON "notification" ("recipientId", "readAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_914e64f2c41cf869c94cd587e3" ON "notification" ("recipientId", "id") `);
    await queryRunner.query(
      `CREATE TABLE "outbox_event" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "topic" varchar(100) NOT NULL, "payload" text NOT NULL, "publishedAt" datetime(3))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_843361e18e01fe7adc4e59fd99" ON "outbox_event" ("publishedAt", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_843361e18e01fe7adc4e59fd99"`);
    await queryRunner.query(`DROP TABLE "outbox_event"`);
    await queryRunner.query(`DROP INDEX "IDX_914e64f2c41cf869c94cd587e3"`);
    await queryRunner.query(`DROP INDEX "IDX_1ada820087d504ea1f778f04a9"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
