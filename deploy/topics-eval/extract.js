// Usage: node extract.js file1.html file2.html ... > out.jsonl   (build.sh runs it; see README.md)
// Extracts main article text with Mozilla Readability (jsdom, no scripts, no network).
const fs = require('fs');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const vc = new VirtualConsole(); // swallow CSS/parse errors
const BLOCK = /<\/(p|div|h[1-6]|li|blockquote|pre|tr|section|article|figure|figcaption|ul|ol|table)>|<br\s*\/?>/gi;

function metaDate(doc) {
  const sels = ['meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]',
    'meta[name="date"]', 'meta[name="DC.date.issued"]', 'meta[itemprop="datePublished"]', 'meta[name="OriginalPublicationDate"]',
    'meta[name="dcterms.created"]', 'meta[name="sailthru.date"]', 'meta[name="parsely-pub-date"]', 'meta[property="og:pubdate"]',
    'meta[name="DISPLAYDATE"]', 'meta[name="last-modified"]'];
  for (const s of sels) { const m = doc.querySelector(s); if (m && m.getAttribute('content')) return m.getAttribute('content').trim(); }
  const t = doc.querySelector('time[datetime]'); if (t) return t.getAttribute('datetime').trim();
  return null;
}
function metaSite(doc) {
  const m = doc.querySelector('meta[property="og:site_name"]'); return m ? (m.getAttribute('content') || '').trim() : null;
}
function metaUrl(doc) {
  const c = doc.querySelector('link[rel="canonical"]'); if (c && c.getAttribute('href')) return c.getAttribute('href');
  const m = doc.querySelector('meta[property="og:url"]'); return m ? m.getAttribute('content') : null;
}

for (const f of process.argv.slice(2)) {
  let rec = { file: f };
  try {
    const html = fs.readFileSync(f, 'utf8');
    const dom = new JSDOM(html, { virtualConsole: vc });
    const doc = dom.window.document;
    rec.html_title = (doc.title || '').trim();
    rec.lang = (doc.documentElement.getAttribute('lang') || '').trim();
    rec.meta_date = metaDate(doc);
    rec.site = metaSite(doc);
    rec.url = metaUrl(doc);
    const art = new Readability(doc, { charThreshold: 300 }).parse();
    if (art) {
      rec.title = art.title; rec.byline = art.byline; rec.siteName = art.siteName; rec.publishedTime = art.publishedTime;
      const frag = new JSDOM('<body>' + art.content.replace(BLOCK, m => m + '\n') + '</body>', { virtualConsole: vc });
      rec.text = frag.window.document.body.textContent;
      frag.window.close();
    }
    dom.window.close();
  } catch (e) { rec.error = String(e).slice(0, 200); }
  process.stdout.write(JSON.stringify(rec) + '\n');
}
