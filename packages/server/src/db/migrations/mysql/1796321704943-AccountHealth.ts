import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountHealth1796321704943 implements MigrationInterface {
  name = 'AccountHealth1796321704943';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`health_score_weight\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`component\` enum ('DELIVERY', 'ISSUES', 'FINANCE', 'RENEWAL', 'ENGAGEMENT') NOT NULL, \`weight\` int NOT NULL, UNIQUE INDEX \`IDX_3b6c0804972b3e0e50d27fb2f0\` (\`component\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`account_health_snapshot\` (\`id\` int NOT NULL AUTO_INCREMENT, \`accountId\` int NOT NULL, \`day\` date NOT NULL, \`score\` int NOT NULL, \`delivery\` int NOT NULL, \`issues\` int NOT NULL, \`finance\` int NOT NULL, \`renewal\` int NOT NULL, \`engagement\` int NOT NULL, \`recordedAt\` datetime(3) NOT NULL, INDEX \`IDX_4858b3efca7a8b77726144de0d\` (\`day\`, \`id\`), UNIQUE INDEX \`IDX_2e533d71f9ded273bfeeabcf30\` (\`accountId\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`account_health_snapshot\` ADD CONSTRAINT \`FK_310ebc3f1a74885d9c285259a1e\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`account_health_snapshot\` DROP FOREIGN KEY \`FK_310ebc3f1a74885d9c285259a1e\``);
    await queryRunner.query(`DROP INDEX \`IDX_2e533d71f9ded273bfeeabcf30\` ON \`account_health_snapshot\``);
    await queryRunner.query(`DROP INDEX \`IDX_4858b3efca7a8b77726144de0d\` ON \`account_health_snapshot\``);
    await queryRunner.query(`DROP TABLE \`account_health_snapshot\``);
    await queryRunner.query(`DROP INDEX \`IDX_3b6c0804972b3e0e50d27fb2f0\` ON \`health_score_weight\``);
    await queryRunner.query(`DROP TABLE \`health_score_weight\``);
  }
}
