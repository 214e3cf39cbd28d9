/* global React, ReactDOM, GraphiQL, NEAR_EXAMPLES */
// Runs in the browser: everything it loads comes from the hub itself, nothing from a CDN.
(function () {
  "use strict";
  var endpoint = window.location.origin + "/graphql";

  // GraphiQL hands the Headers pane to the fetcher as `options.headers`: pass them on
  // (Accept-Language, and Authorization once keys exist); ours only fill in the defaults.
  function headersOf(options, accept) {
    var headers = { "content-type": "application/json", accept: accept };
    var given = (options && options.headers) || {};
    Object.keys(given).forEach(function (name) {
      headers[name.toLowerCase()] = String(given[name]);
    });
    return headers;
  }

  /** The operation `params` runs: its type, from the document (comments and strings aside). */
  function operationType(params) {
    var text = String(params.query || "")
      .replace(/"""[\s\S]*?"""/g, "")
      .replace(/"(?:[^"\\\n]|\\.)*"/g, "")
      .replace(/#[^\n]*/g, "");
    var pattern = /(^|\})\s*(query|mutation|subscription)\b\s*([_A-Za-z][_0-9A-Za-z]*)?/g;
    var found = null;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      if (!params.operationName || match[3] === params.operationName) {
        found = match[2];
        break;
      }
    }
    return found || "query";
  }

  /**
   * A subscription, over Server-Sent Events (graphql-sse's distinct connection, the
   * same path a dashboard uses): each `next` event is one result for GraphiQL to
   * show; stopping the subscription in GraphiQL ends the stream.
   */
  function subscribe(params, options) {
    var controller = new AbortController();
    var results = [];
    var waiting = null;
    var done = false;
    function settle() {
      if (waiting) {
        var resolve = waiting;
        waiting = null;
        resolve();
      }
    }
    function push(result) {
      results.push(result);
      settle();
    }
    void fetch(endpoint + "/stream", {
      method: "POST",
      headers: headersOf(options, "text/event-stream"),
      body: JSON.stringify(params),
      signal: controller.signal,
    })
      .then(function (response) {
        if (!response.ok || !response.body) {
          return response.json().then(push, function () {
            push({ errors: [{ message: "The hub refused the subscription (HTTP " + response.status + ")." }] });
          });
        }
        var reader = response.body.getReader();
        var decoder = new TextDecoder();
        var buffer = "";
        function read() {
          return reader.read().then(function (chunk) {
            if (chunk.done) return;
            buffer += decoder.decode(chunk.value, { stream: true });
            var end;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              var message = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              var event = /^event: (.*)$/m.exec(message);
              var data = /^data: (.*)$/m.exec(message);
              if (event && event[1] === "next" && data) push(JSON.parse(data[1]));
              if (event && event[1] === "complete") return;
            }
            return read();
          });
        }
        return read();
      })
      .catch(function (error) {
        if (error.name !== "AbortError") push({ errors: [{ message: "The stream ended: " + error.message }] });
      })
      .then(function () {
        done = true;
        settle();
      });
    var iterator = {
      next: function () {
        if (results.length > 0) return Promise.resolve({ value: results.shift(), done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise(function (resolve) {
          waiting = resolve;
        }).then(function () {
          return iterator.next();
        });
      },
      return: function () {
        done = true;
        controller.abort();
        settle();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
    iterator[Symbol.asyncIterator] = function () {
      return iterator;
    };
    return iterator;
  }

  function fetcher(params, options) {
    if (operationType(params) === "subscription") return subscribe(params, options);
    var headers = headersOf(options, "application/graphql-response+json, application/json");
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
