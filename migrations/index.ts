import type { MixedList } from "typeorm";
import { Initial1795612051140 } from "./1795612051140-Initial";
import { Writes1795841103328 } from "./1795841103328-Writes";
import { RuntimeRole1795841200000 } from "./1795841200000-RuntimeRole";
import { StatedFigures1795842873500 } from "./1795842873500-StatedFigures";
import { Reporting1795843000000 } from "./1795843000000-Reporting";
import { EventFigures1795843580045 } from "./1795843580045-EventFigures";
import { OrderIndexes1795844000000 } from "./1795844000000-OrderIndexes";
import { ListOrderIndexes1795845000000 } from "./1795845000000-ListOrderIndexes";
import { History1795846000000 } from "./1795846000000-History";
import { Decisions1795847000000 } from "./1795847000000-Decisions";
import { DuesLedger1795848000000 } from "./1795848000000-DuesLedger";
import { Certainty1795849000000 } from "./1795849000000-Certainty";
import { PartnerWebsites1795850000000 } from "./1795850000000-PartnerWebsites";
import { ReportingAmbassadorsFigures1795851000000 } from "./1795851000000-ReportingAmbassadorsFigures";
import { NameOrderInLanguages1795852000000 } from "./1795852000000-NameOrderInLanguages";
import { ReportingAnyDay1795853000000 } from "./1795853000000-ReportingAnyDay";
import { LiveOutbox1795854000000 } from "./1795854000000-LiveOutbox";
import { WebhookDeliveryCancelled1795855000000 } from "./1795855000000-WebhookDeliveryCancelled";
import { OutboxRetention1795856000000 } from "./1795856000000-OutboxRetention";

/** Every migration, oldest first. TypeORM runs the pending ones in this order. */
export const MIGRATIONS: MixedList<Function> = [
  Initial1795612051140,
  Writes1795841103328,
  RuntimeRole1795841200000,
  StatedFigures1795842873500,
  Reporting1795843000000,
  EventFigures1795843580045,
  OrderIndexes1795844000000,
  ListOrderIndexes1795845000000,
  History1795846000000,
  Decisions1795847000000,
  DuesLedger1795848000000,
  Certainty1795849000000,
  PartnerWebsites1795850000000,
  ReportingAmbassadorsFigures1795851000000,
  NameOrderInLanguages1795852000000,
  ReportingAnyDay1795853000000,
  LiveOutbox1795854000000,
  WebhookDeliveryCancelled1795855000000,
  OutboxRetention1795856000000,
];
