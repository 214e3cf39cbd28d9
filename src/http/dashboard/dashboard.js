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
    "}",
  ].join("\n");

  var LABELS = {
    en: {
      members: "Members",
      observers: "Observers",
      associates: "Associates",
      countries: "Countries",
      ambassadors: "Ambassadors",
      population: "Population (members)",
    },
    zh: {
      members: "会员",
      observers: "观察员",
      associates: "准会员",
      countries: "国家",
      ambassadors: "宣传大使",
      population: "人口（会员）",
    },
    ko: {
      members: "회원",
      observers: "옵서버",
      associates: "준회원",
      countries: "국가",
      ambassadors: "홍보대사",
      population: "인구(회원)",
    },
    ja: {
      members: "会員",
      observers: "オブザーバー",
      associates: "準会員",
      countries: "国",
      ambassadors: "広報大使",
      population: "人口（会員）",
    },
    ru: {
      members: "Члены",
      observers: "Наблюдатели",
      associates: "Ассоц. члены",
      countries: "Страны",
      ambassadors: "Послы",
      population: "Население (члены)",
    },
    mn: {
      members: "Гишүүд",
      observers: "Ажиглагчид",
      associates: "Хамтрагч",
      countries: "Улс",
      ambassadors: "Элчин",
      population: "Хүн ам (гишүүд)",
    },
  };

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
      return format(total(kind)) + (unknown > 0 ? " (+" + format(unknown) + " unknown)" : "");
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
            name: "members at year end",
            type: "line",
            stack: "members",
            data: years.map(function (y) {
              return y.membersAtEnd;
            }),
          },
          {
            name: "membership unknown at year end",
            type: "line",
            stack: "members",
            lineStyle: { type: "dashed" },
            data: years.map(function (y) {
              return y.membersUnknownAtEnd;
            }),
          },
          {
            name: "admissions",
            type: "bar",
            yAxisIndex: 1,
            data: years.map(function (y) {
              return y.admissions;
            }),
          },
          {
            name: "departures",
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
    text(
      "timeline-note",
      s.membershipTimeline.admissionsWithUnknownDate +
        " of " +
        s.membershipTimeline.admissionsTotal +
        " admissions have no known date: shown in no year, and counted as unknown (never as members) before the first source that attests them.",
    );

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
            name: "population",
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
      "Census years: " +
        s.populationByCountry
          .map(function (g) {
            return (
              g.countryCode +
              " " +
              g.censusYears
                .map(function (c) {
                  return c.year + "×" + c.governments;
                })
                .join(", ")
            );
          })
          .join("; ") +
        ". Counted once: " +
        s.populationByCountry
          .map(function (g) {
            return g.populationCountedElsewhere.join(" ");
          })
          .join(" ")
          .trim() +
        ".",
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
    text(
      "committees-note",
      s.committees.specialisedActive + " specialised committees active, " + s.committees.specialisedAbolished + " abolished.",
    );

    chart("chart-staffing").setOption(
      {
        tooltip: { trigger: "axis" },
        legend: {},
        xAxis: {
          type: "category",
          data: s.staffing.map(function (g) {
            return g.key || "—";
          }),
        },
        yAxis: { type: "value" },
        series: [
          {
            name: "current",
            type: "bar",
            stack: "s",
            data: s.staffing.map(function (g) {
              return g.current;
            }),
          },
          {
            name: "former",
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
            name: "members assessed",
            type: "bar",
            data: s.dues.map(function (d) {
              return d.membersAssessed;
            }),
          },
          {
            name: "members restricted",
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
    text(
      "dues-note",
      unknown.length
        ? "No dues ledger covers " +
            unknown.join(", ") +
            ": nothing is known of payments for those years, and no one is restricted for them."
        : "Every year shown is on the dues ledger.",
    );

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
            name: "events and meetings",
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
    text("status", "Loading " + asOf + "…");
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
          "As of " +
            asOf +
            (body.extensions && body.extensions.factsCompleteUntil < asOf
              ? " (records end " + body.extensions.factsCompleteUntil + ")"
              : ""),
        );
        document.body.dataset.loaded = asOf;
      })
      .catch(function (error) {
        text("status", "Could not load: " + error.message);
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
})();
