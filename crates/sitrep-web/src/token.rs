//! The bearer token that write endpoints require: a secret in, a check of an
//! `Authorization: Bearer ...` header out.
//!
//! Only the secret's BLAKE3 hash is kept, and a presented token is checked by comparing its
//! hash with that one in constant time (the hash type's equality), so neither the length of
//! the secret nor how much of it a guess got right shows in the time an answer takes.

use axum::http::HeaderMap;
use axum::http::header::AUTHORIZATION;

/// Characters a token needs at least.
pub const MIN_LEN: usize = 16;

/// Why a secret cannot be a token.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Too short to resist guessing.
    #[error("the token is {0} characters; use at least {MIN_LEN}")]
    TooShort(usize),
    /// White space or control characters would not survive an HTTP header.
    #[error("the token holds white space or control characters")]
    BadCharacters,
}

/// A configured token.
#[derive(Clone)]
pub struct Token(blake3::Hash);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

/// What a request's `Authorization` header amounts to.
#[derive(Debug, PartialEq, Eq)]
pub enum Presented {
    /// No bearer token.
    Missing,
    /// A token that is not the configured one.
    Wrong,
    /// The configured token.
    Right,
}

impl Token {
    /// A token from its secret (surrounding white space, such as a file's final newline, is
    /// dropped).
    pub fn new(secret: &str) -> Result<Token, TokenError> {
        let secret = secret.trim();
        if secret.chars().count() < MIN_LEN {
            return Err(TokenError::TooShort(secret.chars().count()));
        }
        if secret.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(TokenError::BadCharacters);
        }
        Ok(Token(blake3::hash(secret.as_bytes())))
    }

    /// Checks a request's headers.
    pub fn check(&self, headers: &HeaderMap) -> Presented {
        let Some(given) = headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                let (scheme, rest) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
            })
        else {
            return Presented::Missing;
        };
        // blake3::Hash compares in constant time.
        if blake3::hash(given.as_bytes()) == self.0 {
            Presented::Right
        } else {
            Presented::Wrong
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(AUTHORIZATION, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn only_the_configured_bearer_token_passes() {
        let t = Token::new("correct-horse-battery\n").unwrap();
        assert_eq!(
            t.check(&with("Bearer correct-horse-battery")),
            Presented::Right
        );
        assert_eq!(
            t.check(&with("bearer  correct-horse-battery ")),
            Presented::Right
        );
        assert_eq!(
            t.check(&with("Bearer correct-horse-batter")),
            Presented::Wrong
        );
        assert_eq!(t.check(&with("Bearer ")), Presented::Missing);
        assert_eq!(
            t.check(&with("Basic correct-horse-battery")),
            Presented::Missing
        );
        assert_eq!(t.check(&HeaderMap::new()), Presented::Missing);
    }

    #[test]
    fn weak_secrets_are_refused() {
        assert!(matches!(Token::new("short"), Err(TokenError::TooShort(5))));
        assert!(matches!(
            Token::new("has a space in the middle"),
            Err(TokenError::BadCharacters)
        ));
    }
}
