//! The feed list: URLs from the command line and from a feeds file (one URL a line, `#`
//! starts a comment), checked and without repeats.

use std::path::Path;

use anyhow::{Context, Result};

/// A feed URL that cannot be polled, with where it was given.
#[derive(Debug, PartialEq, Eq)]
pub struct BadFeed {
    /// `FILE:LINE`, or `argument N`.
    pub place: String,
    /// The URL as written.
    pub url: String,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl std::fmt::Display for BadFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} ({:?}); skipped",
            self.place, self.problem, self.url
        )
    }
}

/// The feeds to watch, in the order given, and the entries that cannot be polled.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FeedList {
    /// Distinct URLs, first mention first.
    pub urls: Vec<String>,
    /// Entries skipped.
    pub bad: Vec<BadFeed>,
}

impl FeedList {
    /// The URLs of `args`, then those of the feeds file, when one is given.
    pub fn gather(args: &[String], file: Option<&Path>) -> Result<FeedList> {
        let mut list = FeedList::default();
        for (i, url) in args.iter().enumerate() {
            list.add(url, || format!("argument {}", i + 1));
        }
        if let Some(path) = file {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read feeds file {}", path.display()))?;
            for (line, url) in entries(&text) {
                list.add(url, || format!("{}:{line}", path.display()));
            }
        }
        Ok(list)
    }

    fn add(&mut self, url: &str, place: impl FnOnce() -> String) {
        match check(url) {
            Err(problem) => self.bad.push(BadFeed {
                place: place(),
                url: url.to_string(),
                problem,
            }),
            Ok(()) if self.urls.iter().any(|u| u == url) => {}
            Ok(()) => self.urls.push(url.to_string()),
        }
    }
}

/// The entries of a feeds file with their line numbers: comments and blank lines dropped.
fn entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let entry = line.split('#').next().unwrap_or("").trim();
        (!entry.is_empty()).then_some((i + 1, entry))
    })
}

/// Whether `url` is something an HTTP client can poll.
fn check(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or("not an http:// or https:// URL")?;
    if rest.split(['/', '?', '#']).next().unwrap_or("").is_empty() {
        return Err("no host in the URL");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("white space in the URL");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_file_lines_comments_and_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.txt");
        std::fs::write(
            &path,
            "# desk feeds\nhttps://wire.example/rss  # the wire\n\n   \nftp://old.example/feed\nhttp://127.0.0.1:8080/atom\nhttps://wire.example/rss\nhttps:///nohost\n",
        )
        .unwrap();
        let list = FeedList::gather(&["http://a.example/f".into()], Some(&path)).unwrap();
        assert_eq!(
            list.urls,
            [
                "http://a.example/f",
                "https://wire.example/rss",
                "http://127.0.0.1:8080/atom"
            ]
        );
        let bad: Vec<_> = list.bad.iter().map(|b| b.to_string()).collect();
        let file = path.display();
        assert_eq!(
            bad,
            [
                format!(
                    "{file}:5: not an http:// or https:// URL (\"ftp://old.example/feed\"); skipped"
                ),
                format!("{file}:8: no host in the URL (\"https:///nohost\"); skipped"),
            ]
        );
    }

    #[test]
    fn a_missing_feeds_file_is_named() {
        let err = FeedList::gather(&[], Some(Path::new("/nonexistent/feeds.txt"))).unwrap_err();
        assert!(
            format!("{err:#}").starts_with("cannot read feeds file /nonexistent/feeds.txt: "),
            "{err:#}"
        );
    }

    #[test]
    fn arguments_are_checked_too() {
        let list = FeedList::gather(&["example.com/rss".into()], None).unwrap();
        assert!(list.urls.is_empty());
        assert_eq!(list.bad[0].place, "argument 1");
    }
}
