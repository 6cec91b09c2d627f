import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795850943351 implements MigrationInterface {
  name = 'Notifications1795850943351';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`notification\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`recipientId\` int NOT NULL, \`kind\` enum ('APPROVAL_REQUESTED', 'APPROVAL_DECIDED', 'ISSUE_ESCALATED', 'ISSUE_ASSIGNED', 'PROJECT_BUDGET_ALERT', 'PROJECT_HEALTH_RED', 'MILESTONE_LATE') NOT NULL, \`subjectType\` varchar(100) NOT NULL, \`subjectId\` varchar(200) NOT NULL, \`message\` varchar(1000) NOT NULL, \`readAt\` datetime(3) NULL, INDEX \`IDX_1ada820087d504ea1f778f04a9\` (\`recipientId\`, \`readAt\`, \`id\`), INDEX \`IDX_914e64f2c41cf869c94cd587e3\` (\`recipientId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`outbox_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`topic\` varchar(100) NOT NULL, \`payload\` text NOT NULL, \`publishedAt\` datetime(3) NULL, INDEX \`IDX_843361e18e01fe7adc4e59fd99\` (\`publishedAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_843361e18e01fe7adc4e59fd99\` ON \`outbox_event\``);
    await queryRunner.query(`DROP TABLE \`outbox_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_914e64f2c41cf869c94cd587e3\` ON \`notification\``);
    await queryRunner.query(`DROP INDEX \`IDX_1ada820087d504ea1f778f04a9\` ON \`notification\``);
    await queryRunner.query(`DROP TABLE \`notification\``);
  }
}
