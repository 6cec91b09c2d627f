import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795845931028 implements MigrationInterface {
  name = 'Initial1795845931028';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`user\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`name\` varchar(200) NOT NULL, \`email\` varchar(320) NOT NULL, \`title\` varchar(200) NULL, \`role\` enum ('ADMIN', 'EXECUTIVE', 'SENIOR_ACCOUNT_MANAGER', 'ACCOUNT_MANAGER', 'IT_DIRECTOR', 'PROJECT_MEMBER', 'FINANCE', 'BI_READER') NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`managerId\` int NULL, UNIQUE INDEX \`IDX_e12875dfb3b1d92d7d7c5377e2\` (\`email\`), INDEX \`IDX_df69481de1f438f2082e4d5474\` (\`managerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`account\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`name\` varchar(200) NOT NULL, \`kind\` enum ('HEALTH_PLAN', 'EMPLOYER', 'PROVIDER_GROUP', 'BROKER', 'OTHER') NOT NULL, \`tier\` enum ('STRATEGIC', 'ENTERPRISE', 'GROWTH') NOT NULL, \`status\` enum ('PROSPECT', 'ONBOARDING', 'ACTIVE', 'AT_RISK', 'CHURNED') NOT NULL DEFAULT 'PROSPECT', \`membersReached\` int NOT NULL DEFAULT '0', \`region\` varchar(100) NULL, \`parentId\` int NULL, \`ownerId\` int NULL, INDEX \`IDX_90f9eafb4703666963ae861c26\` (\`status\`), INDEX \`IDX_30d2fca3d68a5ab51c952dc9aa\` (\`parentId\`), INDEX \`IDX_72719f338bfbe9aa98f4439d2b\` (\`ownerId\`), INDEX \`IDX_49326795c180fd8c71fc929126\` (\`createdAt\`, \`id\`), INDEX \`IDX_3b7726e59dbc971bff414b7c3d\` (\`membersReached\`, \`id\`), INDEX \`IDX_40603163cdb7e68c2655554d1b\` (\`name\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`audit_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`actorId\` int NULL, \`action\` varchar(100) NOT NULL, \`entityType\` varchar(100) NOT NULL, \`entityId\` varchar(200) NOT NULL, \`changes\` text NOT NULL, \`occurredAt\` datetime(3) NOT NULL, INDEX \`IDX_45452915f68f5a171bc4107b9e\` (\`action\`), INDEX \`IDX_427668ea1a2d94fab0aa34e346\` (\`occurredAt\`), INDEX \`IDX_69d3ca7e728c95ce584ab3221d\` (\`actorId\`, \`id\`), INDEX \`IDX_c188421de79d18459dad7625ed\` (\`entityType\`, \`entityId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`contact\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`name\` varchar(200) NOT NULL, \`title\` varchar(200) NULL, \`email\` varchar(320) NULL, \`phone\` varchar(50) NULL, \`roles\` text NOT NULL, \`isPrimary\` tinyint NOT NULL DEFAULT 0, INDEX \`IDX_80f838d8117ec4e5c3be61dc8b\` (\`accountId\`, \`name\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`account_team_member\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`userId\` int NOT NULL, \`teamRole\` enum ('BACKUP_ACCOUNT_MANAGER', 'EXECUTIVE_SPONSOR', 'PROJECT_MANAGER', 'IMPLEMENTATION_LEAD', 'SOLUTIONS_ENGINEER', 'SUPPORT_LEAD', 'BILLING_SPECIALIST') NOT NULL, INDEX \`IDX_a59b7fb2bc3664ff11a0a058fd\` (\`userId\`), UNIQUE INDEX \`IDX_8fa5aa55f3151b684ddfd93017\` (\`accountId\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`user\` ADD CONSTRAINT \`FK_df69481de1f438f2082e4d54749\` FOREIGN KEY (\`managerId\`) REFERENCES \`user\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`account\` ADD CONSTRAINT \`FK_30d2fca3d68a5ab51c952dc9aab\` FOREIGN KEY (\`parentId\`) REFERENCES \`account\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`account\` ADD CONSTRAINT \`FK_72719f338bfbe9aa98f4439d2b4\` FOREIGN KEY (\`ownerId\`) REFERENCES \`user\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`audit_event\` ADD CONSTRAINT \`FK_2b778fde3afc04ec59f83e29fa0\` FOREIGN KEY (\`actorId\`) REFERENCES \`user\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`contact\` ADD CONSTRAINT \`FK_c41c33073aa7374623d9b20a6ba\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`account_team_member\` ADD CONSTRAINT \`FK_9d223efaef66db78f0391902c4d\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`account_team_member\` ADD CONSTRAINT \`FK_a59b7fb2bc3664ff11a0a058fd8\` FOREIGN KEY (\`userId\`) REFERENCES \`user\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`account_team_member\` DROP FOREIGN KEY \`FK_a59b7fb2bc3664ff11a0a058fd8\``);
    await queryRunner.query(`ALTER TABLE \`account_team_member\` DROP FOREIGN KEY \`FK_9d223efaef66db78f0391902c4d\``);
    await queryRunner.query(`ALTER TABLE \`contact\` DROP FOREIGN KEY \`FK_c41c33073aa7374623d9b20a6ba\``);
    await queryRunner.query(`ALTER TABLE \`audit_event\` DROP FOREIGN KEY \`FK_2b778fde3afc04ec59f83e29fa0\``);
    await queryRunner.query(`ALTER TABLE \`account\` DROP FOREIGN KEY \`FK_72719f338bfbe9aa98f4439d2b4\``);
    await queryRunner.query(`ALTER TABLE \`account\` DROP FOREIGN KEY \`FK_30d2fca3d68a5ab51c952dc9aab\``);
    await queryRunner.query(`ALTER TABLE \`user\` DROP FOREIGN KEY \`FK_df69481de1f438f2082e4d54749\``);
    await queryRunner.query(`DROP INDEX \`IDX_8fa5aa55f3151b684ddfd93017\` ON \`account_team_member\``);
    await queryRunner.query(`DROP INDEX \`IDX_a59b7fb2bc3664ff11a0a058fd\` ON \`account_team_member\``);
    await queryRunner.query(`DROP TABLE \`account_team_member\``);
    await queryRunner.query(`DROP INDEX \`IDX_80f838d8117ec4e5c3be61dc8b\` ON \`contact\``);
    await queryRunner.query(`DROP TABLE \`contact\``);
    await queryRunner.query(`DROP INDEX \`IDX_c188421de79d18459dad7625ed\` ON \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_69d3ca7e728c95ce584ab3221d\` ON \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_427668ea1a2d94fab0aa34e346\` ON \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_45452915f68f5a171bc4107b9e\` ON \`audit_event\``);
    await queryRunner.query(`DROP TABLE \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_40603163cdb7e68c2655554d1b\` ON \`account\``);
    await queryRunner.query(`DROP INDEX \`IDX_3b7726e59dbc971bff414b7c3d\` ON \`account\``);
    await queryRunner.query(`DROP INDEX \`IDX_49326795c180fd8c71fc929126\` ON \`account\``);
    await queryRunner.query(`DROP INDEX \`IDX_72719f338bfbe9aa98f4439d2b\` ON \`account\``);
    await queryRunner.query(`DROP INDEX \`IDX_30d2fca3d68a5ab51c952dc9aa\` ON \`account\``);
    await queryRunner.query(`DROP INDEX \`IDX_90f9eafb4703666963ae861c26\` ON \`account\``);
    await queryRunner.query(`DROP TABLE \`account\``);
    await queryRunner.query(`DROP INDEX \`IDX_df69481de1f438f2082e4d5474\` ON \`user\``);
    await queryRunner.query(`DROP INDEX \`IDX_e12875dfb3b1d92d7d7c5377e2\` ON \`user\``);
    await queryRunner.query(`DROP TABLE \`user\``);
  }
}
