//! Tests of the number scanner: values, separators, words, scales, currencies, percentages,
//! ranges, qualifiers, and the kinds of numbers that are not figures.

use super::*;

/// The figure-kind quantities of `text` as (text of the core, value, low, high, qualifier,
/// unit).
type Row = (
    String,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    &'static str,
    &'static str,
);

fn figures(text: &str) -> Vec<Row> {
    let folded = text.to_lowercase();
    scan(&folded)
        .into_iter()
        .filter(Quantity::is_figure)
        .map(|q| {
            (
                text[q.core.start..q.core.end].to_string(),
                q.value,
                q.low,
                q.high,
                q.qualifier.as_str(),
                q.unit.code(),
            )
        })
        .collect()
}

fn one(text: &str) -> (Option<f64>, &'static str, &'static str) {
    let f = figures(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    (f[0].1, f[0].4, f[0].5)
}

fn range(text: &str) -> (f64, f64) {
    let f = figures(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    (f[0].2.unwrap(), f[0].3.unwrap())
}

fn kinds(text: &str) -> Vec<(String, Kind)> {
    let folded = text.to_lowercase();
    scan(&folded)
        .into_iter()
        .map(|q| (text[q.core.start..q.core.end].to_string(), q.kind))
        .collect()
}

fn none(text: &str) {
    let f = figures(text);
    assert!(f.is_empty(), "{text}: {f:?}");
}

#[test]
fn digits_and_separators() {
    assert_eq!(
        one("conducted 14,535 raids"),
        (Some(14535.0), "exact", "count")
    );
    assert_eq!(
        one("a loss of 1,50,000 jobs"),
        (Some(150000.0), "exact", "count")
    );
    assert_eq!(
        one("turnout was 54.3 per cent"),
        (Some(54.3), "exact", "percent")
    );
    assert_eq!(one("1,234.5 tonnes of wheat").0, Some(1234.5));
    assert_eq!(one("1.234.567 voters").0, Some(1234567.0));
}

#[test]
fn dot_as_thousands_separator() {
    // Counting things: a thousands separator.
    assert_eq!(one("there are 3.200 schools").0, Some(3200.0));
    // The whole of a larger integer count.
    let f = figures("the board has cleared 2,718 of 6.125 so far");
    assert_eq!(f[1].1, Some(6125.0));
    // A decimal elsewhere.
    assert_eq!(one("inflation was 7.125").0, Some(7.125));
    assert_eq!(one("a 2.125 kg parcel").0, Some(2.125));
    assert_eq!(one("$1.250 million").0, Some(1_250_000.0));
}

#[test]
fn number_words() {
    assert_eq!(one("seven soldiers died").0, Some(7.0));
    assert_eq!(one("Twenty-one hostages").0, Some(21.0));
    assert_eq!(one("twenty one hostages").0, Some(21.0));
    assert_eq!(one("three hundred and fifty houses").0, Some(350.0));
    assert_eq!(one("a dozen guards").0, Some(12.0));
    assert_eq!(one("two dozen attackers").0, Some(24.0));
    assert_eq!(one("half a dozen trucks").0, Some(6.0));
    assert_eq!(one("a million refugees").0, Some(1e6));
    assert_eq!(one("two million refugees").0, Some(2e6));
    assert_eq!(one("one and a half million refugees").0, Some(1.5e6));
    assert_eq!(one("dozens of shops"), (Some(12.0), "at_least", "count"));
    assert_eq!(
        one("hundreds of families"),
        (Some(100.0), "at_least", "count")
    );
    assert_eq!(one("tens of thousands of people").0, Some(10000.0));
    assert_eq!(one("scores of people").0, Some(20.0));
    assert_eq!(one("a couple of shops"), (Some(2.0), "exact", "count"));
    assert_eq!(one("zero convictions").0, Some(0.0));
    assert_eq!(one("ONE SOLDIER WAS KILLED").0, Some(1.0));
    none("one of the attackers");
    none("no one was hurt");
    none("at one point the men left");
    none("a few shops");
    none("the scores were level");
}

#[test]
fn scales_and_currencies() {
    assert_eq!(
        one("equipment worth $7.2 billion"),
        (Some(7.2e9), "exact", "USD")
    );
    assert_eq!(
        one("Rs 18.6 billion for training"),
        (Some(18.6e9), "exact", "PKR")
    );
    assert_eq!(one("RS. 500 per bag"), (Some(500.0), "exact", "PKR"));
    assert_eq!(one("a fine of Rs1.5m"), (Some(1.5e6), "exact", "PKR"));
    assert_eq!(one("US$ 3 million"), (Some(3e6), "exact", "USD"));
    assert_eq!(one("3 million US dollars"), (Some(3e6), "exact", "USD"));
    assert_eq!(one("PKR 2.5bn"), (Some(2.5e9), "exact", "PKR"));
    assert_eq!(one("2 lakh rupees"), (Some(2e5), "exact", "PKR"));
    assert_eq!(one("Rs 3 crore"), (Some(3e7), "exact", "PKR"));
    assert_eq!(one("500 Afghanis each"), (Some(500.0), "exact", "AFN"));
    assert_eq!(one("USD 40 million"), (Some(4e7), "exact", "USD"));
    assert_eq!(one("a 100m stretch"), (Some(100.0), "exact", "metre"));
    assert_eq!(one("10k marchers").0, Some(10000.0));
}

#[test]
fn percentages() {
    assert_eq!(
        one("just 54.3% of schools"),
        (Some(54.3), "exact", "percent")
    );
    assert_eq!(one("69 per cent of them"), (Some(69.0), "exact", "percent"));
    assert_eq!(one("nearly 70 percent"), (Some(70.0), "about", "percent"));
    assert_eq!(one("or 64.6pc, were"), (Some(64.6), "exact", "percent"));
    assert_eq!(one("36pc"), (Some(36.0), "exact", "percent"));
    assert_eq!(one("12 per-cent"), (Some(12.0), "exact", "percent"));
    assert_eq!(one("a 5 % rise"), (Some(5.0), "exact", "percent"));
}

#[test]
fn ranges() {
    assert_eq!(range("15 to 20 million litres"), (15e6, 20e6));
    assert_eq!(range("between 15 and 20 million litres"), (15e6, 20e6));
    assert_eq!(
        range("1.8–2.5 million rupees".replace('–', "-").as_str()),
        (1.8e6, 2.5e6)
    );
    assert_eq!(range("1.8-2.5 million rupees"), (1.8e6, 2.5e6));
    assert_eq!(range("between 15 and 20 people"), (15.0, 20.0));
    assert_eq!(range("15-20 people"), (15.0, 20.0));
    assert_eq!(range("two to three hundred"), (200.0, 300.0));
    assert_eq!(range("Rs 2-3 billion"), (2e9, 3e9));
    let f = figures("1.8-2.5 million rupees per acre");
    assert_eq!(f[0].5, "PKR");
    // A change is two numbers, not a range.
    let f = figures("the toll rose from 15 to 31");
    assert_eq!(f.len(), 2, "{f:?}");
}

#[test]
fn qualifiers() {
    assert_eq!(one("at least 27 people").1, "at_least");
    assert_eq!(one("more than 50 people").1, "more_than");
    assert_eq!(one("over 200 militants").1, "more_than");
    assert_eq!(one("nearly 200 personnel").1, "about");
    assert_eq!(one("around 30 bombers").1, "about");
    assert_eq!(one("approximately 6,000 fighters").1, "about");
    assert_eq!(one("some 400 families").1, "about");
    assert_eq!(one("up to 40 vehicles").1, "up_to");
    assert_eq!(one("as many as 40 vehicles").1, "up_to");
    assert_eq!(one("less than 10 people").1, "less_than");
    assert_eq!(one("under 10 people").1, "less_than");
    assert_eq!(one("almost 90 shops").1, "about");
    assert_eq!(one("more than $7.2 billion").1, "more_than");
    assert_eq!(one("200 or more houses").1, "at_least");
    assert_eq!(one("200-plus houses").1, "more_than");
    assert_eq!(one("40-odd houses").1, "about");
    let q = scan("at least 27 people");
    assert_eq!(q[0].span, Span::new(0, 11));
    assert_eq!(q[0].core, Span::new(9, 11));
}

#[test]
fn not_figures() {
    none("in 2014 the school was attacked");
    none("the 1988 sanctions committee");
    none("resolution 1988 of the council");
    none("under law 18314");
    none("on Route 5 near the bridge");
    none("military detachment No. 4 reported");
    none("detachment no.4 reported");
    none("Operation Radd-ul-Fitna-1 ended");
    none("an m-16 rifle and an F-16 jet");
    none("on 11 October the clashes began");
    none("on October 11, 2025");
    none("on March 11, 2025, in which");
    none("Mon Nov 03 2025");
    none("at 10:30 on Monday");
    none("at 0700 hours");
    none("at 4 pm");
    none("aged 35");
    none("the bomber, aged between 18 and 20, was");
    none("aged about 35");
    none("a 12-year-old boy");
    none("he was 40 years old");
    none("the 6th brigade");
    none("the 2nd and 3rd rounds");
    none("the 3d infantry brigade");
    none("call 051-9201234");
    none("call +92 51 1234567");
    none("in the 1990s");
    none("over two decades");
    none("five years back");
    none("three days of mourning");
    none("a 15-member jirga");
    none("zero tolerance for terrorism");
    none("a 9mm pistol");
    none("since 2008 and in 2021");
    none("the 2014-15 budget");
    none("11/10/2025");
    none("version 1.2.3");
    none("Rescue 1122 said");
    none("the following:    1. the government must");
    none("paragraph three of the communique");
    none("after 10 or 20 years in hiding");
    none("for 1 or 2 years");
    assert_eq!(one("they killed 12. Then").0, Some(12.0));
    none("2025-10-11");
}

#[test]
fn kinds_are_flagged() {
    let k = kinds("in 2024, on 11 October, aged 35");
    assert_eq!(
        k.iter().map(|(_, k)| *k).collect::<Vec<_>>(),
        vec![Kind::Year, Kind::Date, Kind::Age]
    );
}

#[test]
fn year_like_counts() {
    assert_eq!(one("nearly 2000 people").0, Some(2000.0));
    assert_eq!(one("Rs 2000 each").0, Some(2000.0));
}

#[test]
fn lists() {
    let f = figures("272 army personnel, 140 police and 165 civilians");
    assert_eq!(
        f.iter().map(|f| f.1.unwrap()).collect::<Vec<_>>(),
        vec![272.0, 140.0, 165.0]
    );
}

#[test]
fn upper_case_via_analysis() {
    use sitrep_model::Document;
    let doc = Document::from_text(
        "d",
        "AT LEAST 27 PEOPLE WERE KILLED — “MORE THAN 50” INJURED",
        None,
    );
    let a = Analysis::new(&doc);
    let q = find_quantities(&a);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].span.of(&doc.text), "AT LEAST 27");
    assert_eq!(q[1].span.of(&doc.text), "MORE THAN 50");
    assert_eq!(q[1].qualifier, Qualifier::MoreThan);
}
