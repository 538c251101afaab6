//! A saved news page into a source: the source's fields from the page's metadata (JSON-LD
//! `NewsArticle` first, then Open Graph and `<meta>`), and the article's text, extracted by
//! Readability (dom_smoothie, a Rust port of Mozilla's Readability.js) and written as the
//! Markdown of an archive: headings, paragraphs, block quotes and lists, the words as
//! printed, with a first line that records where and when it was archived (which quote
//! checking skips, see `archive`).
//!
//! A page is untrusted: nothing is fetched, no script runs, every text is sanitised, and
//! both the page and the text have a size limit. No terminal here: the writer
//! (`dateline add source --from-page`) calls `page_to_source` and `archive_name`.

use crate::export::markdown::escape;
use crate::sanitize::sanitize;
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};
use dom_query::{Document, NodeRef};
use serde_json::Value;

/// The largest page read, in bytes.
pub const MAX_PAGE_BYTES: usize = 20 * 1024 * 1024;
/// The largest archive text written, in bytes: far more than any article.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// Fewer words than this is no article (a cookie wall, an index page).
const MIN_WORDS: usize = 30;

/// What starts an archive's first line: where and when the page was archived. The archive
/// reader drops that line, so that quote checking never matches it.
pub const PROVENANCE: &str = "Archived by dateline from ";

/// Where the source's outlet came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutletFrom {
    /// The page's metadata (`publisher.name`, `og:site_name`).
    Page,
    /// The caller's `--outlet`, the page giving none.
    Caller,
    /// The host of the page's URL, the page and the caller giving none.
    Host,
}

/// A source made from a saved page: its fields, the archive's text, and what the page did
/// not give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageSource {
    pub outlet: String,
    pub outlet_from: OutletFrom,
    pub title: Option<String>,
    pub byline: Vec<String>,
    /// As a log writes it, with the page's offset: `2024-05-03T14:05+03:00`, or a day.
    pub published: Option<String>,
    /// The page's canonical address (http or https only).
    pub url: Option<String>,
    /// The archive: Markdown, its first line the provenance.
    pub text: String,
    /// The fields the page does not give: `title`, `byline`, `published`, `url`, `outlet`.
    pub missing: Vec<&'static str>,
}

/// `page_to_source_at`, archived now.
pub fn page_to_source(html: &str, fallback_outlet: Option<&str>) -> Result<PageSource, String> {
    page_to_source_at(html, fallback_outlet, Utc::now())
}

/// The source and archive text of a saved page, archived at `archived`; an error says why
/// nothing can be archived (too large, no article text, no outlet to name).
pub fn page_to_source_at(
    html: &str,
    fallback_outlet: Option<&str>,
    archived: DateTime<Utc>,
) -> Result<PageSource, String> {
    if html.len() > MAX_PAGE_BYTES {
        return Err(format!(
            "the page is {} bytes, over the limit of {MAX_PAGE_BYTES} bytes (20 MB): save it as \"HTML only\"",
            html.len()
        ));
    }
    let doc = Document::from(html);
    let meta = Meta::read(&doc);
    let (body, shown_byline) = article_markdown(html)?;
    if body.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "the article's text is {} bytes, over the limit of {MAX_TEXT_BYTES} bytes: not archived",
            body.len()
        ));
    }
    let mut meta = meta;
    // No byline in the metadata: the one printed with the article, as a reader view finds it.
    if meta.byline.is_empty()
        && let Some(b) = shown_byline
    {
        meta.byline = split_names(&b);
    }
    let mut missing = Vec::new();
    let (outlet, outlet_from) = match (&meta.outlet, fallback_outlet.map(clean)) {
        (Some(o), _) => (o.clone(), OutletFrom::Page),
        (None, Some(o)) if !o.is_empty() => (o, OutletFrom::Caller),
        _ => match meta.url.as_deref().and_then(host) {
            Some(h) => (h, OutletFrom::Host),
            None => {
                return Err(
                    "the page names no outlet and gives no URL to take one from: give the outlet (--outlet)"
                        .into(),
                );
            }
        },
    };
    if outlet_from != OutletFrom::Page {
        missing.push("outlet");
    }
    if meta.title.is_none() {
        missing.push("title");
    }
    if meta.byline.is_empty() {
        missing.push("byline");
    }
    if meta.published.is_none() {
        missing.push("published");
    }
    if meta.url.is_none() {
        missing.push("url");
    }
    let from = match &meta.url {
        Some(u) => sanitize(u).into_owned(),
        None => "a saved page (no URL given)".into(),
    };
    let when = archived.to_rfc3339_opts(SecondsFormat::Secs, true);
    let text = format!("{PROVENANCE}{from} on {when}.\n\n{body}");
    Ok(PageSource {
        outlet,
        outlet_from,
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        url: meta.url,
        text,
        missing,
    })
}

/// The archive's path for source `id`, relative to the log's folder: `sources/ID.md`, or
/// `sources/ID-2.md` (then `-3`…) when `taken` says a path is in use. Never an existing file.
pub fn archive_name(id: &str, taken: impl Fn(&str) -> bool) -> String {
    let plain = format!("sources/{id}.md");
    if !taken(&plain) {
        return plain;
    }
    (2..)
        .map(|n| format!("sources/{id}-{n}.md"))
        .find(|p| !taken(p))
        .expect("some number is free")
}

/// The text without the provenance line an archive made from a page starts with.
pub(crate) fn without_provenance(text: &str) -> &str {
    match text.strip_prefix(PROVENANCE) {
        Some(rest) => rest.split_once('\n').map_or("", |(_, after)| after),
        None => text,
    }
}

/// A field's text: entities decoded, sanitised, whitespace collapsed.
fn clean(s: &str) -> String {
    let decoded = html_escape::decode_html_entities(s);
    sanitize(&decoded)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn some(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The host of an http(s) URL, without `www.`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    some(clean(host))
}

/// The page's metadata, each field from the first place that gives it.
#[derive(Default)]
struct Meta {
    outlet: Option<String>,
    title: Option<String>,
    byline: Vec<String>,
    published: Option<String>,
    url: Option<String>,
}

impl Meta {
    fn read(doc: &Document) -> Meta {
        let ld = json_ld(doc);
        let meta = |attr: &str, name: &str| -> Option<String> {
            let sel = doc.select(&format!("meta[{attr}=\"{name}\"]"));
            sel.iter()
                .filter_map(|m| m.attr("content"))
                .map(|c| clean(&c))
                .find(|c| !c.is_empty())
        };
        let og = |name: &str| meta("property", name).or_else(|| meta("name", name));
        let outlet = ld
            .as_ref()
            .and_then(publisher)
            .or_else(|| og("og:site_name"));
        let title = ld
            .as_ref()
            .and_then(|a| a.get("headline").and_then(Value::as_str).map(clean))
            .and_then(some)
            .or_else(|| og("og:title"))
            .or_else(|| og("twitter:title"))
            .or_else(|| some(clean(&doc.select("head title").text())));
        let mut byline = ld
            .as_ref()
            .map(|a| authors(a, outlet.as_deref()))
            .unwrap_or_default();
        if byline.is_empty() {
            byline = meta("name", "author")
                .or_else(|| og("article:author").filter(|a| !is_web(a)))
                .or_else(|| meta("name", "byl"))
                .map(|a| split_names(&a))
                .unwrap_or_default();
        }
        let published = ld
            .as_ref()
            .and_then(|a| a.get("datePublished").and_then(Value::as_str))
            .and_then(date)
            .or_else(|| og("article:published_time").as_deref().and_then(date));
        let canonical = doc
            .select("link[rel=\"canonical\"]")
            .iter()
            .filter_map(|l| l.attr("href"))
            .map(|h| clean(&h))
            .find(|h| is_web(h));
        let url = canonical
            .or_else(|| og("og:url").filter(|u| is_web(u)))
            .or_else(|| {
                let a = ld.as_ref()?;
                let u = a.get("url").and_then(Value::as_str).map(clean)?;
                is_web(&u).then_some(u)
            });
        Meta {
            outlet,
            title,
            byline,
            published,
            url,
        }
    }
}

/// The page's JSON-LD article: the first object (at the top, in a list or in `@graph`)
/// whose `@type` is an article (`NewsArticle`, `Article`, `ReportageNewsArticle`…).
fn json_ld(doc: &Document) -> Option<Value> {
    let is_article = |v: &Value| {
        let names: Vec<&str> = match v.get("@type") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        names
            .iter()
            .any(|t| t.ends_with("Article") || *t == "BlogPosting" || *t == "Report")
    };
    fn all(v: Value, out: &mut Vec<Value>) {
        match v {
            Value::Array(items) => items.into_iter().for_each(|i| all(i, out)),
            Value::Object(mut o) => {
                if let Some(graph) = o.remove("@graph") {
                    all(graph, out);
                }
                out.push(Value::Object(o));
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    for script in doc.select("script[type=\"application/ld+json\"]").iter() {
        if let Ok(v) = serde_json::from_str::<Value>(script.text().trim()) {
            all(v, &mut found);
        }
    }
    found.into_iter().find(is_article)
}

/// `publisher.name` (the publisher may be a list).
fn publisher(article: &Value) -> Option<String> {
    let p = article.get("publisher")?;
    let p = match p {
        Value::Array(a) => a.first()?,
        other => other,
    };
    match p {
        Value::String(s) => some(clean(s)),
        _ => p
            .get("name")
            .and_then(Value::as_str)
            .map(clean)
            .and_then(some),
    }
}

/// The article's authors: names, or objects with a name (an organisation that is the
/// outlet itself is no byline).
fn authors(article: &Value, outlet: Option<&str>) -> Vec<String> {
    let one = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => some(clean(s)),
            Value::Object(_) => {
                let name = v.get("name").and_then(Value::as_str).map(clean)?;
                let org = v.get("@type").and_then(Value::as_str) == Some("Organization");
                let the_outlet = org && Some(name.as_str()) == outlet;
                (!name.is_empty() && !the_outlet).then_some(name)
            }
            _ => None,
        }
    };
    let mut names: Vec<String> = match article.get("author") {
        Some(Value::Array(a)) => a.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => vec![],
    };
    names = names
        .into_iter()
        .filter(|n| !is_web(n))
        .flat_map(|n| split_names(&n))
        .collect();
    names.dedup();
    names
}

/// `By Anne Martin and Paul Smith` → the two names.
fn split_names(s: &str) -> Vec<String> {
    let s = s.trim();
    let s = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    s.split(", ")
        .flat_map(|p| p.split(" and "))
        .map(clean)
        .filter(|n| !n.is_empty())
        .collect()
}

/// A publication date as a log writes it: a time with its offset (`…T09:30+01:00`), or a
/// day. A time with no offset keeps its day only: which clock it is on is not known.
fn date(s: &str) -> Option<String> {
    let s = s.trim();
    let with_offset = DateTime::parse_from_rfc3339(s)
        .ok()
        .or_else(|| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%z").ok())
        .or_else(|| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z").ok())
        .or_else(|| DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%z").ok());
    if let Some(t) = with_offset {
        return Some(written(t));
    }
    let day = s.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

fn written(t: DateTime<FixedOffset>) -> String {
    use chrono::Timelike;
    let offset = if t.offset().local_minus_utc() == 0 {
        "Z".to_owned()
    } else {
        t.format("%:z").to_string()
    };
    let clock = if t.second() == 0 {
        "%Y-%m-%dT%H:%M"
    } else {
        "%Y-%m-%dT%H:%M:%S"
    };
    format!("{}{offset}", t.format(clock))
}

/// The article's text as Markdown and the byline printed with it, or why there is none.
fn article_markdown(html: &str) -> Result<(String, Option<String>), String> {
    let none =
        || "the page has no article text that a reader view finds: nothing archived".to_string();
    let mut r = dom_smoothie::Readability::new(html, None, None).map_err(|_| none())?;
    let article = r.parse().map_err(|_| none())?;
    let content = Document::from(article.content.as_ref());
    let mut out = Markdown::default();
    out.blocks_of(&content.root(), "");
    let text = out.finish();
    if text.split_whitespace().count() < MIN_WORDS {
        return Err(none());
    }
    Ok((text, article.byline))
}

/// Elements whose content no reader sees as the article's text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "img", "picture", "source", "svg", "video", "audio",
    "iframe", "object", "embed", "canvas", "button", "form", "input", "select", "textarea", "nav",
    "math", "head", "title", "meta", "link",
];

fn name(n: &NodeRef) -> String {
    n.node_name()
        .map(|s| s.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The Markdown being written: blocks, a blank line between.
#[derive(Default)]
struct Markdown {
    blocks: Vec<String>,
    /// Inline text of the current loose paragraph (text directly inside a container).
    loose: String,
}

impl Markdown {
    fn flush(&mut self, prefix: &str) {
        let text = std::mem::take(&mut self.loose);
        self.push(prefix, &text);
    }

    /// A paragraph of inline text, each line with `prefix` (`> ` in a block quote).
    fn push(&mut self, prefix: &str, inline: &str) {
        let lines: Vec<String> = inline
            .split('\n')
            .map(|l| sanitize(l).split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .map(|l| format!("{prefix}{}", escape_start(&escape(&l))))
            .collect();
        if !lines.is_empty() {
            self.blocks.push(lines.join("\n"));
        }
    }

    fn blocks_of(&mut self, node: &NodeRef, prefix: &str) {
        for child in node.children() {
            if child.is_text() {
                // In HTML a line break in the source is a space; only <br> breaks a line.
                self.loose
                    .push_str(&child.text().replace(['\n', '\r'], " "));
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let tag = name(&child);
            if SKIPPED.contains(&tag.as_str()) {
                continue;
            }
            match tag.as_str() {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                    self.flush(prefix);
                    let level = tag[1..].parse::<usize>().unwrap_or(2);
                    let text = inline(&child)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ");
                    if !text.is_empty() {
                        self.blocks.push(format!(
                            "{prefix}{} {}",
                            "#".repeat(level),
                            escape(&text)
                        ));
                    }
                }
                "p" | "figcaption" | "pre" | "address" | "dt" | "dd" | "caption" => {
                    self.flush(prefix);
                    self.push(prefix, &inline(&child));
                }
                "blockquote" => {
                    self.flush(prefix);
                    let mut inner = Markdown::default();
                    inner.blocks_of(&child, "");
                    let quoted = inner.finish();
                    if !quoted.trim().is_empty() {
                        let lines: Vec<String> = quoted
                            .trim_end()
                            .lines()
                            .map(|l| {
                                if l.is_empty() {
                                    format!("{prefix}>")
                                } else {
                                    format!("{prefix}> {l}")
                                }
                            })
                            .collect();
                        self.blocks.push(lines.join("\n"));
                    }
                }
                "ul" | "ol" => {
                    self.flush(prefix);
                    self.list(&child, tag == "ol", prefix);
                }
                "br" => self.loose.push('\n'),
                "tr" => {
                    self.flush(prefix);
                    let cells: Vec<String> = child
                        .children()
                        .iter()
                        .filter(|c| c.is_element())
                        .map(|c| inline(c).split_whitespace().collect::<Vec<_>>().join(" "))
                        .filter(|c| !c.is_empty())
                        .collect();
                    self.push(prefix, &cells.join(" "));
                }
                "hr" => self.flush(prefix),
                // Inline elements in a container join the loose paragraph.
                "a" | "span" | "em" | "i" | "strong" | "b" | "u" | "small" | "sub" | "sup"
                | "abbr" | "cite" | "q" | "time" | "mark" | "s" | "code" | "font" | "bdi"
                | "bdo" | "dfn" | "kbd" | "samp" | "var" | "del" | "ins" | "label" => {
                    self.loose.push_str(&inline(&child));
                }
                _ => {
                    self.flush(prefix);
                    self.blocks_of(&child, prefix);
                    self.flush(prefix);
                }
            }
        }
    }

    fn list(&mut self, list: &NodeRef, ordered: bool, prefix: &str) {
        let mut n = 0;
        let mut items = Vec::new();
        for li in list.children().iter().filter(|c| c.is_element()) {
            n += 1;
            let marker = if ordered {
                format!("{n}. ")
            } else {
                "- ".to_owned()
            };
            let mut inner = Markdown::default();
            inner.blocks_of(li, "");
            inner.flush("");
            let body = inner.finish();
            if body.trim().is_empty() {
                continue;
            }
            let pad = " ".repeat(marker.len());
            let lines: Vec<String> = body
                .trim_end()
                .lines()
                .filter(|l| !l.is_empty())
                .enumerate()
                .map(|(i, l)| {
                    if i == 0 {
                        format!("{prefix}{marker}{l}")
                    } else {
                        format!("{prefix}{pad}{l}")
                    }
                })
                .collect();
            items.push(lines.join("\n"));
        }
        if !items.is_empty() {
            self.blocks.push(items.join("\n"));
        }
    }

    fn finish(mut self) -> String {
        self.flush("");
        let mut out = self.blocks.join("\n\n");
        out.push('\n');
        out
    }
}

/// The text a reader sees inside an element: its text nodes, skipped elements left out, a
/// `<br>` a line break.
fn inline(node: &NodeRef) -> String {
    let mut out = String::new();
    fn walk(n: &NodeRef, out: &mut String) {
        for c in n.children() {
            if c.is_text() {
                out.push_str(&c.text().replace(['\n', '\r'], " "));
            } else if c.is_element() {
                let tag = name(&c);
                if tag == "br" {
                    out.push('\n');
                } else if !SKIPPED.contains(&tag.as_str()) {
                    walk(&c, out);
                }
            }
        }
    }
    walk(node, &mut out);
    crate::sanitize::sanitize_multiline(&out).into_owned()
}

/// What would open a list, a rule or a heading at the start of a line, escaped: the words
/// must read back as printed.
fn escape_start(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if line.starts_with(['-', '+', '=']) {
        format!("\\{line}")
    } else if digits > 0 && line[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else {
        line.to_owned()
    }
}
