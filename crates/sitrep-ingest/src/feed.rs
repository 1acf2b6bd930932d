//! RSS 2.0 and Atom feeds: one document per item.
//!
//! Feeds are parsed with feed-rs. Dates are taken as the feed writes them (feed-rs turns them
//! into UTC, which can move a Pakistani morning report to the day before), and a feed that
//! is not well-formed XML is read best-effort by a lenient scan of its items.

use feed_rs::model::Entry;
use sitrep_model::{DateOrigin, SourceFormat};

use crate::{Batch, Draft, Problem, ProblemKind, dates, domain_of, html};

pub(crate) fn read(name: &str, content: &str, batch: &mut Batch) {
    let raw = scan_items(content);
    match feed_rs::parser::parse(content.as_bytes()) {
        Ok(feed) => {
            let feed_title = feed.title.as_ref().map(|t| t.content.trim().to_string());
            let feed_domain = feed.links.first().and_then(|l| domain_of(&l.href));
            let dates_line_up = raw.len() == feed.entries.len();
            for (i, entry) in feed.entries.iter().enumerate() {
                let written = if dates_line_up {
                    raw[i].date.as_deref().and_then(dates::parse_date)
                } else {
                    None
                };
                let item = from_entry(entry, written);
                push_item(
                    name,
                    item,
                    feed_title.clone().or_else(|| feed_domain.clone()),
                    batch,
                );
            }
        }
        Err(e) if !raw.is_empty() => {
            batch.problems.push(Problem::warning(
                name,
                None,
                ProblemKind::MalformedFeed(e.to_string(), raw.len()),
            ));
            for item in raw {
                push_item(name, item, None, batch);
            }
        }
        Err(e) => batch.problems.push(Problem::error(
            name,
            None,
            ProblemKind::BadFeed(e.to_string()),
        )),
    }
}

/// One feed item, whichever way it was read.
#[derive(Debug, Default)]
struct RawItem {
    id: Option<String>,
    title: Option<String>,
    link: Option<String>,
    date: Option<String>,
    body: Option<String>,
}

fn from_entry(entry: &Entry, written_date: Option<chrono::NaiveDate>) -> RawItem {
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()));
    let published =
        written_date.or_else(|| entry.published.or(entry.updated).map(|d| d.date_naive()));
    RawItem {
        id: Some(entry.id.clone()).filter(|s| !s.is_empty()),
        title: entry.title.as_ref().map(|t| t.content.clone()),
        link: entry.links.first().map(|l| l.href.clone()),
        date: published.map(|d| d.to_string()),
        body,
    }
}

fn push_item(name: &str, item: RawItem, feed_source: Option<String>, batch: &mut Batch) {
    let text = item
        .body
        .as_deref()
        .map(html::fragment_text)
        .unwrap_or_default();
    let id = item
        .id
        .or_else(|| item.link.clone())
        .unwrap_or_else(|| format!("{name}#{}", batch.documents.len() + 1));
    if text.trim().is_empty() {
        batch.problems.push(Problem::error(
            name,
            None,
            ProblemKind::NoTextIn(format!("feed item {id}")),
        ));
        return;
    }
    let published = item.date.as_deref().and_then(dates::parse_date);
    let source = item.link.as_deref().and_then(domain_of).or(feed_source);
    let title = item.title.map(|t| html::fragment_text(&t));
    let draft = Draft {
        id,
        url: item.link,
        source,
        title,
        published,
        published_from: if published.is_some() {
            DateOrigin::Record
        } else {
            DateOrigin::None
        },
        text,
        line: None,
    };
    batch.documents.push(draft.finish(name, SourceFormat::Feed));
}

/// A lenient scan of `<item>` / `<entry>` blocks: good enough for broken feeds, and the
/// source of each item's date as written.
fn scan_items(xml: &str) -> Vec<RawItem> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some((start, tag)) = next_open(rest, &["item", "entry"]) {
        let after = &rest[start..];
        let close = format!("</{tag}>");
        let end = after
            .find(&close)
            .map(|e| e + close.len())
            .unwrap_or_else(|| {
                next_open(&after[1..], &["item", "entry"]).map_or(after.len(), |(s, _)| s + 1)
            });
        let block = &after[..end];
        out.push(RawItem {
            id: element(block, &["guid", "id"]),
            title: element(block, &["title"]),
            link: element(block, &["link"])
                .filter(|l| !l.is_empty())
                .or_else(|| href(block)),
            date: element(block, &["pubDate", "published", "updated", "dc:date"]),
            body: element(
                block,
                &["content:encoded", "content", "description", "summary"],
            ),
        });
        rest = &after[end..];
    }
    out
}

/// The next `<tag` (followed by `>`, `/` or white space) among `tags`: its offset and name.
fn next_open<'t>(s: &str, tags: &[&'t str]) -> Option<(usize, &'t str)> {
    tags.iter()
        .filter_map(|t| {
            let pat = format!("<{t}");
            let mut from = 0;
            while let Some(i) = s[from..].find(&pat) {
                let at = from + i;
                let next = s[at + pat.len()..].chars().next();
                if matches!(next, Some('>' | '/' | ' ' | '\t' | '\n' | '\r')) {
                    return Some((at, *t));
                }
                from = at + pat.len();
            }
            None
        })
        .min_by_key(|&(i, _)| i)
}

/// The text of the first of `tags` present in `block`, CDATA unwrapped and entities decoded.
fn element(block: &str, tags: &[&str]) -> Option<String> {
    tags.iter().find_map(|tag| {
        let (start, _) = next_open(block, &[tag])?;
        let open_end = block[start..].find('>')? + start + 1;
        if block[..open_end].ends_with("/>") {
            return None;
        }
        let close = format!("</{tag}>");
        let end = block[open_end..]
            .find(&close)
            .map_or(block.len(), |e| open_end + e);
        let inner = block[open_end..end].trim();
        let inner = inner
            .strip_prefix("<![CDATA[")
            .map(|s| s.strip_suffix("]]>").unwrap_or(s))
            .map(str::to_string)
            .unwrap_or_else(|| decode_entities(inner));
        Some(inner.trim().to_string())
    })
}

/// An Atom `<link href="...">`.
fn href(block: &str) -> Option<String> {
    let (start, _) = next_open(block, &["link"])?;
    let tag_end = block[start..].find('>')? + start;
    let tag = &block[start..tag_end];
    let at = tag.find("href=")? + 5;
    let quote = tag[at..].chars().next()?;
    let value = tag[at + 1..].split(quote).next()?;
    Some(decode_entities(value))
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let semi = after.find(';').filter(|&j| j <= 10);
        let decoded = semi.and_then(|j| {
            let name = &after[1..j];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Khyber Wire</title><link>https://khyberwire.example/</link><description>News</description>
<item><title>Checkpost attacked in Tank</title><link>https://khyberwire.example/n/1</link>
<guid isPermaLink="false">kw-0001</guid><pubDate>Tue, 10 Mar 2026 01:30:00 +0500</pubDate>
<description>Militants attacked a police checkpost in Tank late on Monday, police said. Two constables were injured.</description></item>
<item><title>Curfew eased</title><link>https://khyberwire.example/n/2</link><guid>kw-0002</guid>
<pubDate>Wed, 11 Mar 2026 10:00:00 +0500</pubDate>
<content:encoded><![CDATA[<p>The curfew in Parachinar was eased on Wednesday.</p><p>Shops reopened &amp; traffic resumed.</p>]]></content:encoded></item>
</channel></rss>"#;

    #[test]
    fn rss_items_keep_written_dates() {
        let mut batch = Batch::default();
        read("f.xml", RSS, &mut batch);
        assert!(batch.problems.is_empty(), "{:?}", batch.problems);
        let d = &batch.documents;
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].id, "kw-0001");
        assert_eq!(d[0].published.unwrap().to_string(), "2026-03-10");
        assert_eq!(d[0].source.as_deref(), Some("khyberwire.example"));
        assert!(d[1].text.contains("Shops reopened & traffic resumed."));
        assert!(d[1].text.contains("Wednesday.\n"));
    }

    #[test]
    fn atom_entries() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Border Desk</title><id>urn:bd</id><updated>2026-03-12T00:00:00Z</updated>
<entry><id>urn:bd:1</id><title>Strike reported in Paktika</title><link href="https://borderdesk.example/1"/>
<published>2026-03-12T06:00:00+04:30</published><updated>2026-03-12T06:00:00+04:30</updated>
<content type="html">&lt;p&gt;Residents reported an air strike in Barmal district of Paktika.&lt;/p&gt;</content></entry></feed>"#;
        let mut batch = Batch::default();
        read("a.atom", atom, &mut batch);
        let d = &batch.documents[0];
        assert_eq!(d.id, "urn:bd:1");
        assert_eq!(d.published.unwrap().to_string(), "2026-03-12");
        assert!(d.text.starts_with("Residents reported"));
    }

    #[test]
    fn broken_feed_best_effort() {
        let broken = "<rss><channel><item><title>One</title><guid>x1</guid><description>Blast in Chaman & nearby.</description></item><item><title>Two";
        let mut batch = Batch::default();
        read("b.xml", broken, &mut batch);
        assert_eq!(batch.documents.len(), 1);
        assert!(matches!(
            batch.problems[0].kind,
            ProblemKind::MalformedFeed(..)
        ));
        let mut batch = Batch::default();
        read("c.xml", "<rss><channel><title>nothing", &mut batch);
        assert!(batch.has_errors());
    }
}
