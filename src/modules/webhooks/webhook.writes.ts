import type { UnitOfWork } from "../../core/context";
import { InputError, NotFoundError } from "../../core/errors";
import { countryCodes, nonEmptyList } from "../../core/filters";
import { integerKeyOf, toGlobalId } from "../../core/node";
import { lockVersioned } from "../access";
import type { Written } from "../access";
import { committeeBySlug } from "../committee";
import { knownCountries } from "../country";
import { governmentById } from "../government";
import { Webhook } from "./webhook.entity";
import type { WebhookFilter } from "./webhook.entity";
import { newWebhookSecret } from "./webhook.signing";
import { checkWebhookUrl } from "./webhook.targets";
import { RegisterWebhookSuccess, RemoveWebhookSuccess, filterType } from "./webhook.types";
import type { RegisterWebhookInput, RemoveWebhookInput, WebhookFilterInput, WebhookType } from "./webhook.types";

/** A webhook as ADMIN reads it: never its secret. */
export function shownWebhook(row: Webhook): WebhookType {
  return {
    id: toGlobalId("Webhook", row.id),
    version: row.version,
    label: row.label,
    url: row.url,
    events: row.events,
    filter: filterType(row.filter),
    createdAt: row.createdAt,
    removedAt: row.removedAt,
  };
}

/** The filter's names as the rows' keys: an unknown country, government or committee is refused now, not matched by nothing later. */
async function filterOf(uow: UnitOfWork, input: WebhookFilterInput | null | undefined): Promise<WebhookFilter> {
  const countries = await knownCountries(uow.em, countryCodes(input?.countries, "input.filter.countries"), "input.filter.countries");
  const governmentIds =
    nonEmptyList(input?.governments, "input.filter.governments")?.map((id) => integerKeyOf(id, "Government", "input.filter.governments")) ??
    null;
  for (const [index, row] of (await uow.loaders.get(governmentById).loadMany(governmentIds ?? [])).entries()) {
    if (!row || row instanceof Error) {
      throw new NotFoundError(`input.filter.governments: no government ${input!.governments![index]}`, "input.filter.governments");
    }
  }
  const slugs = nonEmptyList(input?.committees, "input.filter.committees");
  let committeeIds: number[] | null = null;
  if (slugs) {
    const rows = await uow.loaders.get(committeeBySlug).loadMany([...slugs]);
    committeeIds = rows.map((row, index) => {
      if (!row || row instanceof Error)
        throw new NotFoundError(`input.filter.committees: no committee "${slugs[index]}"`, "input.filter.committees");
      return row.id;
    });
  }
  return { countries, governmentIds, committeeIds };
}

export async function registerWebhook(uow: UnitOfWork, input: RegisterWebhookInput): Promise<Written<RegisterWebhookSuccess>> {
  const url = checkWebhookUrl(uow.em, input.url, "input.url");
  const label = input.label.trim();
  if (label === "") throw new InputError("input.label must say whose webhook it is", "input.label");
  const events = [...new Set(nonEmptyList(input.events, "input.events"))];
  const filter = await filterOf(uow, input.filter);
  const secret = newWebhookSecret();
  const repository = uow.em.getRepository(Webhook);
  const row = await repository.save(repository.create({ url, label, events, filter, secret, removedAt: null }));
  const webhook = shownWebhook(row);
  return {
    result: Object.assign(new RegisterWebhookSuccess(), { webhook, secret }),
    targets: [webhook.id],
    before: null,
    // The audit log never holds the secret.
    after: { id: webhook.id, url, label, events, filter },
  };
}

export async function removeWebhook(uow: UnitOfWork, input: RemoveWebhookInput): Promise<Written<RemoveWebhookSuccess>> {
  const id = integerKeyOf(input.webhook, "Webhook", "input.webhook");
  const current = await lockVersioned(uow.em, Webhook, "webhook", { id }, input.version);
  if (current.removedAt !== null) throw new InputError("input.webhook: the webhook was removed already", "input.webhook");
  await uow.em.getRepository(Webhook).update(id, { removedAt: () => "now()", version: current.version + 1 });
  // Nothing more goes to a removed webhook. A worker's fan-out holds its webhooks FOR SHARE,
  // so the row lock above waited for any fan-out that read this one: its deliveries are here to cancel.
  await uow.em.query(`UPDATE webhook_delivery SET status = 'CANCELLED', leased_until = NULL WHERE webhook_id = $1 AND status = 'PENDING'`, [
    id,
  ]);
  const after = shownWebhook(await uow.em.getRepository(Webhook).findOneByOrFail({ id }));
  const { secret: _secret, ...before } = current;
  return { result: Object.assign(new RemoveWebhookSuccess(), { webhook: after }), targets: [after.id], before, after };
}
