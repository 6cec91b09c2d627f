import type { MigrationInterface, QueryRunner } from 'typeorm';

// misreading MariaDB's metadata, and those statements are left out.
export class NotificationKindsForRelationships1796326172014 implements MigrationInterface {
  name = 'NotificationKindsForRelationships1796326172014';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification\` CHANGE \`kind\` \`kind\` enum ('APPROVAL_REQUESTED', 'APPROVAL_DECIDED', 'ISSUE_ESCALATED', 'ISSUE_ASSIGNED', 'PROJECT_BUDGET_ALERT', 'PROJECT_HEALTH_RED', 'MILESTONE_LATE', 'FOLLOW_UP_ASSIGNED', 'ACCOUNTS_REASSIGNED') NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notification\` CHANGE \`kind\` \`kind\` enum ('APPROVAL_REQUESTED', 'APPROVAL_DECIDED', 'ISSUE_ESCALATED', 'ISSUE_ASSIGNED', 'PROJECT_BUDGET_ALERT', 'PROJECT_HEALTH_RED', 'MILESTONE_LATE') NOT NULL`);
  }
}
