import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The audit log is append-only, on every database: a trigger refuses UPDATE,
 * DELETE and TRUNCATE of `audit_entry` whoever asks (a superuser included). And on
 * PostgreSQL the hub's runtime role: `near_hub` (NOLOGIN; the hub's login role is a
 * member of it, docs/deploy.md) may read and write the graph, and only read and
 * insert audit entries. Later migrations grant on their own tables; the default
 * privileges below cover tables the migration owner creates.
 */
export class RuntimeRole1795841200000 implements MigrationInterface {
  name = "RuntimeRole1795841200000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "audit_entry_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_entry_append_only" BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_entry_no_truncate" BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_append_only"()`,
    );
    // Roles belong to the whole cluster: made once, granted per database.
    await queryRunner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'near_hub') THEN CREATE ROLE near_hub NOLOGIN; END IF;
    END $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO near_hub`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO near_hub`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO near_hub`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_entry" FROM near_hub`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO near_hub`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO near_hub`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM near_hub`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM near_hub`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM near_hub`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM near_hub`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM near_hub`);
    await queryRunner.query(`DROP TRIGGER "TRG_audit_entry_no_truncate" ON "audit_entry"`);
    await queryRunner.query(`DROP TRIGGER "TRG_audit_entry_append_only" ON "audit_entry"`);
    await queryRunner.query(`DROP FUNCTION "audit_entry_append_only"()`);
  }
}
