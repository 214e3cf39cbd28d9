import { ApiKey, AuditEntry, LiveEventRecord } from "../modules/access";
import { Webhook, WebhookDelivery } from "../modules/webhooks";
import { Association } from "../modules/association";
import { AmbassadorAppointment } from "../modules/ambassador";
import { Committee, CommitteeParticipation, CoordinatorTerm } from "../modules/committee";
import { Country } from "../modules/country";
import { DuesLedgerEntry, DuesPayment, DuesWaiver } from "../modules/dues";
import { Event, EventFigure } from "../modules/event";
import { Government } from "../modules/government";
import {
  AgendaItem,
  ChairExtension,
  CostReduction,
  Meeting,
  MeetingAttendance,
  RecordedDecision,
  RecordedQuorum,
  Vote,
} from "../modules/meeting";
import { Membership } from "../modules/membership";
import { AlternativeName } from "../modules/names";
import { PartnerOrganisation } from "../modules/partner";
import { StatedFigure } from "../modules/stats";
import { Appointment, Department, Post, StaffMember } from "../modules/secretariat";

/** Every table the hub owns, for the data source and the schema-drift test. */
export const ENTITIES = [
  Association,
  Country,
  Government,
  Membership,
  Committee,
  CoordinatorTerm,
  CommitteeParticipation,
  Department,
  Post,
  StaffMember,
  Appointment,
  AmbassadorAppointment,
  PartnerOrganisation,
  Event,
  DuesPayment,
  DuesWaiver,
  DuesLedgerEntry,
  Meeting,
  MeetingAttendance,
  AgendaItem,
  Vote,
  ChairExtension,
  CostReduction,
  RecordedDecision,
  RecordedQuorum,
  ApiKey,
  AuditEntry,
  LiveEventRecord,
  Webhook,
  WebhookDelivery,
  AlternativeName,
  StatedFigure,
  EventFigure,
];
