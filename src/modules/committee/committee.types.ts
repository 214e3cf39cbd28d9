import { connectionType } from "../../core/pagination";
import { Committee } from "./committee.entity";

export const CommitteeConnection = connectionType(Committee, "Committee");
