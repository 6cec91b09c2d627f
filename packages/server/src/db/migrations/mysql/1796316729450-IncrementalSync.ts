import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IncrementalSync1796316729450 implements MigrationInterface {
  name = 'IncrementalSync1796316729450';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`audit_event\` ADD \`accountId\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`audit_event\` ADD \`deletion\` tinyint NOT NULL DEFAULT 0`);
    // Tombstones written before these columns: the two hard deletes, with the account from the event's own changes.
    await queryRunner.query(
      `UPDATE \`audit_event\` SET \`deletion\` = 1, \`accountId\` = JSON_VALUE(\`changes\`, '$.accountId.before') WHERE \`action\` IN ('deleteContact', 'removeAccountTeamMember')`,
    );
    await queryRunner.query(`CREATE INDEX \`IDX_90ccee5c2287669a882ab39e62\` ON \`user\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_c503583c3e26329e66f2f5919a\` ON \`account\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_7ffbf43027ef5febaf57158a2b\` ON \`audit_event\` (\`deletion\`, \`occurredAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_f5f10d810b4ee816d8f18dc482\` ON \`contract\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_63ba3c200667131e79c6105f06\` ON \`approval_decision\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_11be03925b0fdca143e387ba2c\` ON \`change_order\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_eb2e25fefdd0c090fead1855fe\` ON \`invoice\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_65f1a643168ca37c7bfdcd512b\` ON \`invoice_payment\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_b1885ae2965d82371981b25142\` ON \`project\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_96ce4f68ec5f5721f218097449\` ON \`project_cost\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_f2e3c9189172dab93855bf6f41\` ON \`status_update\` (\`updatedAt\`, \`id\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_36010b02be1c9993a5ad21f16a\` ON \`client_issue\` (\`updatedAt\`, \`id\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_36010b02be1c9993a5ad21f16a\` ON \`client_issue\``);
    await queryRunner.query(`DROP INDEX \`IDX_f2e3c9189172dab93855bf6f41\` ON \`status_update\``);
    await queryRunner.query(`DROP INDEX \`IDX_96ce4f68ec5f5721f218097449\` ON \`project_cost\``);
    await queryRunner.query(`DROP INDEX \`IDX_b1885ae2965d82371981b25142\` ON \`project\``);
    await queryRunner.query(`DROP INDEX \`IDX_65f1a643168ca37c7bfdcd512b\` ON \`invoice_payment\``);
    await queryRunner.query(`DROP INDEX \`IDX_eb2e25fefdd0c090fead1855fe\` ON \`invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_11be03925b0fdca143e387ba2c\` ON \`change_order\``);
    await queryRunner.query(`DROP INDEX \`IDX_63ba3c200667131e79c6105f06\` ON \`approval_decision\``);
    await queryRunner.query(`DROP INDEX \`IDX_f5f10d810b4ee816d8f18dc482\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_7ffbf43027ef5febaf57158a2b\` ON \`audit_event\``);
    await queryRunner.query(`DROP INDEX \`IDX_c503583c3e26329e66f2f5919a\` ON \`account\``);
    await queryRunner.query(`DROP INDEX \`IDX_90ccee5c2287669a882ab39e62\` ON \`user\``);
    await queryRunner.query(`ALTER TABLE \`audit_event\` DROP COLUMN \`deletion\``);
    await queryRunner.query(`ALTER TABLE \`audit_event\` DROP COLUMN \`accountId\``);
  }
}
