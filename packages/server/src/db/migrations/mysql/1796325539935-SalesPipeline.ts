import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SalesPipeline1796325539935 implements MigrationInterface {
  name = 'SalesPipeline1796325539935';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`offering\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`name\` varchar(200) NOT NULL, \`category\` enum ('COST_TRANSPARENCY', 'PROVIDER_SEARCH', 'MEMBER_ENGAGEMENT', 'CARE_NAVIGATION', 'ANALYTICS', 'COMPLIANCE', 'PROFESSIONAL_SERVICES', 'OTHER') NOT NULL, \`description\` varchar(2000) NULL, \`active\` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX \`IDX_b855fa9a3cf5dca116399f2232\` (\`name\`), INDEX \`IDX_349a4ab45200bafe9e1cfbd64e\` (\`updatedAt\`, \`id\`), INDEX \`IDX_751ea61aed35de4ebe1a155a74\` (\`name\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`account_offering\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`offeringId\` int NOT NULL, \`since\` date NOT NULL, \`status\` enum ('ACTIVE', 'PILOT', 'SUSPENDED', 'ENDED') NOT NULL, INDEX \`IDX_68bebf11a69964ab24ca25f462\` (\`offeringId\`, \`id\`), UNIQUE INDEX \`IDX_80a45dbd303c649941f3d32ce0\` (\`accountId\`, \`offeringId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`opportunity\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`offeringId\` int NULL, \`title\` varchar(200) NOT NULL, \`description\` varchar(4000) NULL, \`sourceProjectId\` int NULL, \`sourceCommunicationId\` int NULL, \`sourceClientIssueId\` int NULL, \`status\` enum ('PROSPECTING', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION', 'WON', 'LOST') NOT NULL, \`amountCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`probability\` int NOT NULL, \`expectedCloseDate\` date NOT NULL, \`ownerId\` int NOT NULL, \`closedAt\` datetime(3) NULL, \`lostReason\` varchar(2000) NULL, \`contractId\` int NULL, \`createdById\` int NOT NULL, INDEX \`IDX_d5410e070286fdfffa0b33ada8\` (\`offeringId\`), INDEX \`IDX_eb3b297e85a4e02dd67265aba9\` (\`sourceProjectId\`), INDEX \`IDX_bdb1c3886bdbef67a2c4e3ea69\` (\`sourceCommunicationId\`), INDEX \`IDX_984d823be0881a99a1c33e4015\` (\`sourceClientIssueId\`), UNIQUE INDEX \`IDX_eff022937ff55ead4b748ce334\` (\`contractId\`), INDEX \`IDX_0eb6b8fc3d621f819ccdc86d41\` (\`updatedAt\`, \`id\`), INDEX \`IDX_b7d584dbb178ea9e629cad97f1\` (\`amountCents\`, \`id\`), INDEX \`IDX_45361ca9de7aa0c63c56a309fd\` (\`expectedCloseDate\`, \`id\`), INDEX \`IDX_2d1280e243577f1f71fc03d489\` (\`status\`, \`expectedCloseDate\`, \`id\`), INDEX \`IDX_c0d0fbec874902b5eb264be127\` (\`ownerId\`, \`expectedCloseDate\`, \`id\`), INDEX \`IDX_6d539f3f80922a426fa0e510cc\` (\`accountId\`, \`expectedCloseDate\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`account_offering\` ADD CONSTRAINT \`FK_74aa2ecd22dbf8de309527a7d48\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`account_offering\` ADD CONSTRAINT \`FK_45f230708e3a6b81aa5250de1bf\` FOREIGN KEY (\`offeringId\`) REFERENCES \`offering\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`opportunity\` ADD CONSTRAINT \`FK_69e32f4f4652f654dc8641ae2b8\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`opportunity\` ADD CONSTRAINT \`FK_d5410e070286fdfffa0b33ada8b\` FOREIGN KEY (\`offeringId\`) REFERENCES \`offering\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`opportunity\` ADD CONSTRAINT \`FK_eb3b297e85a4e02dd67265aba98\` FOREIGN KEY (\`sourceProjectId\`) REFERENCES \`project\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`opportunity\` ADD CONSTRAINT \`FK_bdb1c3886bdbef67a2c4e3ea69e\` FOREIGN KEY (\`sourceCommunicationId\`) REFERENCES \`communication\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`opportunity\` ADD CONSTRAINT \`FK_984d823be0881a99a1c33e40150\` FOREIGN KEY (\`sourceClientIssueId\`) REFERENCES \`client_issue\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`opportunity\` ADD CONSTRAINT \`FK_67371a1e3fd5bac524f7e914bad\` FOREIGN KEY (\`ownerId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`opportunity\` ADD CONSTRAINT \`FK_eff022937ff55ead4b748ce3342\` FOREIGN KEY (\`contractId\`) REFERENCES \`contract\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`opportunity\` DROP FOREIGN KEY \`FK_eff022937ff55ead4b748ce3342\``);
    await queryRunner.query(`ALTER TABLE \`opportunity\` DROP FOREIGN KEY \`FK_67371a1e3fd5bac524f7e914bad\``);
    await queryRunner.query(`ALTER TABLE \`opportunity\` DROP FOREIGN KEY \`FK_984d823be0881a99a1c33e40150\``);
    await queryRunner.query(`ALTER TABLE \`opportunity\` DROP FOREIGN KEY \`FK_bdb1c3886bdbef67a2c4e3ea69e\``);
    await queryRunner.query(`ALTER TABLE \`opportunity\` DROP FOREIGN KEY \`FK_eb3b297e85a4e02dd67265aba98\``);
    await queryRunner.query(`ALTER TABLE \`opportunity\` DROP FOREIGN KEY \`FK_d5410e070286fdfffa0b33ada8b\``);
    await queryRunner.query(`ALTER TABLE \`opportunity\` DROP FOREIGN KEY \`FK_69e32f4f4652f654dc8641ae2b8\``);
    await queryRunner.query(`ALTER TABLE \`account_offering\` DROP FOREIGN KEY \`FK_45f230708e3a6b81aa5250de1bf\``);
    await queryRunner.query(`ALTER TABLE \`account_offering\` DROP FOREIGN KEY \`FK_74aa2ecd22dbf8de309527a7d48\``);
    await queryRunner.query(`DROP INDEX \`IDX_6d539f3f80922a426fa0e510cc\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_c0d0fbec874902b5eb264be127\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_2d1280e243577f1f71fc03d489\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_45361ca9de7aa0c63c56a309fd\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_b7d584dbb178ea9e629cad97f1\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_0eb6b8fc3d621f819ccdc86d41\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_eff022937ff55ead4b748ce334\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_984d823be0881a99a1c33e4015\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_bdb1c3886bdbef67a2c4e3ea69\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_eb3b297e85a4e02dd67265aba9\` ON \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_d5410e070286fdfffa0b33ada8\` ON \`opportunity\``);
    await queryRunner.query(`DROP TABLE \`opportunity\``);
    await queryRunner.query(`DROP INDEX \`IDX_80a45dbd303c649941f3d32ce0\` ON \`account_offering\``);
    await queryRunner.query(`DROP INDEX \`IDX_68bebf11a69964ab24ca25f462\` ON \`account_offering\``);
    await queryRunner.query(`DROP TABLE \`account_offering\``);
    await queryRunner.query(`DROP INDEX \`IDX_751ea61aed35de4ebe1a155a74\` ON \`offering\``);
    await queryRunner.query(`DROP INDEX \`IDX_349a4ab45200bafe9e1cfbd64e\` ON \`offering\``);
    await queryRunner.query(`DROP INDEX \`IDX_b855fa9a3cf5dca116399f2232\` ON \`offering\``);
    await queryRunner.query(`DROP TABLE \`offering\``);
  }
}
