import type { MigrationInterface, QueryRunner } from 'typeorm';
// Hand-edited: the generator also re-declared columns, indexes and foreign keys of the earlier tables
// unchanged (TypeORM misreads some of MariaDB's metadata); only the new tables are kept.

export class ContractsApprovals1795847972900 implements MigrationInterface {
  name = 'ContractsApprovals1795847972900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`number_sequence\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`name\` varchar(100) NOT NULL, \`lastValue\` int NOT NULL DEFAULT '0', UNIQUE INDEX \`IDX_52165f1f3d52e4b9a582f3345b\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`approval_request\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`subjectType\` enum ('CONTRACT', 'CHANGE_ORDER', 'INVOICE') NOT NULL, \`subjectId\` int NOT NULL, \`accountId\` int NOT NULL, \`amountCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`requestedById\` int NOT NULL, \`createdById\` int NOT NULL, \`requestedAt\` datetime(3) NOT NULL, \`status\` enum ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN') NOT NULL, INDEX \`IDX_d7cb006685d032de10b302858a\` (\`subjectType\`, \`subjectId\`), INDEX \`IDX_a00af2204480a0d70f316158f1\` (\`status\`, \`requestedAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`approval_decision\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`subjectType\` enum ('CONTRACT', 'CHANGE_ORDER', 'INVOICE') NOT NULL, \`subjectId\` int NOT NULL, \`requestId\` int NOT NULL, \`decision\` enum ('APPROVED', 'REJECTED') NOT NULL, \`actorId\` int NOT NULL, \`note\` varchar(2000) NULL, \`amountCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`decidedAt\` datetime(3) NOT NULL, INDEX \`IDX_22581a703ae1b12d65881eafbe\` (\`subjectType\`, \`subjectId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`contract\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`number\` varchar(30) NOT NULL, \`title\` varchar(200) NOT NULL, \`type\` enum ('MASTER_SERVICES', 'STATEMENT_OF_WORK', 'RENEWAL', 'AMENDMENT') NOT NULL, \`status\` enum ('DRAFT', 'PENDING_APPROVAL', 'ACTIVE', 'EXPIRED', 'TERMINATED', 'RENEWED') NOT NULL, \`startDate\` date NOT NULL, \`endDate\` date NOT NULL, \`signedAt\` datetime(3) NULL, \`noticePeriodDays\` int NOT NULL, \`noticeDeadline\` date NOT NULL, \`autoRenew\` tinyint NOT NULL DEFAULT 0, \`valueCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`ownerId\` int NOT NULL, \`renewalOfId\` int NULL, \`createdById\` int NOT NULL, \`submittedById\` int NULL, \`approvedById\` int NULL, \`approvedAt\` datetime(3) NULL, \`terminationDate\` date NULL, \`terminationReason\` varchar(2000) NULL, UNIQUE INDEX \`IDX_86b89a6d689f50beb08b0537f6\` (\`number\`), INDEX \`IDX_a45df5a99d61f11c78719bd612\` (\`ownerId\`), INDEX \`IDX_49652ae56317095a5bb40d588f\` (\`renewalOfId\`), INDEX \`IDX_8ff1b456b0e8ba3d3a9a933c4b\` (\`endDate\`, \`id\`), INDEX \`IDX_5fb5f5fd13b48dd9b1cdba79f2\` (\`status\`, \`noticeDeadline\`, \`id\`), INDEX \`IDX_18bb4cb3a94c2e0d43e60d3b31\` (\`accountId\`, \`endDate\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`idempotency_key\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`userId\` int NOT NULL, \`key\` varchar(255) NOT NULL, \`requestHash\` varchar(64) NOT NULL, \`state\` enum ('IN_PROGRESS', 'COMPLETED') NOT NULL, \`response\` text NULL, \`expiresAt\` datetime(3) NOT NULL, INDEX \`IDX_b518f26ab85e77017f0ff4054b\` (\`expiresAt\`), UNIQUE INDEX \`IDX_703de5e39cfcdf2dee29ca4cd5\` (\`userId\`, \`key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`contract\` ADD CONSTRAINT \`FK_7df045c0342a55274840bf84cc2\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`contract\` ADD CONSTRAINT \`FK_a45df5a99d61f11c78719bd6129\` FOREIGN KEY (\`ownerId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`contract\` ADD CONSTRAINT \`FK_49652ae56317095a5bb40d588ff\` FOREIGN KEY (\`renewalOfId\`) REFERENCES \`contract\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`contract\` DROP FOREIGN KEY \`FK_49652ae56317095a5bb40d588ff\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP FOREIGN KEY \`FK_a45df5a99d61f11c78719bd6129\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP FOREIGN KEY \`FK_7df045c0342a55274840bf84cc2\``);
    await queryRunner.query(`DROP INDEX \`IDX_703de5e39cfcdf2dee29ca4cd5\` ON \`idempotency_key\``);
    await queryRunner.query(`DROP INDEX \`IDX_b518f26ab85e77017f0ff4054b\` ON \`idempotency_key\``);
    await queryRunner.query(`DROP TABLE \`idempotency_key\``);
    await queryRunner.query(`DROP INDEX \`IDX_18bb4cb3a94c2e0d43e60d3b31\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_5fb5f5fd13b48dd9b1cdba79f2\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_8ff1b456b0e8ba3d3a9a933c4b\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_49652ae56317095a5bb40d588f\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_a45df5a99d61f11c78719bd612\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_86b89a6d689f50beb08b0537f6\` ON \`contract\``);
    await queryRunner.query(`DROP TABLE \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_22581a703ae1b12d65881eafbe\` ON \`approval_decision\``);
    await queryRunner.query(`DROP TABLE \`approval_decision\``);
    await queryRunner.query(`DROP INDEX \`IDX_a00af2204480a0d70f316158f1\` ON \`approval_request\``);
    await queryRunner.query(`DROP INDEX \`IDX_d7cb006685d032de10b302858a\` ON \`approval_request\``);
    await queryRunner.query(`DROP TABLE \`approval_request\``);
    await queryRunner.query(`DROP INDEX \`IDX_52165f1f3d52e4b9a582f3345b\` ON \`number_sequence\``);
    await queryRunner.query(`DROP TABLE \`number_sequence\``);
  }
}
