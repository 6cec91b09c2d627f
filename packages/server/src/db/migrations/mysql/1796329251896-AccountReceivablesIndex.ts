import type { MigrationInterface, QueryRunner } from 'typeorm';

// Only the index is new; TypeORM also re-declared the invoice's nullable columns and a foreign key,
// misreading MariaDB's metadata, and those statements are left out.
export class AccountReceivablesIndex1796329251896 implements MigrationInterface {
  name = 'AccountReceivablesIndex1796329251896';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX \`IDX_09e70f1db729b9131b6a0c322a\` ON \`invoice\` (\`accountId\`, \`status\`, \`dueDate\`)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_09e70f1db729b9131b6a0c322a\` ON \`invoice\``);
  }
}
