/* global React, ReactDOM, GraphiQL, NEAR_EXAMPLES */
// Runs in the browser: everything it loads comes from the hub itself, nothing from a CDN.
(function () {
  "use strict";
  var endpoint = window.location.origin + "/graphql";

  // GraphiQL hands the Headers pane to the fetcher as `options.headers`: pass them on
  // (Accept-Language, and Authorization once keys exist); ours only fill in the defaults.
  function fetcher(params, options) {
    var headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
    var given = (options && options.headers) || {};
    Object.keys(given).forEach(function (name) {
      headers[name.toLowerCase()] = String(given[name]);
    });
    return fetch(endpoint, { method: "POST", headers: headers, body: JSON.stringify(params) }).then(function (response) {
      return response.json();
    });
  }

  void fetcher({ query: "{ about { factsCompleteUntil } }" })
    .then(function (result) {
      return result && result.data && result.data.about ? result.data.about.factsCompleteUntil : "unknown";
    })
    .catch(function () {
      return "unknown (the hub did not answer)";
    })
    .then(function (until) {
      document.getElementById("near-facts-until").textContent = until;
    });

  var tabs = NEAR_EXAMPLES.map(function (example) {
    return { query: example.query };
  });

  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultTabs: tabs,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
    }),
  );
})();
