import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Invoices1795849484088 implements MigrationInterface {
  name = 'Invoices1795849484088';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "invoice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "contractId" integer NOT NULL, "number" varchar(30) NOT NULL, "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','APPROVED','SENT','PARTIALLY_PAID','PAID','VOID') ) NOT NULL, "issueDate" date NOT NULL, "dueDate" date NOT NULL, "currency" varchar(3) NOT NULL, "totalCents" bigint NOT NULL, "paidCents" bigint NOT NULL DEFAULT (0), "createdById" integer NOT NULL, "submittedById" integer, "approvedById" integer, "approvedAt" datetime(3), "sentAt" datetime(3), "voidedAt" datetime(3), "voidReason" varchar(2000))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_60284980bc8b9c624459948f4a" ON "invoice" ("number") `);
    await queryRunner.query(`CREATE INDEX "IDX_44391ac595ec2cd3d461d58138" ON "invoice" ("approvedById") `);
    await queryRunner.query(`CREATE INDEX "IDX_919c46bc5bd30d12f0a0e53891" ON "invoice" ("dueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c370278dd1150dc19ada0f6f3c" ON "invoice" ("issueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ff36f861b0382abe427e4677db" ON "invoice" ("status", "dueDate", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_b478842d4e8b44b9f799f12e8d" ON "invoice" ("contractId", "issueDate", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7472c5c6e5967c407c3d3dc836" ON "invoice" ("accountId", "issueDate", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "invoice_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "invoiceId" integer NOT NULL, "position" integer NOT NULL, "description" varchar(500) NOT NULL, "quantityThousandths" bigint NOT NULL, "unitPriceCents" bigint NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_17727b7f3905e97d63a4515918" ON "invoice_line" ("invoiceId", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "invoice_payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "invoiceId" integer NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "paidAt" datetime(3) NOT NULL, "reference" varchar(200) NOT NULL, "recordedById" integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8f1659dcfb3a72225e35bee6dc" ON "invoice_payment" ("recordedById") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_7053fd28a78c7aaa48f79daf16" ON "invoice_payment" ("invoiceId", "paidAt", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_60284980bc8b9c624459948f4a"`);
    await queryRunner.query(`DROP INDEX "IDX_44391ac595ec2cd3d461d58138"`);
    await queryRunner.query(`DROP INDEX "IDX_919c46bc5bd30d12f0a0e53891"`);
    await queryRunner.query(`DROP INDEX "IDX_c370278dd1150dc19ada0f6f3c"`);
    await queryRunner.query(`DROP INDEX "IDX_ff36f861b0382abe427e4677db"`);
    await queryRunner.query(`DROP INDEX "IDX_b478842d4e8b44b9f799f12e8d"`);
    await queryRunner.query(`DROP INDEX "IDX_7472c5c6e5967c407c3d3dc836"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_invoice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "contractId" integer NOT NULL, "number" varchar(30) NOT NULL, "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','APPROVED','SENT','PARTIALLY_PAID','PAID','VOID') ) NOT NULL, "issueDate" date NOT NULL, "dueDate" date NOT NULL, "currency" varchar(3) NOT NULL, "totalCents" bigint NOT NULL, "paidCents" bigint NOT NULL DEFAULT (0), "createdById" integer NOT NULL, "submittedById" integer, "approvedById" integer, "approvedAt" datetime(3), "sentAt" datetime(3), "voidedAt" datetime(3), "voidReason" varchar(2000), CONSTRAINT "FK_89cf170c6771515b780b428338b" FOREIGN KEY ("accountId") REFERENCES "account" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_51fd47e65bdbb4bc565795feea1" FOREIGN KEY ("contractId") REFERENCES "contract" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_44391ac595ec2cd3d461d581386" FOREIGN KEY ("approvedById") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_invoice"("id", "createdAt", "updatedAt", "version", "accountId", "contractId", "number", "status", "issueDate", "dueDate", "currency", "totalCents", "paidCents", "createdById", "submittedById", "approvedById", "approvedAt", "sentAt", "voidedAt", "voidReason") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "contractId", "number", "status", "issueDate", "dueDate", "currency", "totalCents", "paidCents", "createdById", "submittedById", "approvedById", "approvedAt", "sentAt", "voidedAt", "voidReason" FROM "invoice"`,
    );
    await queryRunner.query(`DROP TABLE "invoice"`);
    await queryRunner.query(`ALTER TABLE "temporary_invoice" RENAME TO "invoice"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_60284980bc8b9c624459948f4a" ON "invoice" ("number") `);
    await queryRunner.query(`CREATE INDEX "IDX_44391ac595ec2cd3d461d58138" ON "invoice" ("approvedById") `);
    await queryRunner.query(`CREATE INDEX "IDX_919c46bc5bd30d12f0a0e53891" ON "invoice" ("dueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c370278dd1150dc19ada0f6f3c" ON "invoice" ("issueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ff36f861b0382abe427e4677db" ON "invoice" ("status", "dueDate", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_b478842d4e8b44b9f799f12e8d" ON "invoice" ("contractId", "issueDate", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7472c5c6e5967c407c3d3dc836" ON "invoice" ("accountId", "issueDate", "id") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_17727b7f3905e97d63a4515918"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_invoice_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "invoiceId" integer NOT NULL, "position" integer NOT NULL, "description" varchar(500) NOT NULL, "quantityThousandths" bigint NOT NULL, "unitPriceCents" bigint NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, CONSTRAINT "FK_d1abbe501a231d860de4e4eb597" FOREIGN KEY ("invoiceId") REFERENCES "invoice" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_invoice_line"("id", "createdAt", "updatedAt", "version", "invoiceId", "position", "description", "quantityThousandths", "unitPriceCents", "amountCents", "currency") SELECT "id", "createdAt", "updatedAt", "version", "invoiceId", "position", "description", "quantityThousandths", "unitPriceCents", "amountCents", "currency" FROM "invoice_line"`,
    );
    await queryRunner.query(`DROP TABLE "invoice_line"`);
    await queryRunner.query(`ALTER TABLE "temporary_invoice_line" RENAME TO "invoice_line"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_17727b7f3905e97d63a4515918" ON "invoice_line" ("invoiceId", "position") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_8f1659dcfb3a72225e35bee6dc"`);
    await queryRunner.query(`DROP INDEX "IDX_7053fd28a78c7aaa48f79daf16"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_invoice_payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "invoiceId" integer NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "paidAt" datetime(3) NOT NULL, "reference" varchar(200) NOT NULL, "recordedById" integer NOT NULL, CONSTRAINT "FK_29141a2a8c2192636ca4826fa4d" FOREIGN KEY ("invoiceId") REFERENCES "invoice" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_8f1659dcfb3a72225e35bee6dc3" FOREIGN KEY ("recordedById") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_invoice_payment"("id", "createdAt", "updatedAt", "version", "invoiceId", "amountCents", "currency", "paidAt", "reference", "recordedById") SELECT "id", "createdAt", "updatedAt", "version", "invoiceId", "amountCents", "currency", "paidAt", "reference", "recordedById" FROM "invoice_payment"`,
    );
    await queryRunner.query(`DROP TABLE "invoice_payment"`);
    await queryRunner.query(`ALTER TABLE "temporary_invoice_payment" RENAME TO "invoice_payment"`);
    await queryRunner.query(`CREATE INDEX "IDX_8f1659dcfb3a72225e35bee6dc" ON "invoice_payment" ("recordedById") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_7053fd28a78c7aaa48f79daf16" ON "invoice_payment" ("invoiceId", "paidAt", "id") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_7053fd28a78c7aaa48f79daf16"`);
    await queryRunner.query(`DROP INDEX "IDX_8f1659dcfb3a72225e35bee6dc"`);
    await queryRunner.query(`ALTER TABLE "invoice_payment" RENAME TO "temporary_invoice_payment"`);
    await queryRunner.query(
      `CREATE TABLE "invoice_payment" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "invoiceId" integer NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL, "paidAt" datetime(3) NOT NULL, "reference" varchar(200) NOT NULL, "recordedById" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "invoice_payment"("id", "createdAt", "updatedAt", "version", "invoiceId", "amountCents", "currency", "paidAt", "reference", "recordedById") SELECT "id", "createdAt", "updatedAt", "version", "invoiceId", "amountCents", "currency", "paidAt", "reference", "recordedById" FROM "temporary_invoice_payment"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_invoice_payment"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_7053fd28a78c7aaa48f79daf16" ON "invoice_payment" ("invoiceId", "paidAt", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8f1659dcfb3a72225e35bee6dc" ON "invoice_payment" ("recordedById") `);
    await queryRunner.query(`DROP INDEX "IDX_17727b7f3905e97d63a4515918"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" RENAME TO "temporary_invoice_line"`);
    await queryRunner.query(
      `CREATE TABLE "invoice_line" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "invoiceId" integer NOT NULL, "position" integer NOT NULL, "description" varchar(500) NOT NULL, "quantityThousandths" bigint NOT NULL, "unitPriceCents" bigint NOT NULL, "amountCents" bigint NOT NULL, "currency" varchar(3) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "invoice_line"("id", "createdAt", "updatedAt", "version", "invoiceId", "position", "description", "quantityThousandths", "unitPriceCents", "amountCents", "currency") SELECT "id", "createdAt", "updatedAt", "version", "invoiceId", "position", "description", "quantityThousandths", "unitPriceCents", "amountCents", "currency" FROM "temporary_invoice_line"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_invoice_line"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_17727b7f3905e97d63a4515918" ON "invoice_line" ("invoiceId", "position") `,
    );
    await queryRunner.query(`DROP INDEX "IDX_7472c5c6e5967c407c3d3dc836"`);
    await queryRunner.query(`DROP INDEX "IDX_b478842d4e8b44b9f799f12e8d"`);
    await queryRunner.query(`DROP INDEX "IDX_ff36f861b0382abe427e4677db"`);
    await queryRunner.query(`DROP INDEX "IDX_c370278dd1150dc19ada0f6f3c"`);
    await queryRunner.query(`DROP INDEX "IDX_919c46bc5bd30d12f0a0e53891"`);
    await queryRunner.query(`DROP INDEX "IDX_44391ac595ec2cd3d461d58138"`);
    await queryRunner.query(`DROP INDEX "IDX_60284980bc8b9c624459948f4a"`);
    await queryRunner.query(`ALTER TABLE "invoice" RENAME TO "temporary_invoice"`);
    await queryRunner.query(
      `CREATE TABLE "invoice" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "accountId" integer NOT NULL, "contractId" integer NOT NULL, "number" varchar(30) NOT NULL, "status" varchar CHECK( "status" IN ('DRAFT','PENDING_APPROVAL','APPROVED','SENT','PARTIALLY_PAID','PAID','VOID') ) NOT NULL, "issueDate" date NOT NULL, "dueDate" date NOT NULL, "currency" varchar(3) NOT NULL, "totalCents" bigint NOT NULL, "paidCents" bigint NOT NULL DEFAULT (0), "createdById" integer NOT NULL, "submittedById" integer, "approvedById" integer, "approvedAt" datetime(3), "sentAt" datetime(3), "voidedAt" datetime(3), "voidReason" varchar(2000))`,
    );
    await queryRunner.query(
      `INSERT INTO "invoice"("id", "createdAt", "updatedAt", "version", "accountId", "contractId", "number", "status", "issueDate", "dueDate", "currency", "totalCents", "paidCents", "createdById", "submittedById", "approvedById", "approvedAt", "sentAt", "voidedAt", "voidReason") SELECT "id", "createdAt", "updatedAt", "version", "accountId", "contractId", "number", "status", "issueDate", "dueDate", "currency", "totalCents", "paidCents", "createdById", "submittedById", "approvedById", "approvedAt", "sentAt", "voidedAt", "voidReason" FROM "temporary_invoice"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_invoice"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_7472c5c6e5967c407c3d3dc836" ON "invoice" ("accountId", "issueDate", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b478842d4e8b44b9f799f12e8d" ON "invoice" ("contractId", "issueDate", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ff36f861b0382abe427e4677db" ON "invoice" ("status", "dueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_c370278dd1150dc19ada0f6f3c" ON "invoice" ("issueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_919c46bc5bd30d12f0a0e53891" ON "invoice" ("dueDate", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_44391ac595ec2cd3d461d58138" ON "invoice" ("approvedById") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_60284980bc8b9c624459948f4a" ON "invoice" ("number") `);
    await queryRunner.query(`DROP INDEX "IDX_7053fd28a78c7aaa48f79daf16"`);
    await queryRunner.query(`DROP INDEX "IDX_8f1659dcfb3a72225e35bee6dc"`);
    await queryRunner.query(`DROP TABLE "invoice_payment"`);
    await queryRunner.query(`DROP INDEX "IDX_17727b7f3905e97d63a4515918"`);
    await queryRunner.query(`DROP TABLE "invoice_line"`);
    await queryRunner.query(`DROP INDEX "IDX_7472c5c6e5967c407c3d3dc836"`);
    await queryRunner.query(`DROP INDEX "IDX_b478842d4e8b44b9f799f12e8d"`);
    await queryRunner.query(`DROP INDEX "IDX_ff36f861b0382abe427e4677db"`);
    await queryRunner.query(`DROP INDEX "IDX_c370278dd1150dc19ada0f6f3c"`);
    await queryRunner.query(`DROP INDEX "IDX_919c46bc5bd30d12f0a0e53891"`);
    await queryRunner.query(`DROP INDEX "IDX_44391ac595ec2cd3d461d58138"`);
    await queryRunner.query(`DROP INDEX "IDX_60284980bc8b9c624459948f4a"`);
    await queryRunner.query(`DROP TABLE "invoice"`);
  }
}
