//! Tests of figures: measures after and before the number, percentages, non-figures,
//! periods and places, relations, robustness, and sources from claims.

use super::*;
use sitrep_model::Document;

fn doc(text: &str, published: Option<&str>) -> Document {
    Document::from_text(
        "t",
        text,
        published.map(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
    )
}

pub(crate) fn figures_of(text: &str, published: Option<&str>) -> Figures {
    let d = doc(text, published);
    let a = Analysis::new(&d);
    let chars = CharIndex::new(&d.text);
    extract(&a, &chars, &[])
}

fn summary(text: &str) -> Vec<(f64, String)> {
    figures_of(text, Some("2025-06-30"))
        .records
        .into_iter()
        .map(|f| (f.value.or(f.low).unwrap(), f.measure.unwrap_or_default()))
        .collect()
}

#[test]
fn measures_after_the_number() {
    assert_eq!(
        summary(
            "Police said 1,204 search operations were held in Swat in 2023, killing 61 militants, including 9 foreigners."
        ),
        vec![
            (1204.0, "search operations".into()),
            (61.0, "militants".into()),
            (9.0, "foreigners".into())
        ]
    );
    assert_eq!(
        summary("In the raids 41 Levies/FC troops, 17 police and 12 civilians were hurt."),
        vec![
            (41.0, "Levies/FC troops".into()),
            (17.0, "police".into()),
            (12.0, "civilians".into())
        ]
    );
    assert_eq!(
        summary("Over 300 Taliban and allied fighters were seen."),
        vec![(300.0, "Taliban and allied fighters".into())]
    );
    assert_eq!(
        summary("Nearly 12 million litres of smuggled diesel and petrol were seized."),
        vec![(12e6, "litres of smuggled diesel and petrol".into())]
    );
    assert_eq!(
        summary("The court handed down zero acquittals, with 11 cases still pending."),
        vec![(0.0, "acquittals".into()), (11.0, "cases".into())]
    );
}

#[test]
fn measures_before_the_number() {
    assert_eq!(
        summary("The unit had a total operational strength of merely 1,150."),
        vec![(1150.0, "operational strength".into())]
    );
    assert_eq!(
        summary("Smugglers earn revenue of 3-4 million rupees per truck."),
        vec![(3e6, "revenue".into())]
    );
    assert_eq!(
        summary("It left behind military equipment worth $2.1 billion."),
        vec![(2.1e9, "military equipment".into())]
    );
    assert_eq!(
        summary("The death toll from the blast in Bannu rose to 19 on Sunday."),
        vec![(19.0, "death toll".into())]
    );
    assert_eq!(
        summary("The force's sanctioned strength stands at 5,400."),
        vec![(5400.0, "sanctioned strength".into())]
    );
}

#[test]
fn percentages_take_their_of_phrase() {
    let f = summary("Only 61.2% of seminaries, or 2,140 of 3.497, have registered.");
    assert_eq!(
        f,
        vec![
            (61.2, "seminaries".into()),
            (2140.0, "seminaries".into()),
            (3497.0, "seminaries".into())
        ]
    );
}

#[test]
fn not_figures() {
    let f = summary(
        "On 3 May 2024 the 2nd battalion of Operation Zarb-2 met at 10:30 near Route 9; \
             a 44-year-old man and the 1988 committee, since 2019, over two decades, zero tolerance.",
    );
    assert!(f.is_empty(), "{f:?}");
    let f = summary("Six or seven or eight of them came.");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn periods_and_places() {
    let d = doc(
        "Forces carried out 2,310 raids in Kurram in 2024. This year 640 raids took place.",
        Some("2025-06-30"),
    );
    let a = Analysis::new(&d);
    let chars = CharIndex::new(&d.text);
    let at = d.text.find("Kurram").unwrap();
    let places = [PlaceHint {
        span: Span::new(at, at + 6),
        name: "Kurram District",
    }];
    let f = extract(&a, &chars, &places).records;
    assert_eq!(f[0].period.as_deref(), Some("2024"));
    assert_eq!(f[0].place.as_deref(), Some("Kurram District"));
    assert_eq!(f[1].period.as_deref(), Some("2025"));
    assert_eq!(f[1].place, None);
    assert_eq!((f[0].start, f[0].end), (19, 24));
    assert_eq!(f[0].text, "2,310");
}

#[test]
fn relations() {
    let f = figures_of(
        "Of the 620 attacks recorded this year, 410 were in the north. \
             Officials counted 88 raids, including 12 at night.",
        Some("2025-06-30"),
    )
    .found;
    assert_eq!(f[1].part_of, Some((0, PartVia::OfThe)));
    assert_eq!(f[1].measure.as_deref(), Some("attacks"));
    assert_eq!(f[3].part_of, Some((2, PartVia::Including)));
}

/// Random mixes of the pieces numbers and dates are made of: never a panic, every span on
/// character boundaries, every check naming existing figures.
#[test]
fn never_panics() {
    let pieces = [
        "1,2",
        "14,535",
        "8.011",
        "1.8",
        "-",
        "–",
        " ",
        " ",
        " ",
        ",",
        ".",
        "of",
        "the",
        "million",
        "$",
        "Rs",
        "rs.",
        "’",
        "é",
        "2025",
        "May",
        "march",
        "11",
        "0700",
        ":",
        "30",
        "aged",
        "between",
        "and",
        "to",
        "or",
        "%",
        "per cent",
        "including",
        "of whom",
        "remaining",
        "another",
        "at least",
        "more than",
        "two",
        "dozen",
        "a",
        "half",
        "hundreds",
        "last",
        "week",
        "ago",
        "days",
        "on",
        "Tuesday",
        "night",
        "mid",
        "(",
        ")",
        "\n",
        "Ṭānk",
        "999999999999",
        "+92",
        "No",
        "#",
        "/",
        "pc",
        "bn",
        "m",
        "k",
        "th",
        "s",
        "years",
        "old",
        "zero",
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut total = 0;
    for _ in 0..3000 {
        let mut t = String::new();
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        for _ in 0..(x >> 59) + 8 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            t.push_str(pieces[(x % pieces.len() as u64) as usize]);
            if x.is_multiple_of(3) {
                t.push(' ');
            }
        }
        let f = figures_of(&t, Some("2025-06-30"));
        let n = t.chars().count();
        for r in &f.records {
            assert!(r.start <= r.end && r.end <= n, "{t:?}");
        }
        for c in crate::checks::check(&f.found, &f.records) {
            assert!(c.figures.iter().all(|&i| i < f.records.len()), "{t:?}");
        }
        total += f.records.len();
        let _ = figures_of(&t, None);
    }
    assert!(total > 1000, "{total}");
}

#[test]
fn sources_from_claims() {
    let mut figs = figures_of("He said 40 shops were shut.", None).records;
    let mut claims = vec![Claim {
        speaker: "Trader".into(),
        cue: "said".into(),
        direct: false,
        text: "40 shops were shut".into(),
        start: 8,
        end: 26,
        kind: String::new(),
        about: vec![],
        figures: vec![],
    }];
    attach_sources(&mut figs, &mut claims);
    assert_eq!(figs[0].source.as_deref(), Some("Trader"));
    assert_eq!(claims[0].figures, vec![0]);
}
