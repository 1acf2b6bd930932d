//! Tokens with offsets.

use sitrep_model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters), with inner hyphens and apostrophes.
    Word,
    /// Digits with inner separators: "14,535", "8.011", "1.8", "2025".
    Number,
    /// Anything else that is not white space, one character a token.
    Punct,
}

/// A token: its byte span in the document text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where.
    pub span: Span,
    /// What.
    pub kind: TokenKind,
}

fn joins(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')
}

/// Tokenizes `piece` of `text`.
pub fn tokenize(text: &str, piece: Span) -> Vec<Token> {
    let s = piece.of(text);
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = piece.start + i;
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // An inner joiner or separator continues the token when followed by a
                // letter or digit of the right kind.
                let next = s[j + d.len_utf8()..].chars().next();
                let continues = match next {
                    Some(n) if all_digits && matches!(d, ',' | '.') => n.is_ascii_digit(),
                    Some(n) if !all_digits && joins(d) => {
                        n.is_alphabetic() && !is_possessive(&s[j + d.len_utf8()..])
                    }
                    _ => false,
                };
                if continues {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let kind = if all_digits {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token {
                span: Span::new(start, piece.start + end),
                kind,
            });
        } else {
            out.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
    out
}

/// "s" standing alone after an apostrophe: a possessive, split off.
fn is_possessive(after: &str) -> bool {
    let mut it = after.chars();
    matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| (t.span.of(s), t.kind))
            .collect()
    }

    #[test]
    fn numbers_words_punct() {
        use TokenKind::*;
        assert_eq!(
            words("14,535 IBOs; 8.011 Tehreek-e-Taliban’s 1.8–2.5"),
            vec![
                ("14,535", Number),
                ("IBOs", Word),
                (";", Punct),
                ("8.011", Number),
                ("Tehreek-e-Taliban", Word),
                ("’", Punct),
                ("s", Word),
                ("1.8", Number),
                ("–", Punct),
                ("2.5", Number),
            ]
        );
        assert_eq!(words("2025. Then")[0], ("2025", Number));
        assert_eq!(words("don't")[0], ("don't", Word));
    }
}
