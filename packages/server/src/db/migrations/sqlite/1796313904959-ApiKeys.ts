import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeys1796313904959 implements MigrationInterface {
  name = 'ApiKeys1796313904959';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "prefix" varchar(32) NOT NULL, "secretHash" varchar(64) NOT NULL, "serviceUserId" integer NOT NULL, "createdById" integer NOT NULL, "expiresAt" datetime(3), "lastUsedAt" datetime(3), "revokedAt" datetime(3), "revokedById" integer)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c4f6ccad30c0862eb54af9fb0a" ON "api_key" ("prefix") `);
    await queryRunner.query(`DROP INDEX "IDX_c4f6ccad30c0862eb54af9fb0a"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_api_key" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "prefix" varchar(32) NOT NULL, "secretHash" varchar(64) NOT NULL, "serviceUserId" integer NOT NULL, "createdById" integer NOT NULL, "expiresAt" datetime(3), "lastUsedAt" datetime(3), "revokedAt" datetime(3), "revokedById" integer, CONSTRAINT "FK_a8fadf97fd79fd66fd96b39bdb7" FOREIGN KEY ("serviceUserId") REFERENCES "user" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_api_key"("id", "createdAt", "updatedAt", "version", "name", "prefix", "secretHash", "serviceUserId", "createdById", "expiresAt", "lastUsedAt", "revokedAt", "revokedById") SELECT "id", "createdAt", "updatedAt", "version", "name", "prefix", "secretHash", "serviceUserId", "createdById", "expiresAt", "lastUsedAt", "revokedAt", "revokedById" FROM "api_key"`,
    );
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`ALTER TABLE "temporary_api_key" RENAME TO "api_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c4f6ccad30c0862eb54af9fb0a" ON "api_key" ("prefix") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_c4f6ccad30c0862eb54af9fb0a"`);
    await queryRunner.query(`ALTER TABLE "api_key" RENAME TO "temporary_api_key"`);
    await queryRunner.query(
      `CREATE TABLE "api_key" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL DEFAULT (1), "name" varchar(200) NOT NULL, "prefix" varchar(32) NOT NULL, "secretHash" varchar(64) NOT NULL, "serviceUserId" integer NOT NULL, "createdById" integer NOT NULL, "expiresAt" datetime(3), "lastUsedAt" datetime(3), "revokedAt" datetime(3), "revokedById" integer)`,
    );
    await queryRunner.query(
      `INSERT INTO "api_key"("id", "createdAt", "updatedAt", "version", "name", "prefix", "secretHash", "serviceUserId", "createdById", "expiresAt", "lastUsedAt", "revokedAt", "revokedById") SELECT "id", "createdAt", "updatedAt", "version", "name", "prefix", "secretHash", "serviceUserId", "createdById", "expiresAt", "lastUsedAt", "revokedAt", "revokedById" FROM "temporary_api_key"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_api_key"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c4f6ccad30c0862eb54af9fb0a" ON "api_key" ("prefix") `);
    await queryRunner.query(`DROP INDEX "IDX_c4f6ccad30c0862eb54af9fb0a"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
  }
}
