// Run the site's search worker (assets/javascripts/workers/search-engine.js) in Node, without a
// browser: hand it the built site's index as Material's UI does, ask queries, print what it
// answers, as JSON lines.
//   node tests/js/search_harness.js SITE_DIR "query one" "query two" …
// SEARCH_DEBUG=1 adds how each query was read and the first results' scores.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = path.resolve(process.argv[2]);
const queries = process.argv.slice(3);
const listeners = [];
const answers = [];
const context = {
  URL, console, Map, Set,
  addEventListener: (type, listener) => { if (type === "message") listeners.push(listener); },
  postMessage: message => answers.push(message),
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(site, "assets/javascripts/workers/search-engine.js"), "utf8"), context);

const ask = data => {
  answers.length = 0;
  listeners.forEach(listener => listener({ data }));
  return answers[0];
};
const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
const ready = ask({ type: 0, data: { ...index, options: { suggest: true } } });
if (!ready || ready.type !== 1) throw new Error("the worker did not answer SETUP with READY");
for (const query of queries) {
  const result = ask({ type: 2, data: query });
  const items = (result && result.data.items) || [];
  const pages = [];
  for (const group of items) {
    const page = group[0].location.split("#")[0];
    if (!pages.includes(page)) pages.push(page);
  }
  const line = { query, partial: Boolean(result.data.partial), pages };
  if (result.data.error) line.error = result.data.error;
  if (process.env.SEARCH_DEBUG) {
    const engine = new context.searchEngine.Engine(index, {});
    line.read = engine.prepare(query);
    line.top = items.slice(0, 4).map(group => group.map(item => [item.location, +item.score.toFixed(3)]).slice(0, 2));
  }
  console.log(JSON.stringify(line));
}
