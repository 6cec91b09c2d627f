import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ClientIssues1795851171166 implements MigrationInterface {
  name = 'ClientIssues1795851171166';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`client_issue\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`projectId\` int NULL, \`title\` varchar(200) NOT NULL, \`description\` varchar(4000) NOT NULL, \`severity\` enum ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW') NOT NULL, \`severityRank\` int NOT NULL, \`category\` enum ('TECHNICAL', 'BILLING', 'DELIVERY', 'RELATIONSHIP') NOT NULL, \`status\` enum ('OPEN', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED', 'CLOSED') NOT NULL, \`reportedByContactId\` int NULL, \`reportedByUserId\` int NULL, \`assigneeId\` int NULL, \`createdById\` int NOT NULL, \`reportedAt\` datetime(3) NOT NULL, \`responseDueAt\` datetime(3) NOT NULL, \`resolutionDueAt\` datetime(3) NOT NULL, \`responseAtRiskAt\` datetime(3) NOT NULL, \`resolutionAtRiskAt\` datetime(3) NOT NULL, \`firstResponseAt\` datetime(3) NULL, \`resolvedAt\` datetime(3) NULL, \`resolution\` varchar(2000) NULL, \`conflictResolutionNote\` varchar(2000) NULL, \`escalatedAt\` datetime(3) NULL, \`escalationReason\` varchar(2000) NULL, INDEX \`IDX_3fd3b6671dac1e99c6000978fa\` (\`projectId\`), INDEX \`IDX_8bc9783a41629af8bcd65d4007\` (\`reportedByContactId\`), INDEX \`IDX_be0b1dffc9a53ce13fec72d76b\` (\`assigneeId\`), INDEX \`IDX_dc202cd8a2e6fdd40401065eef\` (\`severityRank\`, \`id\`), INDEX \`IDX_5a9308ec24b041cda697cc6ac8\` (\`resolutionDueAt\`, \`id\`), INDEX \`IDX_cb65132a6a9c667929047a5079\` (\`reportedAt\`, \`id\`), INDEX \`IDX_18f745b87e5b60fc912af444df\` (\`status\`, \`resolutionDueAt\`, \`id\`), INDEX \`IDX_0d178f8c986a215d0710004a68\` (\`accountId\`, \`reportedAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`client_issue_event\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`issueId\` int NOT NULL, \`kind\` enum ('COMMENT', 'STATUS_CHANGE', 'ASSIGNMENT', 'ESCALATION', 'RESPONSE') NOT NULL, \`actorId\` int NOT NULL, \`body\` varchar(4000) NULL, \`fromStatus\` enum ('OPEN', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED', 'CLOSED') NULL, \`toStatus\` enum ('OPEN', 'IN_PROGRESS', 'ESCALATED', 'RESOLVED', 'CLOSED') NULL, \`at\` datetime(3) NOT NULL, INDEX \`IDX_89907794ac49a4660a794275ff\` (\`actorId\`), INDEX \`IDX_614f0b595725f02e387d1757ea\` (\`issueId\`, \`at\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`client_issue\` ADD CONSTRAINT \`FK_430213404097ebca3c83b1376ed\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`client_issue\` ADD CONSTRAINT \`FK_8bc9783a41629af8bcd65d4007b\` FOREIGN KEY (\`reportedByContactId\`) REFERENCES \`contact\`(\`id\`) ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`client_issue\` ADD CONSTRAINT \`FK_877e34efaae977e10cf476faf56\` FOREIGN KEY (\`reportedByUserId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`client_issue\` ADD CONSTRAINT \`FK_be0b1dffc9a53ce13fec72d76b9\` FOREIGN KEY (\`assigneeId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`client_issue_event\` ADD CONSTRAINT \`FK_5720867f234b7d9e399d4cd2273\` FOREIGN KEY (\`issueId\`) REFERENCES \`client_issue\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`client_issue_event\` ADD CONSTRAINT \`FK_89907794ac49a4660a794275ff7\` FOREIGN KEY (\`actorId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`client_issue_event\` DROP FOREIGN KEY \`FK_89907794ac49a4660a794275ff7\``);
    await queryRunner.query(`ALTER TABLE \`client_issue_event\` DROP FOREIGN KEY \`FK_5720867f234b7d9e399d4cd2273\``);
    await queryRunner.query(`ALTER TABLE \`client_issue\` DROP FOREIGN KEY \`FK_be0b1dffc9a53ce13fec72d76b9\``);
    await queryRunner.query(`ALTER TABLE \`client_issue\` DROP FOREIGN KEY \`FK_877e34efaae977e10cf476faf56\``);
    await queryRunner.query(`ALTER TABLE \`client_issue\` DROP FOREIGN KEY \`FK_8bc9783a41629af8bcd65d4007b\``);
    await queryRunner.query(`ALTER TABLE \`client_issue\` DROP FOREIGN KEY \`FK_430213404097ebca3c83b1376ed\``);
    await queryRunner.query(`DROP INDEX \`IDX_614f0b595725f02e387d1757ea\` ON \`client_issue_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_89907794ac49a4660a794275ff\` ON \`client_issue_event\``);
    await queryRunner.query(`DROP TABLE \`client_issue_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_0d178f8c986a215d0710004a68\` ON \`client_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_18f745b87e5b60fc912af444df\` ON \`client_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_cb65132a6a9c667929047a5079\` ON \`client_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_5a9308ec24b041cda697cc6ac8\` ON \`client_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_dc202cd8a2e6fdd40401065eef\` ON \`client_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_be0b1dffc9a53ce13fec72d76b\` ON \`client_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_8bc9783a41629af8bcd65d4007\` ON \`client_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_3fd3b6671dac1e99c6000978fa\` ON \`client_issue\``);
    await queryRunner.query(`DROP TABLE \`client_issue\``);
  }
}
