import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Invoices1795849484088 implements MigrationInterface {
  name = 'Invoices1795849484088';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`invoice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`accountId\` int NOT NULL, \`contractId\` int NOT NULL, \`number\` varchar(30) NOT NULL, \`status\` enum ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT', 'PARTIALLY_PAID', 'PAID', 'VOID') NOT NULL, \`issueDate\` date NOT NULL, \`dueDate\` date NOT NULL, \`currency\` varchar(3) NOT NULL, \`totalCents\` bigint NOT NULL, \`paidCents\` bigint NOT NULL DEFAULT '0', \`createdById\` int NOT NULL, \`submittedById\` int NULL, \`approvedById\` int NULL, \`approvedAt\` datetime(3) NULL, \`sentAt\` datetime(3) NULL, \`voidedAt\` datetime(3) NULL, \`voidReason\` varchar(2000) NULL, UNIQUE INDEX \`IDX_60284980bc8b9c624459948f4a\` (\`number\`), INDEX \`IDX_44391ac595ec2cd3d461d58138\` (\`approvedById\`), INDEX \`IDX_919c46bc5bd30d12f0a0e53891\` (\`dueDate\`, \`id\`), INDEX \`IDX_c370278dd1150dc19ada0f6f3c\` (\`issueDate\`, \`id\`), INDEX \`IDX_ff36f861b0382abe427e4677db\` (\`status\`, \`dueDate\`, \`id\`), INDEX \`IDX_b478842d4e8b44b9f799f12e8d\` (\`contractId\`, \`issueDate\`, \`id\`), INDEX \`IDX_7472c5c6e5967c407c3d3dc836\` (\`accountId\`, \`issueDate\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`invoice_line\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`invoiceId\` int NOT NULL, \`position\` int NOT NULL, \`description\` varchar(500) NOT NULL, \`quantityThousandths\` bigint NOT NULL, \`unitPriceCents\` bigint NOT NULL, \`amountCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, UNIQUE INDEX \`IDX_17727b7f3905e97d63a4515918\` (\`invoiceId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`invoice_payment\` (\`id\` int NOT NULL AUTO_INCREMENT, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`invoiceId\` int NOT NULL, \`amountCents\` bigint NOT NULL, \`currency\` varchar(3) NOT NULL, \`paidAt\` datetime(3) NOT NULL, \`reference\` varchar(200) NOT NULL, \`recordedById\` int NOT NULL, INDEX \`IDX_8f1659dcfb3a72225e35bee6dc\` (\`recordedById\`), INDEX \`IDX_7053fd28a78c7aaa48f79daf16\` (\`invoiceId\`, \`paidAt\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`invoice\` ADD CONSTRAINT \`FK_89cf170c6771515b780b428338b\` FOREIGN KEY (\`accountId\`) REFERENCES \`account\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`invoice\` ADD CONSTRAINT \`FK_51fd47e65bdbb4bc565795feea1\` FOREIGN KEY (\`contractId\`) REFERENCES \`contract\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`invoice\` ADD CONSTRAINT \`FK_44391ac595ec2cd3d461d581386\` FOREIGN KEY (\`approvedById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`invoice_line\` ADD CONSTRAINT \`FK_d1abbe501a231d860de4e4eb597\` FOREIGN KEY (\`invoiceId\`) REFERENCES \`invoice\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`invoice_payment\` ADD CONSTRAINT \`FK_29141a2a8c2192636ca4826fa4d\` FOREIGN KEY (\`invoiceId\`) REFERENCES \`invoice\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`invoice_payment\` ADD CONSTRAINT \`FK_8f1659dcfb3a72225e35bee6dc3\` FOREIGN KEY (\`recordedById\`) REFERENCES \`user\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`invoice_payment\` DROP FOREIGN KEY \`FK_8f1659dcfb3a72225e35bee6dc3\``);
    await queryRunner.query(`ALTER TABLE \`invoice_payment\` DROP FOREIGN KEY \`FK_29141a2a8c2192636ca4826fa4d\``);
    await queryRunner.query(`ALTER TABLE \`invoice_line\` DROP FOREIGN KEY \`FK_d1abbe501a231d860de4e4eb597\``);
    await queryRunner.query(`ALTER TABLE \`invoice\` DROP FOREIGN KEY \`FK_44391ac595ec2cd3d461d581386\``);
    await queryRunner.query(`ALTER TABLE \`invoice\` DROP FOREIGN KEY \`FK_51fd47e65bdbb4bc565795feea1\``);
    await queryRunner.query(`ALTER TABLE \`invoice\` DROP FOREIGN KEY \`FK_89cf170c6771515b780b428338b\``);
    await queryRunner.query(`DROP INDEX \`IDX_7053fd28a78c7aaa48f79daf16\` ON \`invoice_payment\``);
    await queryRunner.query(`DROP INDEX \`IDX_8f1659dcfb3a72225e35bee6dc\` ON \`invoice_payment\``);
    await queryRunner.query(`DROP TABLE \`invoice_payment\``);
    await queryRunner.query(`DROP INDEX \`IDX_17727b7f3905e97d63a4515918\` ON \`invoice_line\``);
    await queryRunner.query(`DROP TABLE \`invoice_line\``);
    await queryRunner.query(`DROP INDEX \`IDX_7472c5c6e5967c407c3d3dc836\` ON \`invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_b478842d4e8b44b9f799f12e8d\` ON \`invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_ff36f861b0382abe427e4677db\` ON \`invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_c370278dd1150dc19ada0f6f3c\` ON \`invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_919c46bc5bd30d12f0a0e53891\` ON \`invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_44391ac595ec2cd3d461d58138\` ON \`invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_60284980bc8b9c624459948f4a\` ON \`invoice\``);
    await queryRunner.query(`DROP TABLE \`invoice\``);
  }
}
