import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Projects1795851151594 implements MigrationInterface {
  name = 'Projects1795851151594';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`project\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`contractId\` int NULL, \`name\` varchar(200) NOT NULL, \`description\` text NULL, \`status\` enum ('PLANNED', 'ACTIVE', 'ON_HOLD', 'COMPLETED', 'CANCELLED') NOT NULL, \`startDate\` date NOT NULL, \`targetEndDate\` date NOT NULL, \`actualEndDate\` date NULL, \`budgetCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`actualCostCents\` bigint NOT NULL DEFAULT '0', \`leadId\` int NULL, \`health\` enum ('GREEN', 'AMBER', 'RED') NULL, \`createdById\` int NOT NULL, INDEX \`IDX_b85e3e5d8b0914b5540eff1665\` (\`leadId\`), INDEX \`IDX_2df11cd6e0fd120d14cee6f422\` (\`targetEndDate\`, \`id\`), INDEX \`IDX_bd3d04fb0d78103f212a1dc0e2\` (\`name\`, \`id\`), INDEX \`IDX_20e92f513d5a3eb65aa3d21ec7\` (\`createdAt\`, \`id\`), INDEX \`IDX_6c5a202261d8fedc98b9fc7303\` (\`status\`, \`createdAt\`, \`id\`), INDEX \`IDX_162cc5344639454d1572347f5e\` (\`contractId\`, \`createdAt\`, \`id\`), INDEX \`IDX_3e8e5228f5c898adaa96b5e29c\` (\`accountId\`, \`createdAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`project_member\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`projectId\` int NOT NULL, \`userId\` int NOT NULL, INDEX \`IDX_e7520163dafa7c1104fd672caa\` (\`userId\`), UNIQUE INDEX \`IDX_1f95533c37d5a7215c796d6ac9\` (\`projectId\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`project_cost\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`projectId\` int NOT NULL, \`date\` date NOT NULL, \`category\` enum ('LABOR', 'VENDOR', 'OTHER') NOT NULL, \`amountCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`note\` varchar(1000) NULL, \`recordedById\` int NOT NULL, INDEX \`IDX_a2fd838e7262dc89ba83439295\` (\`projectId\`, \`date\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`status_update\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`projectId\` int NOT NULL, \`authorId\` int NOT NULL, \`postedAt\` datetime(3) NOT NULL, \`overall\` enum ('GREEN', 'AMBER', 'RED') NOT NULL, \`schedule\` enum ('GREEN', 'AMBER', 'RED') NOT NULL, \`budget\` enum ('GREEN', 'AMBER', 'RED') NOT NULL, \`scope\` enum ('GREEN', 'AMBER', 'RED') NOT NULL, \`quality\` enum ('GREEN', 'AMBER', 'RED') NOT NULL, \`summary\` text NOT NULL, \`risks\` text NULL, \`nextSteps\` text NULL, \`correctsId\` int NULL, INDEX \`IDX_f59c3b7fda584196d4717ea736\` (\`correctsId\`), INDEX \`IDX_4b29babacc2af22890a16dce46\` (\`projectId\`, \`postedAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`milestone\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`projectId\` int NOT NULL, \`kind\` enum ('MILESTONE', 'DELIVERABLE') NOT NULL, \`title\` varchar(200) NOT NULL, \`dueDate\` date NOT NULL, \`status\` enum ('PLANNED', 'IN_PROGRESS', 'DELIVERED', 'ACCEPTED', 'REJECTED') NOT NULL, \`qualityPassed\` tinyint NULL, \`qualityReviewerId\` int NULL, \`qualityNotes\` varchar(2000) NULL, \`qualityReviewedAt\` datetime(3) NULL, \`acceptedByContactId\` int NULL, \`acceptedOn\` date NULL, \`rejectionReason\` varchar(2000) NULL, \`lateNotifiedAt\` datetime(3) NULL, INDEX \`IDX_64571f31c7da8158fefb696271\` (\`status\`, \`dueDate\`, \`id\`), INDEX \`IDX_5b2bc40276bb782b65e251d090\` (\`projectId\`, \`dueDate\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`project\` ADD CONSTRAINT \`FK_8d691f8d69acef59f4ed3a872c4\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`project\` ADD CONSTRAINT \`FK_20b6be6d0abb1a93440f030f61e\` FOREIGN KEY (\`contractId\`) REFERENCES \`contract\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`project\` ADD CONSTRAINT \`FK_b85e3e5d8b0914b5540eff16656\` FOREIGN KEY (\`leadId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`project_member\` ADD CONSTRAINT \`FK_7115f82a61e31ac95b2681d83e4\` FOREIGN KEY (\`projectId\`) REFERENCES \`project\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`project_member\` ADD CONSTRAINT \`FK_e7520163dafa7c1104fd672caad\` FOREIGN KEY (\`userId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`project_cost\` ADD CONSTRAINT \`FK_564703d4fae2b778869ee9e620f\` FOREIGN KEY (\`projectId\`) REFERENCES \`project\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`status_update\` ADD CONSTRAINT \`FK_9d68af6609a76972b0e5b59b45a\` FOREIGN KEY (\`projectId\`) REFERENCES \`project\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`status_update\` ADD CONSTRAINT \`FK_813ce308159ae4efbf423ae7d6f\` FOREIGN KEY (\`authorId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`status_update\` ADD CONSTRAINT \`FK_f59c3b7fda584196d4717ea7362\` FOREIGN KEY (\`correctsId\`) REFERENCES \`status_update\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`milestone\` ADD CONSTRAINT \`FK_edc28a2e0442554afe5eef2bdcb\` FOREIGN KEY (\`projectId\`) REFERENCES \`project\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`milestone\` ADD CONSTRAINT \`FK_e6542ffb86dda73d625ce4c4cd9\` FOREIGN KEY (\`acceptedByContactId\`) REFERENCES \`contact\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`milestone\` DROP FOREIGN KEY \`FK_e6542ffb86dda73d625ce4c4cd9\``);
    await queryRunner.query(`ALTER TABLE \`milestone\` DROP FOREIGN KEY \`FK_edc28a2e0442554afe5eef2bdcb\``);
    await queryRunner.query(`ALTER TABLE \`status_update\` DROP FOREIGN KEY \`FK_f59c3b7fda584196d4717ea7362\``);
    await queryRunner.query(`ALTER TABLE \`status_update\` DROP FOREIGN KEY \`FK_813ce308159ae4efbf423ae7d6f\``);
    await queryRunner.query(`ALTER TABLE \`status_update\` DROP FOREIGN KEY \`FK_9d68af6609a76972b0e5b59b45a\``);
    await queryRunner.query(`ALTER TABLE \`project_cost\` DROP FOREIGN KEY \`FK_564703d4fae2b778869ee9e620f\``);
    await queryRunner.query(`ALTER TABLE \`project_member\` DROP FOREIGN KEY \`FK_e7520163dafa7c1104fd672caad\``);
    await queryRunner.query(`ALTER TABLE \`project_member\` DROP FOREIGN KEY \`FK_7115f82a61e31ac95b2681d83e4\``);
    await queryRunner.query(`ALTER TABLE \`project\` DROP FOREIGN KEY \`FK_b85e3e5d8b0914b5540eff16656\``);
    await queryRunner.query(`ALTER TABLE \`project\` DROP FOREIGN KEY \`FK_20b6be6d0abb1a93440f030f61e\``);
    await queryRunner.query(`ALTER TABLE \`project\` DROP FOREIGN KEY \`FK_8d691f8d69acef59f4ed3a872c4\``);
    await queryRunner.query(`DROP INDEX \`IDX_5b2bc40276bb782b65e251d090\` ON \`milestone\``);
    await queryRunner.query(`DROP INDEX \`IDX_64571f31c7da8158fefb696271\` ON \`milestone\``);
    await queryRunner.query(`DROP TABLE \`milestone\``);
    await queryRunner.query(`DROP INDEX \`IDX_4b29babacc2af22890a16dce46\` ON \`status_update\``);
    await queryRunner.query(`DROP INDEX \`IDX_f59c3b7fda584196d4717ea736\` ON \`status_update\``);
    await queryRunner.query(`DROP TABLE \`status_update\``);
    await queryRunner.query(`DROP INDEX \`IDX_a2fd838e7262dc89ba83439295\` ON \`project_cost\``);
    await queryRunner.query(`DROP TABLE \`project_cost\``);
    await queryRunner.query(`DROP INDEX \`IDX_1f95533c37d5a7215c796d6ac9\` ON \`project_member\``);
    await queryRunner.query(`DROP INDEX \`IDX_e7520163dafa7c1104fd672caa\` ON \`project_member\``);
    await queryRunner.query(`DROP TABLE \`project_member\``);
    await queryRunner.query(`DROP INDEX \`IDX_3e8e5228f5c898adaa96b5e29c\` ON \`project\``);
    await queryRunner.query(`DROP INDEX \`IDX_162cc5344639454d1572347f5e\` ON \`project\``);
    await queryRunner.query(`DROP INDEX \`IDX_6c5a202261d8fedc98b9fc7303\` ON \`project\``);
    await queryRunner.query(`DROP INDEX \`IDX_20e92f513d5a3eb65aa3d21ec7\` ON \`project\``);
    await queryRunner.query(`DROP INDEX \`IDX_bd3d04fb0d78103f212a1dc0e2\` ON \`project\``);
    await queryRunner.query(`DROP INDEX \`IDX_2df11cd6e0fd120d14cee6f422\` ON \`project\``);
    await queryRunner.query(`DROP INDEX \`IDX_b85e3e5d8b0914b5540eff1665\` ON \`project\``);
    await queryRunner.query(`DROP TABLE \`project\``);
  }
}
