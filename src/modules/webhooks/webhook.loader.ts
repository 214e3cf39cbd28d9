import { loaderById } from "../../core/loaders";
import { Webhook } from "./webhook.entity";

export const webhookById = loaderById(Webhook);
