import type { UnitOfWork } from "../../core/context";
import { InputError } from "../../core/errors";
import { NAME_PROPERTY } from "../../core/i18n";
import type { Lang } from "../../core/i18n";
import { fromGlobalId, toGlobalId } from "../../core/node";
import { bumpVersion, updateVersioned } from "../access";
import type { Written } from "../access";
import { Country } from "../country";
import { Government } from "../government";
import { AlternativeName } from "./alternative-name.entity";
import type { NamedType } from "./alternative-name.entity";
import { SetNamesSuccess } from "./names.inputs";
import type { SetNamesInput } from "./names.inputs";

const MAX_NAME_LENGTH = 200;

function checkInput(input: SetNamesInput): { type: NamedType; key: string } {
  const target = fromGlobalId(input.id);
  if (!target || (target.typename !== "Government" && target.typename !== "Country")) {
    throw new InputError("input.id must be the ID of a Government or a Country", "input.id");
  }
  if (input.names.length === 0) throw new InputError("input.names is empty: give at least one name", "input.names");
  if (input.source.trim() === "") throw new InputError("input.source must say where the names are used", "input.source");
  const primaries = new Set<Lang>();
  input.names.forEach((entry, index) => {
    const length = entry.name.trim().length;
    if (length === 0 || length > MAX_NAME_LENGTH) {
      throw new InputError(`input.names[${index}].name must hold 1 to ${MAX_NAME_LENGTH} characters`, `input.names[${index}].name`);
    }
    if (entry.primary && primaries.has(entry.lang)) {
      throw new InputError(`input.names[${index}]: a second primary name in ${entry.lang}`, `input.names[${index}].primary`);
    }
    if (entry.primary) primaries.add(entry.lang);
  });
  return { type: target.typename, key: target.key };
}

/**
 * Sets primary names and adds alternative spellings. A primary name it replaces is
 * kept as an alternative with the source it had, so no spelling a source used is lost.
 */
export async function setNames(uow: UnitOfWork, input: SetNamesInput): Promise<Written<SetNamesSuccess>> {
  const { type, key } = checkInput(input);
  const { em } = uow;
  const source = input.source.trim();
  const changes: Partial<Record<(typeof NAME_PROPERTY)[Lang], string>> = {};
  for (const entry of input.names.filter((n) => n.primary)) changes[NAME_PROPERTY[entry.lang]] = entry.name.trim();

  const {
    before,
    after: updated,
    unchanged,
  } = type === "Government"
    ? await updateVersioned(em, Government, "government", { id: Number(key) }, input.version, changes)
    : await updateVersioned(em, Country, "country", { code: key }, input.version, changes);
  const rowKey = type === "Government" ? String((before as Government).id) : (before as Country).code;
  const formerSource = (type === "Government" ? (before as Government).namesSource : (before as Country).source) ?? "an earlier record";

  const alternatives = new Map<string, AlternativeName>();
  const keep = (lang: Lang, name: string, from: string) => {
    alternatives.set(
      `${lang}\u0000${name}`,
      em.getRepository(AlternativeName).create({ targetType: type, targetKey: rowKey, lang, name, source: from }),
    );
  };
  for (const entry of input.names) {
    const former = before[NAME_PROPERTY[entry.lang]];
    const name = entry.name.trim();
    if (entry.primary && former && former !== name) keep(entry.lang, former, formerSource);
    if (!entry.primary) keep(entry.lang, name, source);
  }
  // A spelling already kept stays as it was: only new ones are added.
  const added =
    alternatives.size === 0
      ? 0
      : (
          (
            await em
              .getRepository(AlternativeName)
              .createQueryBuilder()
              .insert()
              .values([...alternatives.values()])
              .orIgnore()
              .returning("id")
              .execute()
          ).raw as unknown[]
        ).length;

  // A spelling added is a change of the row's names: its version moves as a primary name's change moves it.
  let after = updated;
  if (unchanged && added > 0) {
    if (type === "Government") {
      await bumpVersion(em, Government, "government", { id: Number(key) }, input.version);
      after = await em.getRepository(Government).findOneByOrFail({ id: Number(key) });
    } else {
      await bumpVersion(em, Country, "country", { code: key }, input.version);
      after = await em.getRepository(Country).findOneByOrFail({ code: key });
    }
  }
  const result = Object.assign(new SetNamesSuccess(), {
    government: type === "Government" ? (after as Government) : null,
    country: type === "Country" ? (after as Country) : null,
  });
  return {
    result,
    targets: [toGlobalId(type, rowKey)],
    before,
    after: { ...after, alternativesAdded: [...alternatives.values()] },
    unchanged: unchanged && added === 0,
  };
}
