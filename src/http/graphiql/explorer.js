/* global React, ReactDOM, GraphiQL, NEAR_EXAMPLES */
// Runs in the browser: everything it loads comes from the hub itself, nothing from a CDN.
(function () {
  "use strict";
  var endpoint = window.location.origin + "/graphql";

  function fetcher(params) {
    return fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify(params),
    }).then(function (response) {
      return response.json();
    });
  }

  fetcher({ query: "{ about { factsCompleteUntil } }" }).then(function (result) {
    var until = result && result.data && result.data.about ? result.data.about.factsCompleteUntil : "unknown";
    document.getElementById("near-facts-until").textContent = until;
  });

  var tabs = NEAR_EXAMPLES.map(function (example) {
    return { query: example.query, variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined };
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
