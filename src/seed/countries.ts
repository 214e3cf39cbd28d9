import { Region } from "../modules/country";

/**
 * The countries of NEAR's governments, with their standard names in the six
 * languages (the `std` source key of members.csv: the usual name in that language).
 */
export const COUNTRIES = [
  {
    code: "CN",
    region: Region.NORTH_EAST_ASIA,
    nameEn: "China",
    nameZh: "中国",
    nameKo: "중국",
    nameJa: "中国",
    nameRu: "Китай",
    nameMn: "Хятад",
  },
  {
    code: "JP",
    region: Region.NORTH_EAST_ASIA,
    nameEn: "Japan",
    nameZh: "日本",
    nameKo: "일본",
    nameJa: "日本",
    nameRu: "Япония",
    nameMn: "Япон",
  },
  {
    code: "KR",
    region: Region.NORTH_EAST_ASIA,
    nameEn: "Republic of Korea",
    nameZh: "韩国",
    nameKo: "대한민국",
    nameJa: "韓国",
    nameRu: "Республика Корея",
    nameMn: "Бүгд Найрамдах Солонгос Улс",
  },
  {
    code: "KP",
    region: Region.NORTH_EAST_ASIA,
    nameEn: "Democratic People's Republic of Korea",
    nameZh: "朝鲜",
    nameKo: "조선민주주의인민공화국",
    nameJa: "朝鮮民主主義人民共和国",
    nameRu: "Корейская Народно-Демократическая Республика",
    nameMn: "Бүгд Найрамдах Ардчилсан Солонгос Ард Улс",
  },
  {
    code: "MN",
    region: Region.NORTH_EAST_ASIA,
    nameEn: "Mongolia",
    nameZh: "蒙古国",
    nameKo: "몽골",
    nameJa: "モンゴル",
    nameRu: "Монголия",
    nameMn: "Монгол Улс",
  },
  {
    code: "RU",
    region: Region.NORTH_EAST_ASIA,
    nameEn: "Russia",
    nameZh: "俄罗斯",
    nameKo: "러시아",
    nameJa: "ロシア",
    nameRu: "Россия",
    nameMn: "Орос",
  },
  {
    code: "VN",
    region: Region.OTHER_ASIA,
    nameEn: "Viet Nam",
    nameZh: "越南",
    nameKo: "베트남",
    nameJa: "ベトナム",
    nameRu: "Вьетнам",
    nameMn: "Вьетнам",
  },
].map((country) => ({ ...country, source: "std" }));
