import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CommunicationParticipantsFollowUps1796321752829 implements MigrationInterface {
  name = 'CommunicationParticipantsFollowUps1796321752829';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`communication_participant\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`communicationId\` int NOT NULL, \`contactId\` int NULL, \`userId\` int NULL, INDEX \`IDX_41f3642e602fd6c2a3b5bc8bfc\` (\`userId\`), INDEX \`IDX_6753d12057b39858b8b29fef44\` (\`contactId\`, \`communicationId\`), INDEX \`IDX_f291573e27b3b66bd41dca58df\` (\`communicationId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`communication_document\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`communicationId\` int NOT NULL, \`title\` varchar(200) NOT NULL, \`url\` varchar(2000) NOT NULL, INDEX \`IDX_057b78df74c7a5c7e86079e766\` (\`communicationId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`follow_up\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`communicationId\` int NOT NULL, \`accountId\` int NOT NULL, \`description\` varchar(2000) NOT NULL, \`ownerId\` int NOT NULL, \`dueOn\` date NOT NULL, \`doneAt\` datetime(3) NULL, \`doneById\` int NULL, \`createdById\` int NOT NULL, INDEX \`IDX_f4acdde04c077c2ba14f3239e6\` (\`accountId\`, \`dueOn\`, \`id\`), INDEX \`IDX_1248c90e481ae5b866d382aa7e\` (\`ownerId\`, \`doneAt\`, \`dueOn\`, \`id\`), INDEX \`IDX_c7ec77dfc1686970441740cf8a\` (\`communicationId\`, \`dueOn\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`communication_participant\` ADD CONSTRAINT \`FK_fe67e5a327dcf1f5b70daeb12c9\` FOREIGN KEY (\`communicationId\`) REFERENCES \`communication\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`communication_participant\` ADD CONSTRAINT \`FK_f33ce0fdf5a2331715a088df631\` FOREIGN KEY (\`contactId\`) REFERENCES \`contact\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`communication_participant\` ADD CONSTRAINT \`FK_41f3642e602fd6c2a3b5bc8bfc9\` FOREIGN KEY (\`userId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`communication_document\` ADD CONSTRAINT \`FK_4942020b476a59cc01c17e94cf9\` FOREIGN KEY (\`communicationId\`) REFERENCES \`communication\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`follow_up\` ADD CONSTRAINT \`FK_a15dafbbd017d9bb821387e6196\` FOREIGN KEY (\`communicationId\`) REFERENCES \`communication\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`follow_up\` ADD CONSTRAINT \`FK_06a5204ce567f60bcd528635dee\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`follow_up\` ADD CONSTRAINT \`FK_af4959eb2140089f869e302f287\` FOREIGN KEY (\`ownerId\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`follow_up\` ADD CONSTRAINT \`FK_81f0cee4be31531b2dd7ff5dfdf\` FOREIGN KEY (\`doneById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`follow_up\` ADD CONSTRAINT \`FK_0afc59daaec983ce498fdb5e085\` FOREIGN KEY (\`createdById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`follow_up\` DROP FOREIGN KEY \`FK_0afc59daaec983ce498fdb5e085\``);
    await queryRunner.query(`ALTER TABLE \`follow_up\` DROP FOREIGN KEY \`FK_81f0cee4be31531b2dd7ff5dfdf\``);
    await queryRunner.query(`ALTER TABLE \`follow_up\` DROP FOREIGN KEY \`FK_af4959eb2140089f869e302f287\``);
    await queryRunner.query(`ALTER TABLE \`follow_up\` DROP FOREIGN KEY \`FK_06a5204ce567f60bcd528635dee\``);
    await queryRunner.query(`ALTER TABLE \`follow_up\` DROP FOREIGN KEY \`FK_a15dafbbd017d9bb821387e6196\``);
    await queryRunner.query(`ALTER TABLE \`communication_document\` DROP FOREIGN KEY \`FK_4942020b476a59cc01c17e94cf9\``);
    await queryRunner.query(`ALTER TABLE \`communication_participant\` DROP FOREIGN KEY \`FK_41f3642e602fd6c2a3b5bc8bfc9\``);
    await queryRunner.query(`ALTER TABLE \`communication_participant\` DROP FOREIGN KEY \`FK_f33ce0fdf5a2331715a088df631\``);
    await queryRunner.query(`ALTER TABLE \`communication_participant\` DROP FOREIGN KEY \`FK_fe67e5a327dcf1f5b70daeb12c9\``);
    await queryRunner.query(`DROP INDEX \`IDX_c7ec77dfc1686970441740cf8a\` ON \`follow_up\``);
    await queryRunner.query(`DROP INDEX \`IDX_1248c90e481ae5b866d382aa7e\` ON \`follow_up\``);
    await queryRunner.query(`DROP INDEX \`IDX_f4acdde04c077c2ba14f3239e6\` ON \`follow_up\``);
    await queryRunner.query(`DROP TABLE \`follow_up\``);
    await queryRunner.query(`DROP INDEX \`IDX_057b78df74c7a5c7e86079e766\` ON \`communication_document\``);
    await queryRunner.query(`DROP TABLE \`communication_document\``);
    await queryRunner.query(`DROP INDEX \`IDX_f291573e27b3b66bd41dca58df\` ON \`communication_participant\``);
    await queryRunner.query(`DROP INDEX \`IDX_6753d12057b39858b8b29fef44\` ON \`communication_participant\``);
    await queryRunner.query(`DROP INDEX \`IDX_41f3642e602fd6c2a3b5bc8bfc\` ON \`communication_participant\``);
    await queryRunner.query(`DROP TABLE \`communication_participant\``);
  }
}
