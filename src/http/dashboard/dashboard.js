/* The dashboard: one GraphQL request per date, drawn with Apache ECharts (bundled, no CDN). */
(function () {
  "use strict";
  /* global echarts */
  var QUERY = [
    "query Dashboard($asOf: Date!, $lang: LanguageTag) {",
    "  stats(asOf: $asOf) {",
    "    governments(groupBy: [COUNTRY, KIND]) { countryCode kind governments unknown founding country { name(lang: $lang) { text } } }",
    "    membershipTimeline { admissionsWithUnknownDate admissionsTotal years { year admissions departures kindChanges membersAtEnd membersUnknownAtEnd } }",
    "    populationByCountry { countryCode population areaKm2 censusYears { year governments } populationCountedElsewhere }",
    "    committees { specialisedActive specialisedAbolished coordinatorsByCountry { countryCode count } meetingsByYear { year count } }",
    "    staffing(groupBy: DEPARTMENT) { key current former people }",
    "    dues { fiscalYear onLedger membersAssessed assessedUsdCents paidUsdCents collectionRate membersRestricted }",
    "    events(groupBy: [YEAR]) { year count }",
    "    ambassadors { people appointments governments countries }",
    "  }",
    "  association { statedFigures { key label value unit source computed { value how } difference } }",
    "  departments { slug name(lang: $lang) { text } }",
    "}",
  ].join("\n");

  /* Every word of the page in each of the six languages (names come from the graph, in the language asked for). */
  var LABELS = {
    en: {
      members: "Members",
      observers: "Observers",
      associates: "Associates",
      countries: "Countries",
      ambassadors: "Ambassadors",
      population: "Population (members)",
      title: "NEAR in figures",
      asOf: "As of",
      language: "Language",
      membersChart: "Members by country and kind",
      timelineChart: "Membership over time",
      populationChart: "Population by country",
      coordinatorsChart: "Committees: coordinators by country",
      staffingChart: "Secretariat staffing by department",
      duesChart: "Dues collection",
      eventsChart: "Events per year",
      statedTable: "The report's figures beside the hub's",
      thFigure: "Figure",
      thStated: "Stated",
      thComputed: "Computed",
      thDifference: "Difference",
      thSource: "Source",
      membersAtEnd: "members at year end",
      unknownAtEnd: "membership unknown at year end",
      admissions: "admissions",
      departures: "departures",
      populationSeries: "population",
      current: "current",
      former: "former",
      assessed: "members assessed",
      restricted: "members restricted",
      events: "events and meetings",
      noDepartment: "no department",
      unknown: "{0} unknown",
      timelineNote:
        "{0} of {1} admissions have no known date: shown in no year, and counted as unknown (never as members) before the first source that attests them.",
      populationNote: "Census years: {0}. Counted once: {1}.",
      committeesNote: "{0} specialised committees active, {1} abolished.",
      duesNone: "No dues ledger covers {0}: nothing is known of payments for those years, and no one is restricted for them.",
      duesAll: "Every year shown is on the dues ledger.",
      loading: "Loading {0}…",
      asOfStatus: "As of {0}",
      recordsEnd: " (records end {0})",
      failed: "Could not load: {0}",
    },
    zh: {
      members: "会员",
      observers: "观察员",
      associates: "准会员",
      countries: "国家",
      ambassadors: "宣传大使",
      population: "人口（会员）",
      title: "NEAR数据一览",
      asOf: "截至",
      language: "语言",
      membersChart: "各国会员（按类别）",
      timelineChart: "会员数变化",
      populationChart: "各国人口",
      coordinatorsChart: "专门委员会：各国协调员",
      staffingChart: "秘书处各部门人员",
      duesChart: "会费缴纳",
      eventsChart: "每年活动",
      statedTable: "报告数据与数据中心数据对照",
      thFigure: "项目",
      thStated: "报告值",
      thComputed: "计算值",
      thDifference: "差额",
      thSource: "出处",
      membersAtEnd: "年末会员数",
      unknownAtEnd: "年末会员身份不明",
      admissions: "入会",
      departures: "退会",
      populationSeries: "人口",
      current: "在任",
      former: "离任",
      assessed: "应缴会费会员",
      restricted: "权利受限会员",
      events: "活动与会议",
      noDepartment: "无所属部门",
      unknown: "另{0}个不明",
      timelineNote: "{1}次入会中有{0}次日期不明：不计入任何年份；在首个记载来源之前计为不明（不计为会员）。",
      populationNote: "人口普查年份：{0}。只计一次：{1}。",
      committeesNote: "{0}个专门委员会运作中，{1}个已撤销。",
      duesNone: "{0}年没有会费台账：这些年份的缴纳情况不明，也不因此限制任何会员的权利。",
      duesAll: "所示年份均有会费台账。",
      loading: "正在加载{0}…",
      asOfStatus: "截至{0}",
      recordsEnd: "（记录截至{0}）",
      failed: "无法加载：{0}",
    },
    ko: {
      members: "회원",
      observers: "옵서버",
      associates: "준회원",
      countries: "국가",
      ambassadors: "홍보대사",
      population: "인구(회원)",
      title: "숫자로 보는 NEAR",
      asOf: "기준일",
      language: "언어",
      membersChart: "국가·유형별 회원",
      timelineChart: "회원 추이",
      populationChart: "국가별 인구",
      coordinatorsChart: "전문위원회: 국가별 코디네이터",
      staffingChart: "사무국 부서별 인력",
      duesChart: "회비 납부",
      eventsChart: "연도별 행사",
      statedTable: "보고서 수치와 허브 수치",
      thFigure: "항목",
      thStated: "보고서 값",
      thComputed: "계산 값",
      thDifference: "차이",
      thSource: "출처",
      membersAtEnd: "연말 회원 수",
      unknownAtEnd: "연말 회원 여부 불명",
      admissions: "가입",
      departures: "탈퇴",
      populationSeries: "인구",
      current: "재직",
      former: "전임",
      assessed: "회비 부과 회원",
      restricted: "권리 제한 회원",
      events: "행사 및 회의",
      noDepartment: "소속 부서 없음",
      unknown: "불명 {0}",
      timelineNote:
        "가입 {1}건 중 {0}건은 날짜를 알 수 없습니다. 어느 연도에도 표시하지 않으며, 이를 확인하는 첫 출처 이전에는 회원이 아닌 불명으로 셉니다.",
      populationNote: "인구조사 연도: {0}. 한 번만 셈: {1}.",
      committeesNote: "전문위원회 {0}개 활동 중, {1}개 폐지.",
      duesNone: "{0}년의 회비 장부가 없습니다. 그해의 납부는 알 수 없으며, 그로 인해 권리가 제한되는 회원은 없습니다.",
      duesAll: "표시된 모든 연도가 회비 장부에 있습니다.",
      loading: "{0} 불러오는 중…",
      asOfStatus: "{0} 기준",
      recordsEnd: " (기록은 {0}까지)",
      failed: "불러오지 못했습니다: {0}",
    },
    ja: {
      members: "会員",
      observers: "オブザーバー",
      associates: "準会員",
      countries: "国",
      ambassadors: "広報大使",
      population: "人口（会員）",
      title: "数字で見るNEAR",
      asOf: "基準日",
      language: "言語",
      membersChart: "国・種別ごとの会員",
      timelineChart: "会員数の推移",
      populationChart: "国別の人口",
      coordinatorsChart: "専門委員会：国別のコーディネーター",
      staffingChart: "事務局の部署別人員",
      duesChart: "会費の納付",
      eventsChart: "年別の行事",
      statedTable: "報告書の数値とハブの数値",
      thFigure: "項目",
      thStated: "記載値",
      thComputed: "算出値",
      thDifference: "差",
      thSource: "出典",
      membersAtEnd: "年末の会員数",
      unknownAtEnd: "年末の会員資格不明",
      admissions: "加盟",
      departures: "脱退",
      populationSeries: "人口",
      current: "在職",
      former: "前任",
      assessed: "会費賦課の会員",
      restricted: "権利制限の会員",
      events: "行事と会議",
      noDepartment: "部署なし",
      unknown: "不明{0}",
      timelineNote:
        "加盟{1}件のうち{0}件は日付が不明です。どの年にも表示せず、それを裏付ける最初の出典より前は会員ではなく不明として数えます。",
      populationNote: "国勢調査の年：{0}。一度だけ数える：{1}。",
      committeesNote: "専門委員会：活動中{0}、廃止{1}。",
      duesNone: "{0}年の会費台帳はありません。その年の納付は不明で、それを理由に権利を制限される会員はいません。",
      duesAll: "表示した年はすべて会費台帳にあります。",
      loading: "{0}を読み込み中…",
      asOfStatus: "{0}時点",
      recordsEnd: "（記録は{0}まで）",
      failed: "読み込めませんでした：{0}",
    },
    ru: {
      members: "Члены",
      observers: "Наблюдатели",
      associates: "Ассоц. члены",
      countries: "Страны",
      ambassadors: "Послы",
      population: "Население (члены)",
      title: "NEAR в цифрах",
      asOf: "На дату",
      language: "Язык",
      membersChart: "Члены по странам и видам",
      timelineChart: "Динамика членства",
      populationChart: "Население по странам",
      coordinatorsChart: "Комитеты: координаторы по странам",
      staffingChart: "Штат секретариата по отделам",
      duesChart: "Сбор взносов",
      eventsChart: "События по годам",
      statedTable: "Цифры отчёта рядом с цифрами хаба",
      thFigure: "Показатель",
      thStated: "В отчёте",
      thComputed: "Вычислено",
      thDifference: "Разница",
      thSource: "Источник",
      membersAtEnd: "члены на конец года",
      unknownAtEnd: "членство на конец года неизвестно",
      admissions: "вступления",
      departures: "выходы",
      populationSeries: "население",
      current: "действующие",
      former: "бывшие",
      assessed: "члены с начисленным взносом",
      restricted: "члены с ограничением прав",
      events: "события и заседания",
      noDepartment: "без отдела",
      unknown: "ещё {0} неизвестно",
      timelineNote:
        "У {0} из {1} вступлений нет известной даты: они не показаны ни в одном году и до первого подтверждающего источника считаются неизвестными (не членами).",
      populationNote: "Годы переписей: {0}. Учтены один раз: {1}.",
      committeesNote: "Специализированных комитетов действует {0}, упразднено {1}.",
      duesNone: "Книги взносов за {0} нет: о платежах за эти годы ничего не известно, и никто за них не ограничен в правах.",
      duesAll: "Все показанные годы есть в книге взносов.",
      loading: "Загрузка {0}…",
      asOfStatus: "На {0}",
      recordsEnd: " (записи до {0})",
      failed: "Не удалось загрузить: {0}",
    },
    mn: {
      members: "Гишүүд",
      observers: "Ажиглагчид",
      associates: "Хамтрагч",
      countries: "Улс",
      ambassadors: "Элчин",
      population: "Хүн ам (гишүүд)",
      title: "NEAR тоогоор",
      asOf: "Огноо",
      language: "Хэл",
      membersChart: "Улс, төрлөөр гишүүд",
      timelineChart: "Гишүүнчлэлийн өөрчлөлт",
      populationChart: "Улсаар хүн ам",
      coordinatorsChart: "Хороод: улсаар зохицуулагчид",
      staffingChart: "Нарийн бичгийн газрын хэлтсээр ажилтнууд",
      duesChart: "Гишүүнчлэлийн татвар",
      eventsChart: "Жил бүрийн арга хэмжээ",
      statedTable: "Тайлангийн болон төвийн тоо",
      thFigure: "Үзүүлэлт",
      thStated: "Тайланд",
      thComputed: "Тооцоолсон",
      thDifference: "Зөрүү",
      thSource: "Эх сурвалж",
      membersAtEnd: "жилийн эцсийн гишүүд",
      unknownAtEnd: "жилийн эцэст гишүүнчлэл тодорхойгүй",
      admissions: "элссэн",
      departures: "гарсан",
      populationSeries: "хүн ам",
      current: "одоогийн",
      former: "хуучин",
      assessed: "татвар ногдуулсан гишүүд",
      restricted: "эрх хязгаарлагдсан гишүүд",
      events: "арга хэмжээ, хурал",
      noDepartment: "хэлтэсгүй",
      unknown: "тодорхойгүй {0}",
      timelineNote:
        "{1} элсэлтийн {0} нь огноо тодорхойгүй: аль ч жилд харуулахгүй бөгөөд баталсан анхны эх сурвалжаас өмнө гишүүн биш, тодорхойгүй гэж тооцно.",
      populationNote: "Тооллогын он: {0}. Нэг удаа тоолсон: {1}.",
      committeesNote: "Мэргэшсэн хороо: {0} ажиллаж байна, {1} татан буугдсан.",
      duesNone: "{0} оны татварын бүртгэл алга: тэдгээр жилийн төлбөрийн талаар мэдээлэл байхгүй тул хэнийг ч хязгаарлахгүй.",
      duesAll: "Харуулсан бүх жил татварын бүртгэлд бий.",
      loading: "{0} ачаалж байна…",
      asOfStatus: "{0}-ны байдлаар",
      recordsEnd: " (бүртгэл {0} хүртэл)",
      failed: "Ачаалж чадсангүй: {0}",
    },
  };

  /** The word `key` in `lang` (English where missing), with {0}, {1}… filled from the rest of the arguments. */
  function say(lang, key) {
    var args = Array.prototype.slice.call(arguments, 2);
    var template = (LABELS[lang] || LABELS.en)[key] || LABELS.en[key];
    return template.replace(/\{(\d+)\}/g, function (_, index) {
      return String(args[Number(index)]);
    });
  }

  /** Translates the page's own words: every element marked data-word. */
  function translatePage(lang) {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-word]").forEach(function (element) {
      element.textContent = say(lang, element.dataset.word);
    });
  }

  var charts = {};
  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: "svg" });
    return charts[id];
  }
  function format(n) {
    return typeof n === "number" ? n.toLocaleString("en-US") : "—";
  }
  function text(id, value) {
    document.getElementById(id).textContent = value;
  }

  function draw(data, lang) {
    var s = data.stats;
    var words = LABELS[lang] || LABELS.en;
    translatePage(lang);
    var departmentName = {};
    data.departments.forEach(function (d) {
      departmentName[d.slug] = d.name.text;
    });
    var countries = Array.from(
      new Set(
        s.governments.map(function (g) {
          return g.countryCode;
        }),
      ),
    );
    var countryName = {};
    s.governments.forEach(function (g) {
      countryName[g.countryCode] = (g.country && g.country.name && g.country.name.text) || g.countryCode;
    });
    var byKind = function (kind) {
      return countries.map(function (c) {
        var found = s.governments.find(function (g) {
          return g.countryCode === c && g.kind === kind;
        });
        return found ? found.governments : 0;
      });
    };
    var total = function (kind) {
      return byKind(kind).reduce(function (a, b) {
        return a + b;
      }, 0);
    };
    /* Governments whose membership that day the sources leave unknown: never counted as members, shown apart. */
    var unknownOf = function (kind) {
      return s.governments
        .filter(function (g) {
          return g.kind === kind;
        })
        .reduce(function (sum, g) {
          return sum + g.unknown;
        }, 0);
    };
    var withUnknown = function (kind) {
      var unknown = unknownOf(kind);
      return format(total(kind)) + (unknown > 0 ? " (+" + say(lang, "unknown", format(unknown)) + ")" : "");
    };
    var population = s.populationByCountry.reduce(function (sum, g) {
      return sum + g.population;
    }, 0);
    var figures = document.getElementById("figures");
    figures.innerHTML = "";
    [
      [words.members, withUnknown("MEMBER"), "members"],
      [
        words.countries,
        countries.filter(function (c) {
          return byKind("MEMBER")[countries.indexOf(c)] > 0;
        }).length,
        "countries",
      ],
      [words.observers, withUnknown("OBSERVER"), "observers"],
      [words.associates, withUnknown("ASSOCIATE"), "associates"],
      [words.ambassadors, s.ambassadors.people, "ambassadors"],
      [words.population, population, "population"],
    ].forEach(function (f) {
      var box = document.createElement("div");
      box.className = "figure";
      box.dataset.figure = f[2];
      box.innerHTML = '<div class="value"></div><div class="label"></div>';
      box.querySelector(".value").textContent = typeof f[1] === "string" ? f[1] : format(f[1]);
      box.querySelector(".label").textContent = f[0];
      figures.appendChild(box);
    });

    var names = countries.map(function (c) {
      return countryName[c];
    });
    chart("chart-members").setOption(
      {
        tooltip: { trigger: "axis" },
        legend: {},
        grid: { bottom: 90 },
        xAxis: { type: "category", data: names, axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: "value" },
        series: [
          { name: words.members, type: "bar", stack: "k", data: byKind("MEMBER") },
          { name: words.associates, type: "bar", stack: "k", data: byKind("ASSOCIATE") },
          { name: words.observers, type: "bar", stack: "k", data: byKind("OBSERVER") },
        ],
      },
      true,
    );

    var years = s.membershipTimeline.years;
    chart("chart-timeline").setOption(
      {
        tooltip: { trigger: "axis" },
        legend: {},
        xAxis: {
          type: "category",
          data: years.map(function (y) {
            return y.year;
          }),
        },
        yAxis: [{ type: "value" }, { type: "value" }],
        series: [
          {
            name: say(lang, "membersAtEnd"),
            type: "line",
            stack: "members",
            data: years.map(function (y) {
              return y.membersAtEnd;
            }),
          },
          {
            name: say(lang, "unknownAtEnd"),
            type: "line",
            stack: "members",
            lineStyle: { type: "dashed" },
            data: years.map(function (y) {
              return y.membersUnknownAtEnd;
            }),
          },
          {
            name: say(lang, "admissions"),
            type: "bar",
            yAxisIndex: 1,
            data: years.map(function (y) {
              return y.admissions;
            }),
          },
          {
            name: say(lang, "departures"),
            type: "bar",
            yAxisIndex: 1,
            data: years.map(function (y) {
              return y.departures;
            }),
          },
        ],
      },
      true,
    );
    text("timeline-note", say(lang, "timelineNote", s.membershipTimeline.admissionsWithUnknownDate, s.membershipTimeline.admissionsTotal));

    chart("chart-population").setOption(
      {
        tooltip: {},
        xAxis: {
          type: "category",
          data: s.populationByCountry.map(function (g) {
            return countryName[g.countryCode] || g.countryCode;
          }),
          axisLabel: { interval: 0, rotate: 30 },
        },
        grid: { bottom: 90 },
        yAxis: { type: "value" },
        series: [
          {
            name: say(lang, "populationSeries"),
            type: "bar",
            data: s.populationByCountry.map(function (g) {
              return g.population;
            }),
          },
        ],
      },
      true,
    );
    text(
      "population-note",
      say(
        lang,
        "populationNote",
        s.populationByCountry
          .map(function (g) {
            return (
              (countryName[g.countryCode] || g.countryCode) +
              " " +
              g.censusYears
                .map(function (c) {
                  return c.year + "×" + c.governments;
                })
                .join(", ")
            );
          })
          .join("; "),
        s.populationByCountry
          .map(function (g) {
            return g.populationCountedElsewhere.join(" ");
          })
          .join(" ")
          .trim(),
      ),
    );

    chart("chart-coordinators").setOption(
      {
        tooltip: {},
        series: [
          {
            type: "pie",
            radius: ["35%", "70%"],
            data: s.committees.coordinatorsByCountry.map(function (c) {
              return { name: countryName[c.countryCode] || c.countryCode, value: c.count };
            }),
          },
        ],
      },
      true,
    );
    text("committees-note", say(lang, "committeesNote", s.committees.specialisedActive, s.committees.specialisedAbolished));

    chart("chart-staffing").setOption(
      {
        tooltip: { trigger: "axis" },
        legend: {},
        // Bars lie down so that every department's name, however long, has a line of its own: none hidden or overlapping.
        grid: { left: 8, right: 24, containLabel: true },
        yAxis: {
          type: "category",
          inverse: true,
          data: s.staffing.map(function (g) {
            return g.key === null ? say(lang, "noDepartment") : departmentName[g.key] || g.key;
          }),
          axisLabel: { interval: 0 },
        },
        xAxis: { type: "value", minInterval: 1 },
        series: [
          {
            name: say(lang, "current"),
            type: "bar",
            stack: "s",
            data: s.staffing.map(function (g) {
              return g.current;
            }),
          },
          {
            name: say(lang, "former"),
            type: "bar",
            stack: "s",
            data: s.staffing.map(function (g) {
              return g.former;
            }),
          },
        ],
      },
      true,
    );

    chart("chart-dues").setOption(
      {
        tooltip: { trigger: "axis" },
        legend: {},
        xAxis: {
          type: "category",
          data: s.dues.map(function (d) {
            return d.fiscalYear;
          }),
        },
        yAxis: { type: "value" },
        series: [
          {
            name: say(lang, "assessed"),
            type: "bar",
            data: s.dues.map(function (d) {
              return d.membersAssessed;
            }),
          },
          {
            name: say(lang, "restricted"),
            type: "bar",
            data: s.dues.map(function (d) {
              return d.membersRestricted;
            }),
          },
        ],
      },
      true,
    );
    var unknown = s.dues
      .filter(function (d) {
        return !d.onLedger;
      })
      .map(function (d) {
        return d.fiscalYear;
      });
    text("dues-note", unknown.length ? say(lang, "duesNone", unknown.join(", ")) : say(lang, "duesAll"));

    chart("chart-events").setOption(
      {
        tooltip: {},
        xAxis: {
          type: "category",
          data: s.events.map(function (e) {
            return e.year;
          }),
        },
        yAxis: { type: "value" },
        series: [
          {
            name: say(lang, "events"),
            type: "bar",
            data: s.events.map(function (e) {
              return e.count;
            }),
          },
        ],
      },
      true,
    );

    var rows = document.querySelector("#stated tbody");
    rows.innerHTML = "";
    data.association.statedFigures.forEach(function (f) {
      var tr = document.createElement("tr");
      tr.dataset.key = f.key;
      [
        f.label + " (" + f.unit + ")",
        format(f.value),
        f.computed ? format(f.computed.value) : "—",
        f.difference === null ? "—" : format(f.difference),
        f.source,
      ].forEach(function (cell, i) {
        var td = document.createElement("td");
        td.textContent = cell;
        if (i >= 1 && i <= 3) td.className = "number";
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
  }

  function load() {
    var asOf = document.getElementById("as-of").value;
    var lang = document.getElementById("lang").value;
    text("status", say(lang, "loading", asOf));
    document.body.dataset.loaded = "";
    fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: QUERY, variables: { asOf: asOf, lang: lang }, operationName: "Dashboard" }),
    })
      .then(function (r) {
        return r.json();
      })
      .then(function (body) {
        if (body.errors) throw new Error(body.errors[0].message);
        draw(body.data, lang);
        text(
          "status",
          say(lang, "asOfStatus", asOf) +
            (body.extensions && body.extensions.factsCompleteUntil < asOf
              ? say(lang, "recordsEnd", body.extensions.factsCompleteUntil)
              : ""),
        );
        document.body.dataset.loaded = asOf;
      })
      .catch(function (error) {
        text("status", say(lang, "failed", error.message));
      });
  }

  var params = new URLSearchParams(location.search);
  document.getElementById("as-of").value = params.get("asOf") || "2020-12-31";
  document.getElementById("lang").value = params.get("lang") || "en";
  document.getElementById("as-of").addEventListener("change", load);
  document.getElementById("lang").addEventListener("change", load);
  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (id) {
      charts[id].resize();
    });
  });
  load();

  /*
   * Live: one Server-Sent Events stream of the changes the charts draw on (graphql-sse at
   * /graphql/stream; an EventSource reconnects by itself). A change reloads the figures,
   * once for a burst of them.
   */
  var LIVE =
    "subscription DashboardChanges { changes(kinds: [MEMBERSHIP_CHANGED, DUES_STANDING_CHANGED, APPOINTMENT_CHANGED, FACTS_HORIZON_MOVED]) { eventId } }";
  if (window.EventSource) {
    var pending = null;
    var stream = new EventSource("/graphql/stream?query=" + encodeURIComponent(LIVE));
    stream.addEventListener("next", function () {
      if (pending !== null) return;
      pending = setTimeout(function () {
        pending = null;
        load();
      }, 250);
    });
    stream.addEventListener("open", function () {
      document.body.dataset.live = "open";
    });
  }
})();
