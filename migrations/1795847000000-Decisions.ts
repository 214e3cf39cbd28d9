import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropVersions, keepVersions } from "./versioning";

/**
 * Decisions are records (docs/charter.md): an agenda item's outcome as decided when
 * its sitting was recorded, with its tally, arithmetic and reasons, and the meeting's
 * quorum as then known. Both keep their versions. Sittings recorded before this
 * migration are decided at the hub's next start (`recordMissingDecisions`), on the
 * records known then, and say so (basis DECIDED_AT_UPGRADE).
 */
export class Decisions1795847000000 implements MigrationInterface {
  name = "Decisions1795847000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "recorded_decision" ("agenda_item_id" integer NOT NULL, "outcome" text NOT NULL, "body" text NOT NULL, "year_has_general_assembly" boolean NOT NULL, "written_consultation" boolean NOT NULL, "voting_members" smallint NOT NULL, "present" smallint NOT NULL, "votes_for" smallint NOT NULL, "votes_against" smallint NOT NULL, "abstentions" smallint NOT NULL, "tally_source" text NOT NULL, "quorum_required" smallint NOT NULL, "quorum_met" boolean NOT NULL, "votes_required" smallint NOT NULL, "arithmetic" text NOT NULL, "reasons" jsonb NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT near_recorded_at(), "basis" text NOT NULL, "correction_reason" text, CONSTRAINT "CHK_recorded_decision_correction" CHECK ((basis = 'CORRECTED') = (correction_reason IS NOT NULL)), CONSTRAINT "CHK_recorded_decision_basis" CHECK (basis IN ('RECORDED', 'CORRECTED', 'DECIDED_AT_UPGRADE')), CONSTRAINT "CHK_recorded_decision_tally_source" CHECK (tally_source IN ('PER_GOVERNMENT', 'RECORDED_COUNTS')), CONSTRAINT "CHK_recorded_decision_body" CHECK (body IN ('GENERAL_ASSEMBLY', 'WORKING_COMMITTEE')), CONSTRAINT "CHK_recorded_decision_outcome" CHECK (outcome IN ('PASSED', 'FAILED_NO_QUORUM', 'FAILED_MAJORITY', 'FAILED_NOT_COMPETENT')), CONSTRAINT "PK_7c604eae1e1b075d09d6bc7c1c1" PRIMARY KEY ("agenda_item_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "recorded_quorum" ("meeting_id" integer NOT NULL, "voting_members" smallint NOT NULL, "present" smallint, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT near_recorded_at(), CONSTRAINT "CHK_recorded_quorum_counts" CHECK (voting_members >= 0 AND (present IS NULL OR present BETWEEN 0 AND voting_members)), CONSTRAINT "PK_830dfb3bcf6b998143b6906d87a" PRIMARY KEY ("meeting_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "recorded_decision" ADD CONSTRAINT "FK_recorded_decision_agenda_item" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "recorded_quorum" ADD CONSTRAINT "FK_recorded_quorum_meeting" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await keepVersions(queryRunner, "recorded_decision", "agenda_item_id");
    await keepVersions(queryRunner, "recorded_quorum", "meeting_id");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await dropVersions(queryRunner, "recorded_quorum");
    await dropVersions(queryRunner, "recorded_decision");
    await queryRunner.query(`ALTER TABLE "recorded_quorum" DROP CONSTRAINT "FK_recorded_quorum_meeting"`);
    await queryRunner.query(`ALTER TABLE "recorded_decision" DROP CONSTRAINT "FK_recorded_decision_agenda_item"`);
    await queryRunner.query(`DROP TABLE "recorded_quorum"`);
    await queryRunner.query(`DROP TABLE "recorded_decision"`);
  }
}
