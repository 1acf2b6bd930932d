//! HTML pages: the article's main text and the page's metadata.
//!
//! Navigation, headers, footers, share bars, related-link blocks, figures and their captions,
//! forms and comment sections are dropped before the readability pass picks the article.

use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};
use serde_json::Value;
use sitrep_model::{DateOrigin, SourceFormat};

use crate::{Batch, Draft, Problem, ProblemKind, dates};

/// Elements that never hold article text.
const DROP_ELEMENTS: &str = "script, style, noscript, template, iframe, nav, header, footer, aside, form, \
    button, figure, figcaption, svg, select, dialog";

/// Class or id fragments of boilerplate containers.
const BOILERPLATE_MARKS: &[&str] = &[
    "share",
    "social",
    "related",
    "comment",
    "newsletter",
    "breadcrumb",
    "advert",
    "promo",
    "sidebar",
    "cookie",
    "subscribe",
    "caption",
    "byline-share",
    "most-read",
    "trending",
    "recommend",
    "taboola",
    "outbrain",
];

/// Meta tags that carry a publication date, most specific first.
const DATE_META: &[&str] = &[
    "meta[property='article:published_time']",
    "meta[name='article:published_time']",
    "meta[itemprop='datePublished']",
    "meta[name='pubdate']",
    "meta[name='publishdate']",
    "meta[name='publish-date']",
    "meta[name='date']",
    "meta[name='dc.date.issued']",
    "meta[name='DC.date.issued']",
    "meta[property='og:published_time']",
];

pub(crate) fn read(name: &str, id: &str, content: &str, batch: &mut Batch) {
    let dom = Dom::from(content);
    let meta = PageMeta::from_dom(&dom);
    strip_boilerplate(&dom);
    let text = match main_text(dom) {
        Ok(text) => text,
        Err((reason, text)) => {
            batch
                .problems
                .push(Problem::warning(name, None, ProblemKind::NoArticle(reason)));
            text
        }
    };
    if text.trim().is_empty() {
        batch.problems.push(Problem::error(
            name,
            None,
            ProblemKind::NoTextIn("the page".into()),
        ));
        return;
    }
    let draft = Draft {
        id: id.to_string(),
        url: meta.url,
        source: meta.site_name,
        title: meta.title,
        published: meta.published,
        published_from: if meta.published.is_some() {
            DateOrigin::Meta
        } else {
            DateOrigin::None
        },
        text,
        line: None,
    };
    batch.documents.push(draft.finish(name, SourceFormat::Html));
}

/// What the page's head says about it.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    url: Option<String>,
    site_name: Option<String>,
    published: Option<chrono::NaiveDate>,
}

impl PageMeta {
    fn from_dom(dom: &Dom) -> Self {
        let attr = |sel: &str, name: &str| -> Option<String> {
            dom.select(sel)
                .iter()
                .find_map(|n| n.attr(name).map(|v| v.trim().to_string()))
                .filter(|v| !v.is_empty())
        };
        let json_ld = json_ld(dom);
        let published = DATE_META
            .iter()
            .filter_map(|sel| attr(sel, "content"))
            .find_map(|v| dates::parse_date(&v))
            .or_else(|| {
                json_ld
                    .iter()
                    .find_map(|v| find_key(v, "datePublished"))
                    .and_then(|v| dates::parse_date(&v))
            })
            .or_else(|| attr("time[datetime]", "datetime").and_then(|v| dates::parse_date(&v)));
        let title = attr("meta[property='og:title']", "content")
            .or_else(|| json_ld.iter().find_map(|v| find_key(v, "headline")))
            .or_else(|| {
                Some(dom.select("title").text().trim().to_string()).filter(|t| !t.is_empty())
            })
            .or_else(|| {
                Some(dom.select("h1").first().text().trim().to_string()).filter(|t| !t.is_empty())
            });
        let url = attr("link[rel='canonical']", "href")
            .or_else(|| attr("meta[property='og:url']", "content"));
        let site_name = attr("meta[property='og:site_name']", "content");
        PageMeta {
            title,
            url,
            site_name,
            published,
        }
    }
}

/// Parsed JSON-LD blocks (unparseable ones are ignored: the page is still read).
fn json_ld(dom: &Dom) -> Vec<Value> {
    dom.select("script[type='application/ld+json']")
        .iter()
        .filter_map(|n| serde_json::from_str(&n.text()).ok())
        .collect()
}

/// The first string value under `key`, searching objects, arrays and `@graph`.
fn find_key(v: &Value, key: &str) -> Option<String> {
    match v {
        Value::Object(map) => map
            .get(key)
            .and_then(|x| x.as_str().map(str::to_string))
            .or_else(|| map.values().find_map(|x| find_key(x, key))),
        Value::Array(items) => items.iter().find_map(|x| find_key(x, key)),
        _ => None,
    }
}

fn strip_boilerplate(dom: &Dom) {
    dom.select(DROP_ELEMENTS).remove();
    for node in dom.select("[class], [id]").nodes() {
        let Some(tag) = node.node_name() else {
            continue;
        };
        if matches!(&*tag, "html" | "body" | "article" | "main") {
            continue;
        }
        let marks = format!(
            "{} {}",
            node.attr("class").unwrap_or_default().to_ascii_lowercase(),
            node.attr("id").unwrap_or_default().to_ascii_lowercase()
        );
        if BOILERPLATE_MARKS.iter().any(|m| marks.contains(m)) {
            node.remove_from_parent();
        }
    }
}

/// The article's text, or (why not, the whole page's text).
fn main_text(dom: Dom) -> Result<String, (String, String)> {
    let fallback = |dom: &Dom| {
        for sel in ["article", "main", "body"] {
            let s = dom.select(sel);
            if s.exists() {
                return tidy(&s.first().nodes()[0].formatted_text());
            }
        }
        tidy(&dom.root().formatted_text())
    };
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: 200_000,
        ..Default::default()
    };
    let backup = dom.clone();
    match Readability::with_document(dom, None, Some(cfg)).and_then(|mut r| r.parse()) {
        Ok(article) if !article.text_content.trim().is_empty() => Ok(tidy(&article.text_content)),
        Ok(_) => Err(("readability found no text".into(), fallback(&backup))),
        Err(e) => Err((e.to_string(), fallback(&backup))),
    }
}

/// Text of an HTML fragment (feed item content), paragraphs on their own lines.
pub(crate) fn fragment_text(html: &str) -> String {
    let dom = Dom::fragment(html);
    strip_boilerplate(&dom);
    tidy(&dom.root().formatted_text())
}

/// Trims lines, folds runs of blank lines into one, trims the whole.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Blast in Bannu | Frontier Times</title>
<meta property="og:site_name" content="Frontier Times">
<meta property="article:published_time" content="2026-03-04T08:00:00+05:00">
<link rel="canonical" href="https://frontier.example/news/blast-bannu">
</head><body>
<nav><a href="/">Home</a> <a href="/pakistan">Pakistan</a></nav>
<div class="share-bar">icon-facebook icon-twitter</div>
<article><h1>Blast in Bannu</h1>
<p>BANNU: A bomb hidden in a motorcycle exploded near the vegetable market on Tuesday morning, killing at least four people and wounding eleven others, police said.</p>
<figure><img src="x.jpg"><figcaption>Rescue workers at the site. Photo: File</figcaption></figure>
<p>The district police officer said the device was detonated by remote control and that the area had been cordoned off while the bomb disposal squad collected evidence.</p>
<p>No group immediately claimed responsibility for the attack, which came two days after a checkpost was attacked in the same district.</p>
</article>
<div class="related-stories"><a href="/a">Floods in Swat</a></div>
<section id="comments"><p>Great article, thanks for sharing this news with us all.</p></section>
<footer>Copyright</footer></body></html>"#;

    #[test]
    fn page_text_and_meta() {
        let mut batch = Batch::default();
        read("p.html", "p", PAGE, &mut batch);
        let doc = &batch.documents[0];
        assert_eq!(doc.published.unwrap().to_string(), "2026-03-04");
        assert_eq!(doc.source.as_deref(), Some("Frontier Times"));
        assert_eq!(
            doc.url.as_deref(),
            Some("https://frontier.example/news/blast-bannu")
        );
        assert!(doc.text.contains("BANNU: A bomb hidden"), "{}", doc.text);
        assert!(doc.text.contains("No group immediately claimed"));
        for gone in [
            "Home",
            "icon-facebook",
            "Rescue workers",
            "Floods in Swat",
            "Great article",
            "Copyright",
        ] {
            assert!(!doc.text.contains(gone), "{gone} kept in {:?}", doc.text);
        }
        assert!(!doc.text.contains("2026.At"));
    }

    #[test]
    fn json_ld_date() {
        let page = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Polio team freed","datePublished":"2026-03-12T10:00:00+05:00"}]}</script></head>
<body><article><p>KHAR: A polio vaccination team abducted last week in Bajaur was released unharmed on Wednesday, officials said, after talks with tribal elders.</p></article></body></html>"#;
        let mut batch = Batch::default();
        read("q.html", "q", page, &mut batch);
        let doc = &batch.documents[0];
        assert_eq!(doc.published.unwrap().to_string(), "2026-03-12");
        assert_eq!(doc.title.as_deref(), Some("Polio team freed"));
    }

    #[test]
    fn broken_html_is_best_effort() {
        let mut batch = Batch::default();
        read(
            "b.html",
            "b",
            "<html><body><p>Unclosed <b>bold <div>text about Quetta",
            &mut batch,
        );
        assert_eq!(batch.documents.len(), 1);
        assert!(batch.documents[0].text.contains("Quetta"));
    }

    #[test]
    fn fragments_keep_paragraphs_apart() {
        let t = fragment_text("<p>First paragraph ends 2025.</p><p>At least two died.</p>");
        assert!(t.contains("2025.\n"), "{t:?}");
    }
}
