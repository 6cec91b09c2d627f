import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StaffGoals1796326414435 implements MigrationInterface {
  name = 'StaffGoals1796326414435';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`staff_goal\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`userId\` int NOT NULL, \`metric\` enum ('REVENUE_BOOKED', 'RENEWALS_CLOSED', 'INVOICES_COLLECTED', 'ISSUES_RESOLVED_WITHIN_SLA', 'OPPORTUNITIES_WON', 'CLIENT_TOUCHES') NOT NULL, \`periodKind\` enum ('QUARTER', 'YEAR') NOT NULL, \`periodStart\` date NOT NULL, \`periodEnd\` date NOT NULL, \`target\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`setById\` int NOT NULL, INDEX \`IDX_5b97208360d1d2505e159f5e82\` (\`updatedAt\`, \`id\`), INDEX \`IDX_ee9b88963d989afc29c1e7921a\` (\`periodStart\`, \`periodEnd\`, \`id\`), UNIQUE INDEX \`IDX_f7a96b19ee02844f5ed49c6f63\` (\`userId\`, \`metric\`, \`periodStart\`, \`periodEnd\`, \`currency\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`staff_goal\` ADD CONSTRAINT \`FK_ef6fa91176017517603b2c08c72\` FOREIGN KEY (\`userId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`staff_goal\` ADD CONSTRAINT \`FK_560d952807a44889f6ea7135ff0\` FOREIGN KEY (\`setById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`staff_goal\` DROP FOREIGN KEY \`FK_560d952807a44889f6ea7135ff0\``);
    await queryRunner.query(`ALTER TABLE \`staff_goal\` DROP FOREIGN KEY \`FK_ef6fa91176017517603b2c08c72\``);
    await queryRunner.query(`DROP INDEX \`IDX_f7a96b19ee02844f5ed49c6f63\` ON \`staff_goal\``);
    await queryRunner.query(`DROP INDEX \`IDX_ee9b88963d989afc29c1e7921a\` ON \`staff_goal\``);
    await queryRunner.query(`DROP INDEX \`IDX_5b97208360d1d2505e159f5e82\` ON \`staff_goal\``);
    await queryRunner.query(`DROP TABLE \`staff_goal\``);
  }
}
