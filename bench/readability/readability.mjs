// Runs Mozilla Readability on pages already decoded to UTF-8 by the C# benchmark, so both systems read the same text.
// Input: a manifest of "id<TAB>path<TAB>url" lines. Output: JSON { pages: { id: { text, ms } }, totalMs }.
// Timing covers jsdom parsing plus Readability.parse() per page, the work a caller pays; node startup is excluded.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const [manifestPath, outPath, modulesDir] = process.argv.slice(2);
const require = createRequire(modulesDir + "/");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

const lines = readFileSync(manifestPath, "utf8").split("\n").filter((l) => l.length > 0);
const pages = {};
let totalMs = 0;
const quiet = new VirtualConsole();
for (const line of lines) {
  const [id, path, url] = line.split("\t");
  const html = readFileSync(path, "utf8");
  const start = process.hrtime.bigint();
  let text = null;
  try {
    const dom = new JSDOM(html, { url: url || "https://example.invalid/", virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    text = article ? article.textContent : null;
    dom.window.close();
  } catch {
    text = null;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  totalMs += ms;
  pages[id] = { text, ms };
}
writeFileSync(outPath, JSON.stringify({ pages, totalMs }));
