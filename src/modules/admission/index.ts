import { AdmissionMutations } from "./admission.mutations";

export const admissionResolvers = [AdmissionMutations] as const;
