import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChangeOrders1795849364838 implements MigrationInterface {
  name = 'ChangeOrders1795849364838';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`change_order\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`contractId\` int NOT NULL, \`accountId\` int NOT NULL, \`projectId\` int NULL, \`number\` varchar(30) NOT NULL, \`title\` varchar(200) NOT NULL, \`description\` text NULL, \`amountDeltaCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`scheduleImpactDays\` int NOT NULL DEFAULT '0', \`status\` enum ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'WITHDRAWN') NOT NULL, \`createdById\` int NOT NULL, \`submittedById\` int NULL, \`decidedAt\` datetime(3) NULL, UNIQUE INDEX \`IDX_9d20f8aa440475b77bc430bcc4\` (\`number\`), INDEX \`IDX_153c42d5cbc25f1a6ad9c30fab\` (\`createdAt\`, \`id\`), INDEX \`IDX_a7365fb2d0016ab28cb9d3e82e\` (\`status\`, \`createdAt\`, \`id\`), INDEX \`IDX_b1e35d7bae3eb91b504aa14229\` (\`accountId\`, \`createdAt\`, \`id\`), INDEX \`IDX_74889ee8b1491041c01b81820b\` (\`contractId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`change_order\` ADD CONSTRAINT \`FK_751c7f7b3e7a588434663478e57\` FOREIGN KEY (\`contractId\`) REFERENCES \`contract\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`change_order\` ADD CONSTRAINT \`FK_3f1320406b8eb043d1f5dfd353b\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`change_order\` DROP FOREIGN KEY \`FK_3f1320406b8eb043d1f5dfd353b\``);
    await queryRunner.query(`ALTER TABLE \`change_order\` DROP FOREIGN KEY \`FK_751c7f7b3e7a588434663478e57\``);
    await queryRunner.query(`DROP INDEX \`IDX_74889ee8b1491041c01b81820b\` ON \`change_order\``);
    await queryRunner.query(`DROP INDEX \`IDX_b1e35d7bae3eb91b504aa14229\` ON \`change_order\``);
    await queryRunner.query(`DROP INDEX \`IDX_a7365fb2d0016ab28cb9d3e82e\` ON \`change_order\``);
    await queryRunner.query(`DROP INDEX \`IDX_153c42d5cbc25f1a6ad9c30fab\` ON \`change_order\``);
    await queryRunner.query(`DROP INDEX \`IDX_9d20f8aa440475b77bc430bcc4\` ON \`change_order\``);
    await queryRunner.query(`DROP TABLE \`change_order\``);
  }
}
