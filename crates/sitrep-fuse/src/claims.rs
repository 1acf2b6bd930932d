//! Claims across reports: a denial linked to what it denies (best effort).

use sitrep_model::record::Claim;

use crate::dates::day_number;
use crate::names::key;

/// A claim and the report it came from.
#[derive(Clone, Debug)]
pub struct ClaimRef<'a> {
    /// The report.
    pub doc_id: &'a str,
    /// Its publication date.
    pub published: Option<&'a str>,
    /// The claim.
    pub claim: &'a Claim,
}

/// Links each denial to the claim it most likely denies: a non-denial by another speaker
/// that is about the denier (or about something the denial is about), published closest
/// before it. Returns `(denial index, denied index)` pairs into `claims`.
pub fn link_denials(claims: &[ClaimRef<'_>]) -> Vec<(usize, usize)> {
    // Normalised names, once per claim.
    let speakers: Vec<String> = claims.iter().map(|c| key(&c.claim.speaker)).collect();
    let abouts: Vec<Vec<String>> = claims
        .iter()
        .map(|c| c.claim.about.iter().map(|a| key(a)).collect())
        .collect();
    let days: Vec<Option<i32>> = claims
        .iter()
        .map(|c| c.published.and_then(day_number))
        .collect();
    let mut links = Vec::new();
    for i in (0..claims.len()).filter(|&i| claims[i].claim.kind == "denial") {
        let speaker = &speakers[i];
        let best = claims
            .iter()
            .enumerate()
            .filter(|(j, c)| *j != i && c.claim.kind != "denial" && speakers[*j] != *speaker)
            .filter(|(j, _)| {
                abouts[*j]
                    .iter()
                    .any(|a| a == speaker || abouts[i].contains(a))
            })
            .min_by_key(|(j, c)| {
                let gap = match (days[i], days[*j]) {
                    (Some(a), Some(b)) if b <= a => a - b,
                    (Some(a), Some(b)) => 1000 + b - a,
                    _ => 500,
                };
                (gap, c.doc_id)
            });
        if let Some((j, _)) = best {
            links.push((i, j));
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(speaker: &str, kind: &str, about: &[&str]) -> Claim {
        Claim {
            speaker: speaker.into(),
            cue: "said".into(),
            direct: false,
            text: "...".into(),
            start: 0,
            end: 3,
            kind: kind.into(),
            about: about.iter().map(|s| s.to_string()).collect(),
            figures: vec![],
        }
    }

    #[test]
    fn denial_links_to_accusation_about_the_denier() {
        let acc = claim(
            "Zahid Nawaz Khan",
            "accusation",
            &["Tehrik-i-Taliban Pakistan"],
        );
        let other = claim("Someone", "assertion", &["Pakistan"]);
        let den = claim("Tehrik-i-Taliban Pakistan", "denial", &[]);
        let refs = vec![
            ClaimRef {
                doc_id: "3",
                published: Some("2026-03-07"),
                claim: &acc,
            },
            ClaimRef {
                doc_id: "x",
                published: Some("2026-03-07"),
                claim: &other,
            },
            ClaimRef {
                doc_id: "4",
                published: Some("2026-03-08"),
                claim: &den,
            },
        ];
        assert_eq!(link_denials(&refs), vec![(2, 0)]);
    }
}
