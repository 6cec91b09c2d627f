import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SuccessPlans1796327227659 implements MigrationInterface {
  name = 'SuccessPlans1796327227659';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`client_goal\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`year\` int NOT NULL, \`title\` varchar(200) NOT NULL, \`description\` varchar(4000) NULL, \`category\` enum ('ADOPTION', 'REGULATORY', 'COST_SAVINGS', 'MEMBER_EXPERIENCE', 'CLINICAL_QUALITY', 'GROWTH', 'OPERATIONAL_EFFICIENCY', 'OTHER') NOT NULL, \`measure\` varchar(500) NOT NULL, \`baseline\` varchar(100) NULL, \`target\` varchar(100) NULL, \`currentValue\` varchar(100) NULL, \`targetDate\` date NOT NULL, \`status\` enum ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'ACHIEVED', 'MISSED', 'DROPPED') NOT NULL, \`priority\` enum ('HIGH', 'MEDIUM', 'LOW') NOT NULL, \`priorityRank\` int NOT NULL, \`clientOwnerId\` int NULL, \`ownerId\` int NOT NULL, \`createdById\` int NOT NULL, \`lastReviewedAt\` datetime(3) NULL, INDEX \`IDX_e4bd8df7ce71ecdd930831ce11\` (\`clientOwnerId\`), INDEX \`IDX_076c613032d7e3cef7de7bcdf9\` (\`ownerId\`), INDEX \`IDX_74e65d7552033ae9950eba7ccf\` (\`priorityRank\`, \`id\`), INDEX \`IDX_154dbc6652fe3b2ad312e9f63c\` (\`updatedAt\`, \`id\`), INDEX \`IDX_77a3ee3892eee4a5ae1ec5cce1\` (\`targetDate\`, \`id\`), INDEX \`IDX_5f5a43a7cd9e068ffcd42be32d\` (\`accountId\`, \`targetDate\`, \`id\`), INDEX \`IDX_ec2e2557e4fa24f7e6db973e0f\` (\`accountId\`, \`year\`, \`targetDate\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`client_goal_project\` (\`id\` int NOT NULL AUTO_INCREMENT, \`goalId\` int NOT NULL, \`projectId\` int NOT NULL, \`linkedById\` int NOT NULL, \`linkedAt\` datetime(3) NOT NULL, INDEX \`IDX_client_goal_project_project_goal\` (\`projectId\`, \`goalId\`), UNIQUE INDEX \`IDX_6c1f96faf414411efc2a2e2867\` (\`goalId\`, \`projectId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`client_goal_offering\` (\`id\` int NOT NULL AUTO_INCREMENT, \`goalId\` int NOT NULL, \`offeringId\` int NOT NULL, \`linkedById\` int NOT NULL, \`linkedAt\` datetime(3) NOT NULL, INDEX \`IDX_client_goal_offering_offering_goal\` (\`offeringId\`, \`goalId\`), UNIQUE INDEX \`IDX_b8651a5367a762931c16697dc1\` (\`goalId\`, \`offeringId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`client_goal_opportunity\` (\`id\` int NOT NULL AUTO_INCREMENT, \`goalId\` int NOT NULL, \`opportunityId\` int NOT NULL, \`linkedById\` int NOT NULL, \`linkedAt\` datetime(3) NOT NULL, INDEX \`IDX_client_goal_opportunity_opportunity_goal\` (\`opportunityId\`, \`goalId\`), UNIQUE INDEX \`IDX_13901f7916691ec405506e98c3\` (\`goalId\`, \`opportunityId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`client_goal_review\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`goalId\` int NOT NULL, \`fromStatus\` enum ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'ACHIEVED', 'MISSED', 'DROPPED') NOT NULL, \`toStatus\` enum ('NOT_STARTED', 'ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'ACHIEVED', 'MISSED', 'DROPPED') NOT NULL, \`note\` varchar(2000) NOT NULL, \`measuredValue\` varchar(100) NULL, \`reviewedAt\` datetime(3) NOT NULL, \`reviewedById\` int NOT NULL, \`communicationId\` int NULL, INDEX \`IDX_f8c7b6bcb5607833a2e7bee19f\` (\`reviewedById\`), INDEX \`IDX_1da95c9b40a683d0ae8d653e39\` (\`communicationId\`), INDEX \`IDX_61e58de76ecd8f0e8a37e2ab7a\` (\`goalId\`, \`reviewedAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`client_goal\` ADD CONSTRAINT \`FK_a69f24c2ed32600b1637e466e24\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal\` ADD CONSTRAINT \`FK_e4bd8df7ce71ecdd930831ce112\` FOREIGN KEY (\`clientOwnerId\`) REFERENCES \`contact\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal\` ADD CONSTRAINT \`FK_076c613032d7e3cef7de7bcdf9a\` FOREIGN KEY (\`ownerId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal\` ADD CONSTRAINT \`FK_6c7e4c9509b346020201a3927d8\` FOREIGN KEY (\`createdById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_project\` ADD CONSTRAINT \`FK_6bd3648ee2b49357e7a12fd0660\` FOREIGN KEY (\`goalId\`) REFERENCES \`client_goal\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_project\` ADD CONSTRAINT \`FK_8502561b012083b82c569242550\` FOREIGN KEY (\`projectId\`) REFERENCES \`project\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_project\` ADD CONSTRAINT \`FK_d10d53298b2daf529a422622ac0\` FOREIGN KEY (\`linkedById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_offering\` ADD CONSTRAINT \`FK_5e588639620ead16f161dfdbdc4\` FOREIGN KEY (\`goalId\`) REFERENCES \`client_goal\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_offering\` ADD CONSTRAINT \`FK_d4ae47adc393bafcd5337937ec4\` FOREIGN KEY (\`offeringId\`) REFERENCES \`offering\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_offering\` ADD CONSTRAINT \`FK_6addcf244b10c1c3e1c2df70fba\` FOREIGN KEY (\`linkedById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_opportunity\` ADD CONSTRAINT \`FK_72689e589ee184cc3aaf1aa076f\` FOREIGN KEY (\`goalId\`) REFERENCES \`client_goal\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_opportunity\` ADD CONSTRAINT \`FK_29c444105f29dc61da13e788702\` FOREIGN KEY (\`opportunityId\`) REFERENCES \`opportunity\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_opportunity\` ADD CONSTRAINT \`FK_16710f5e95296c7cff264103605\` FOREIGN KEY (\`linkedById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_review\` ADD CONSTRAINT \`FK_c049f05f5c22dec6c8b9957788e\` FOREIGN KEY (\`goalId\`) REFERENCES \`client_goal\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_review\` ADD CONSTRAINT \`FK_f8c7b6bcb5607833a2e7bee19f3\` FOREIGN KEY (\`reviewedById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`client_goal_review\` ADD CONSTRAINT \`FK_1da95c9b40a683d0ae8d653e398\` FOREIGN KEY (\`communicationId\`) REFERENCES \`communication\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`client_goal_review\` DROP FOREIGN KEY \`FK_1da95c9b40a683d0ae8d653e398\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_review\` DROP FOREIGN KEY \`FK_f8c7b6bcb5607833a2e7bee19f3\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_review\` DROP FOREIGN KEY \`FK_c049f05f5c22dec6c8b9957788e\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_opportunity\` DROP FOREIGN KEY \`FK_16710f5e95296c7cff264103605\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_opportunity\` DROP FOREIGN KEY \`FK_29c444105f29dc61da13e788702\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_opportunity\` DROP FOREIGN KEY \`FK_72689e589ee184cc3aaf1aa076f\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_offering\` DROP FOREIGN KEY \`FK_6addcf244b10c1c3e1c2df70fba\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_offering\` DROP FOREIGN KEY \`FK_d4ae47adc393bafcd5337937ec4\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_offering\` DROP FOREIGN KEY \`FK_5e588639620ead16f161dfdbdc4\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_project\` DROP FOREIGN KEY \`FK_d10d53298b2daf529a422622ac0\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_project\` DROP FOREIGN KEY \`FK_8502561b012083b82c569242550\``);
    await queryRunner.query(`ALTER TABLE \`client_goal_project\` DROP FOREIGN KEY \`FK_6bd3648ee2b49357e7a12fd0660\``);
    await queryRunner.query(`ALTER TABLE \`client_goal\` DROP FOREIGN KEY \`FK_6c7e4c9509b346020201a3927d8\``);
    await queryRunner.query(`ALTER TABLE \`client_goal\` DROP FOREIGN KEY \`FK_076c613032d7e3cef7de7bcdf9a\``);
    await queryRunner.query(`ALTER TABLE \`client_goal\` DROP FOREIGN KEY \`FK_e4bd8df7ce71ecdd930831ce112\``);
    await queryRunner.query(`ALTER TABLE \`client_goal\` DROP FOREIGN KEY \`FK_a69f24c2ed32600b1637e466e24\``);
    await queryRunner.query(`DROP INDEX \`IDX_61e58de76ecd8f0e8a37e2ab7a\` ON \`client_goal_review\``);
    await queryRunner.query(`DROP INDEX \`IDX_1da95c9b40a683d0ae8d653e39\` ON \`client_goal_review\``);
    await queryRunner.query(`DROP INDEX \`IDX_f8c7b6bcb5607833a2e7bee19f\` ON \`client_goal_review\``);
    await queryRunner.query(`DROP TABLE \`client_goal_review\``);
    await queryRunner.query(`DROP INDEX \`IDX_13901f7916691ec405506e98c3\` ON \`client_goal_opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_client_goal_opportunity_opportunity_goal\` ON \`client_goal_opportunity\``);
    await queryRunner.query(`DROP TABLE \`client_goal_opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_b8651a5367a762931c16697dc1\` ON \`client_goal_offering\``);
    await queryRunner.query(`DROP INDEX \`IDX_client_goal_offering_offering_goal\` ON \`client_goal_offering\``);
    await queryRunner.query(`DROP TABLE \`client_goal_offering\``);
    await queryRunner.query(`DROP INDEX \`IDX_6c1f96faf414411efc2a2e2867\` ON \`client_goal_project\``);
    await queryRunner.query(`DROP INDEX \`IDX_client_goal_project_project_goal\` ON \`client_goal_project\``);
    await queryRunner.query(`DROP TABLE \`client_goal_project\``);
    await queryRunner.query(`DROP INDEX \`IDX_ec2e2557e4fa24f7e6db973e0f\` ON \`client_goal\``);
    await queryRunner.query(`DROP INDEX \`IDX_5f5a43a7cd9e068ffcd42be32d\` ON \`client_goal\``);
    await queryRunner.query(`DROP INDEX \`IDX_77a3ee3892eee4a5ae1ec5cce1\` ON \`client_goal\``);
    await queryRunner.query(`DROP INDEX \`IDX_154dbc6652fe3b2ad312e9f63c\` ON \`client_goal\``);
    await queryRunner.query(`DROP INDEX \`IDX_74e65d7552033ae9950eba7ccf\` ON \`client_goal\``);
    await queryRunner.query(`DROP INDEX \`IDX_076c613032d7e3cef7de7bcdf9\` ON \`client_goal\``);
    await queryRunner.query(`DROP INDEX \`IDX_e4bd8df7ce71ecdd930831ce11\` ON \`client_goal\``);
    await queryRunner.query(`DROP TABLE \`client_goal\``);
  }
}
