// Run the site's search worker (Material's worker wrapped by search-zh.js) in Node, without a
// browser: feed it the built site's index, ask queries, print what it answers, as JSON lines.
//   node tests/js/search_harness.js SITE_DIR "query one" "query two" …
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = path.resolve(process.argv[2]);
const queries = process.argv.slice(3);
const workers = path.join(site, "assets/javascripts/workers");
const engine = fs.readdirSync(workers).find(name => /^search\.[0-9a-f]+\.min\.js$/.test(name));
const listeners = [];
const answers = [];
const context = {
  URL, console, Promise, setTimeout, clearTimeout,
  location: { href: `http://site/assets/javascripts/workers/search-zh.js?engine=${encodeURIComponent("http://site/assets/javascripts/workers/" + engine)}` },
  addEventListener: (type, listener) => { if (type === "message") listeners.push(listener); },
  postMessage: message => { if (process.env.SEARCH_DEBUG) console.error("posted", message.type); answers.push(message); },
  importScripts: (...urls) => urls.forEach(url => {
    const file = new URL(url, "http://site/assets/javascripts/workers/search-zh.js").pathname;
    vm.runInContext(fs.readFileSync(path.join(site, file), "utf8"), context);
  }),
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(workers, "search-zh.js"), "utf8"), context);

const send = data => listeners.slice().forEach(listener => listener({ data }));
const answer = type => new Promise(done => {
  const poll = () => {
    const found = answers.find(message => message.type === type);
    if (found) done(found); else setTimeout(poll, 1);
  };
  poll();
});
(async () => {
  await new Promise(done => setTimeout(done, 0)); // a worker's messages arrive after its script has run
  const index = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8"));
  send({ type: 0, data: { ...index, options: { suggest: true } } });
  await answer(1); // READY
  for (const query of queries) {
    answers.length = 0;
    send({ type: 2, data: query });
    const result = await answer(3);
    const pages = [];
    for (const item of (result && result.data.items) || []) {
      const page = item[0].location.split("#")[0];
      if (!pages.includes(page)) pages.push(page);
    }
    const read = process.env.SEARCH_DEBUG
      ? { ...context.searchZhPrepare(query), top: ((result && result.data.items) || []).slice(0, 4).map(item => [item[0].location, item[0].score]) }
      : undefined;
    console.log(JSON.stringify({ query, partial: Boolean(result && result.partial), pages, read }));
  }
})();
