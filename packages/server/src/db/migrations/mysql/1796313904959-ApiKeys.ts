import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1796313904959 implements MigrationInterface {
  name = 'ApiKeys1796313904959';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`api_key\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`name\` varchar(200) NOT NULL, \`prefix\` varchar(32) NOT NULL, \`secretHash\` varchar(64) NOT NULL, \`serviceUserId\` int NOT NULL, \`createdById\` int NOT NULL, \`expiresAt\` datetime(3) NULL, \`lastUsedAt\` datetime(3) NULL, \`revokedAt\` datetime(3) NULL, \`revokedById\` int NULL, UNIQUE INDEX \`IDX_c4f6ccad30c0862eb54af9fb0a\` (\`prefix\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`api_key\` ADD CONSTRAINT \`FK_a8fadf97fd79fd66fd96b39bdb7\` FOREIGN KEY (\`serviceUserId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`api_key\` DROP FOREIGN KEY \`FK_a8fadf97fd79fd66fd96b39bdb7\``);
    await queryRunner.query(`DROP INDEX \`IDX_c4f6ccad30c0862eb54af9fb0a\` ON \`api_key\``);
    await queryRunner.query(`DROP TABLE \`api_key\``);
  }
}
