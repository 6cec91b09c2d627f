import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Communications1796321220353 implements MigrationInterface {
  name = 'Communications1796321220353';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`communication\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`type\` enum ('MEETING', 'CALL', 'EMAIL', 'PRESENTATION', 'QUARTERLY_BUSINESS_REVIEW', 'SITE_VISIT', 'WORKSHOP', 'OTHER') NOT NULL, \`direction\` enum ('INBOUND', 'OUTBOUND') NOT NULL, \`occurredAt\` datetime(3) NOT NULL, \`subject\` varchar(200) NOT NULL, \`summary\` varchar(8000) NULL, \`loggedById\` int NOT NULL, INDEX \`IDX_ea8b2ca50a11b4654416930f19\` (\`updatedAt\`, \`id\`), INDEX \`IDX_cc24528b15f31ad660c6232423\` (\`occurredAt\`, \`id\`), INDEX \`IDX_485b60b672b6a32e49eaf63a7e\` (\`accountId\`, \`occurredAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`communication\` ADD CONSTRAINT \`FK_0d80fd0ac88a8b4bb0600ca0c5c\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`communication\` ADD CONSTRAINT \`FK_1f11429253dcff50169d8ad25d3\` FOREIGN KEY (\`loggedById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`communication\` DROP FOREIGN KEY \`FK_1f11429253dcff50169d8ad25d3\``);
    await queryRunner.query(`ALTER TABLE \`communication\` DROP FOREIGN KEY \`FK_0d80fd0ac88a8b4bb0600ca0c5c\``);
    await queryRunner.query(`DROP INDEX \`IDX_485b60b672b6a32e49eaf63a7e\` ON \`communication\``);
    await queryRunner.query(`DROP INDEX \`IDX_cc24528b15f31ad660c6232423\` ON \`communication\``);
    await queryRunner.query(`DROP INDEX \`IDX_ea8b2ca50a11b4654416930f19\` ON \`communication\``);
    await queryRunner.query(`DROP TABLE \`communication\``);
  }
}
