import type DataLoader from "dataloader";
import { createLoader, manyByKey } from "../../core/loaders";
import type { LoaderScope } from "../../core/loaders";
import { AlternativeName } from "./alternative-name.entity";
import type { NamedType } from "./alternative-name.entity";

/** A named object's alternative spellings, keyed `Type:key`. */
export function alternativeNamesOf({ em }: LoaderScope): DataLoader<string, AlternativeName[]> {
  return createLoader(async (keys) => {
    const pairs = keys.map((key) => key.split(":") as [NamedType, string]);
    const rows = await em.getRepository(AlternativeName).find({
      where: pairs.map(([targetType, targetKey]) => ({ targetType, targetKey })),
      order: { lang: "ASC", name: "ASC" },
    });
    return manyByKey(keys, rows, (row) => `${row.targetType}:${row.targetKey}`);
  });
}
