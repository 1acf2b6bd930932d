//! Features of a [`Candidate`] for the entity classifier ([`super::select`]): the document
//! (text, words, tagger scores, lexicon, relevance score) and its candidates in; per
//! candidate, feature names out (`"Victim m=3"`), each prefixed with the candidate's role so
//! the classifier weighs them per role.
//!
//! The features pool what is known about a mention string over the whole document: the
//! tagger's best mean margin over its spans and its margins just outside the first, how
//! often the tagger and the lexicon found it and how ([`super::decode::Kind`]), how often the
//! words occur, where it first occurs, its first, last and neighbouring words, the two words
//! either side of each occurrence, its length, rare words, its lexicon precision, the
//! document's relevance overall and for the role, how many other candidates the role has and
//! whether another role claims the same words.

use super::ROLES;
use super::decode::Candidate;
use super::lexicon::Lexicon;
use super::model::Tagged;
use super::words::Word;

/// What the features are computed from.
pub struct Document<'d, 't> {
    /// The lower-cased text.
    pub text: &'t str,
    /// Its words.
    pub words: &'d [Word<'t>],
    /// The tagger's labels and scores.
    pub tagged: &'d Tagged,
    /// Per word, whether it is rare.
    pub rare: &'d [bool],
    /// The mention lexicon.
    pub lexicon: &'d Lexicon,
    /// The document's relevance score.
    pub relevance: f32,
    /// Per role, the document's score for having a filler of the role.
    pub role_relevance: [f32; 5],
}

/// Sentence index of each word: a sentence ends where `.`, `!`, `?` or `;` separates words.
fn sentences(text: &str, words: &[Word<'_>]) -> Vec<usize> {
    let mut k = 0;
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0
            && text[words[i - 1].end..w.start]
                .bytes()
                .any(|b| matches!(b, b'.' | b'!' | b'?' | b';'))
        {
            k += 1;
        }
        out.push(k);
    }
    out
}

/// How often `phrase` occurs as consecutive words.
fn count(words: &[Word<'_>], phrase: &[&str]) -> usize {
    if phrase.is_empty() || words.len() < phrase.len() {
        return 0;
    }
    words
        .windows(phrase.len())
        .filter(|w| w.iter().zip(phrase).all(|(a, b)| a.text == *b))
        .count()
}

fn bucket(x: usize, max: usize) -> usize {
    x.min(max)
}

/// The feature names of each candidate, in the order of `cands`.
pub fn features(doc: &Document<'_, '_>, cands: &[Candidate<'_>]) -> Vec<Vec<String>> {
    let sent = sentences(doc.text, doc.words);
    let n_words = doc.words.len().max(1);
    let mut per_role = [0usize; 5];
    for c in cands {
        per_role[c.role] += 1;
    }
    let mut rank = [0usize; 5];
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| cands[i].spans.first().map_or(0, |s| s.0));
    let mut ranks = vec![0usize; cands.len()];
    for &i in &order {
        ranks[i] = rank[cands[i].role];
        rank[cands[i].role] += 1;
    }
    cands
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let r = ROLES[c.role];
            let label = c.role + 1;
            let mut f = Vec::with_capacity(24);
            let mut add = |s: String| f.push(format!("{r} {s}"));
            add("bias".into());
            let margin = c
                .spans
                .iter()
                .map(|&(a, b)| {
                    let sum: i32 = (a..=b)
                        .map(|k| doc.tagged.scores[k][label] - doc.tagged.scores[k][0])
                        .sum();
                    sum / (b - a + 1) as i32
                })
                .max()
                .unwrap_or(i32::MIN / 2);
            let m = margin.div_euclid(192).clamp(-5, 12);
            add(format!("m={m}"));
            let len = c.words.len().min(3);
            add(format!("m={m}|len={len}"));
            let peak = c
                .spans
                .iter()
                .flat_map(|&(a, b)| a..=b)
                .map(|k| doc.tagged.scores[k][label] - doc.tagged.scores[k][0])
                .max()
                .unwrap_or(0);
            add(format!("peak={}", peak.div_euclid(192).clamp(-5, 12)));
            let share = c
                .spans
                .iter()
                .map(|&(a, b)| {
                    (a..=b)
                        .filter(|&k| usize::from(doc.tagged.labels[k]) == label)
                        .count()
                        * 4
                        / (b - a + 1)
                })
                .max()
                .unwrap_or(0);
            add(format!("share={share}"));
            add(format!("t={}", bucket(c.tagged, 3)));
            let kind = c.kind as u8;
            add(format!("var={kind}"));
            add(format!("var={kind}|len={len}"));
            add(format!("n={}", bucket(count(doc.words, &c.words), 4)));
            let (a, b) = c.spans[0];
            let s = sent[a];
            add(format!("s={}", if s >= 7 { 5 } else { bucket(s, 4) }));
            add(format!("pos={}", a * 5 / n_words));
            let lex = doc
                .lexicon
                .get(&c.words.join(" "))
                .and_then(|roles| roles.iter().find(|x| usize::from(x.0) == c.role))
                .map(|x| x.1);
            add(match lex {
                None => "lex=none".into(),
                Some(p) => format!("lex={}", ((p * 10.0) as usize).min(5)),
            });
            add(format!("len={}", bucket(c.words.len(), 5)));
            let rare = (a..=b).filter(|&k| doc.rare[k]).count();
            add(format!(
                "rare={}",
                if rare == 0 {
                    0
                } else if rare == b - a + 1 {
                    2
                } else {
                    1
                }
            ));
            add(format!("head={}", c.words[c.words.len() - 1]));
            add(format!("first={}", c.words[0]));
            if a > 0 {
                add(format!("before={}", doc.words[a - 1].text));
            }
            if let Some(w) = doc.words.get(b + 1) {
                add(format!("after={}", w.text));
            }
            let edge = |k: Option<usize>| {
                k.filter(|&k| k < doc.words.len()).map_or(-9, |k| {
                    (doc.tagged.scores[k][label] - doc.tagged.scores[k][0])
                        .div_euclid(192)
                        .clamp(-5, 8)
                })
            };
            add(format!("edge_l={}", edge(a.checked_sub(1))));
            add(format!("edge_r={}", edge(Some(b + 1))));
            // Words just before and after each occurrence, once each.
            let mut ctx: Vec<(char, &str)> = Vec::new();
            for &(a, b) in &c.spans {
                for (side, k) in [
                    ('l', a.wrapping_sub(2)),
                    ('l', a.wrapping_sub(1)),
                    ('r', b + 1),
                    ('r', b + 2),
                ] {
                    if let Some(w) = doc.words.get(k)
                        && !ctx.contains(&(side, w.text))
                    {
                        ctx.push((side, w.text));
                    }
                }
            }
            for (side, w) in ctx {
                add(format!("{side}ctx={w}"));
            }
            add(format!(
                "rrel={}",
                (doc.role_relevance[c.role].floor() as i32).clamp(-4, 3)
            ));
            add(format!(
                "rel={}",
                (doc.relevance.floor() as i32).clamp(-3, 3)
            ));
            add(format!("nc={}", bucket(per_role[c.role], 6)));
            add(format!("rank={}", bucket(ranks[ci], 4)));
            if cands.iter().any(|o| o.role != c.role && o.words == c.words) {
                add("other".into());
            }
            if cands.iter().any(|o| {
                o.role == c.role
                    && o.words.len() > c.words.len()
                    && c.words.iter().all(|w| o.words.contains(w))
            }) {
                add("inside".into());
            }
            f
        })
        .collect()
}
