// Pages per second of Mozilla Readability on jsdom, one thread, over the pages in a directory
// (.html or .html.gz). Prints one JSON line: {"pages":N,"seconds":S,"pagesPerSecond":P,"rounds":R}.
// Usage: node bench.js DIR [warmupRounds] [rounds]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const [dir, warmupArg, roundsArg] = process.argv.slice(2);
const warmup = Number(warmupArg ?? 1);
const rounds = Number(roundsArg ?? 3);
const pages = readdirSync(dir)
  .filter((f) => f.endsWith(".html") || f.endsWith(".html.gz"))
  .sort()
  .map((f) => {
    const bytes = readFileSync(join(dir, f));
    return (f.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8");
  });
const quiet = new VirtualConsole(); // pages' CSS and script errors are not the benchmark's business

function extractAll() {
  let chars = 0;
  for (const html of pages) {
    const dom = new JSDOM(html, { url: "https://example.org/", virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    chars += article?.textContent?.length ?? 0;
    dom.window.close();
  }
  return chars;
}

for (let i = 0; i < warmup; i++) extractAll();
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) extractAll();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ pages: pages.length * rounds, seconds, pagesPerSecond: (pages.length * rounds) / seconds, rounds }));
