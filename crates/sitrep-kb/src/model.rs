//! The knowledge base's types, as the data files spell them.

use chrono::NaiveDate;
use serde::Deserialize;

/// What kind of actor; the names are the extraction contract's entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// Insurgents, militias, terrorist organisations, cartels.
    ArmedGroup,
    /// Armies, police, intelligence and paramilitary bodies.
    StateForce,
    /// Governments, ministries, courts, parliaments, committees, regulators.
    Government,
    /// Political parties and movements.
    PoliticalParty,
    /// International organisations.
    InternationalOrg,
    /// Any other organisation.
    OtherOrg,
}

impl ActorKind {
    /// The contract's name for the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::StateForce => "state_force",
            ActorKind::Government => "government",
            ActorKind::PoliticalParty => "political_party",
            ActorKind::InternationalOrg => "international_org",
            ActorKind::OtherOrg => "other_org",
        }
    }
}

/// An organisation or person.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique id, e.g. `pk.ttp`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-2 country, if any.
    #[serde(default)]
    pub country: Option<String>,
    /// Other names, spellings, abbreviations.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Id of the parent organisation.
    #[serde(default)]
    pub parent: Option<String>,
    /// Status markers such as `proscribed:PK`.
    #[serde(default)]
    pub status: Vec<String>,
    /// Generic words ("army", "military") that mean this actor in a report about its country.
    #[serde(default)]
    pub generic: Vec<String>,
    /// Free note.
    #[serde(default)]
    pub note: Option<String>,
    /// The file the actor came from (set by the loader).
    #[serde(skip)]
    pub file: String,
}

/// One term of an office.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holder {
    /// Actor id of the person.
    pub person: String,
    /// First day in office.
    pub start: NaiveDate,
    /// Last day in office; none while in office.
    #[serde(default)]
    pub end: Option<NaiveDate>,
    /// Free note.
    #[serde(default)]
    pub note: Option<String>,
}

/// An office and who held it when.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// Unique id, e.g. `pk.defence_minister`.
    pub id: String,
    /// The office's title.
    pub title: String,
    /// Country, if any.
    #[serde(default)]
    pub country: Option<String>,
    /// Actor id of the institution.
    #[serde(default)]
    pub org: Option<String>,
    /// How reports name the office ("defence minister", "DG ISPR").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Terms, in any order.
    #[serde(default, rename = "holder")]
    pub holders: Vec<Holder>,
    /// Free note.
    #[serde(default)]
    pub note: Option<String>,
    /// The file the office came from (set by the loader).
    #[serde(skip)]
    pub file: String,
}

/// What kind of place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// A named facility: a station, a school, a cantonment.
    Facility,
    /// A natural or built feature: a pass, a valley, a border crossing.
    Feature,
    /// A populated place.
    City,
    /// A second-level division (district).
    Admin2,
    /// A first-level division (province, state).
    Admin1,
    /// A region spanning divisions.
    Region,
    /// A country.
    Country,
}

impl PlaceKind {
    /// The kind as the data files spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Facility => "facility",
            PlaceKind::Feature => "feature",
            PlaceKind::City => "city",
            PlaceKind::Admin2 => "admin2",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s {
            "facility" => PlaceKind::Facility,
            "feature" => PlaceKind::Feature,
            "city" => PlaceKind::City,
            "admin2" => PlaceKind::Admin2,
            "admin1" => PlaceKind::Admin1,
            "region" => PlaceKind::Region,
            "country" => PlaceKind::Country,
            _ => return None,
        })
    }
}

/// A place with its coordinates and containing divisions.
#[derive(Clone, Debug)]
pub struct Place {
    /// Unique id, e.g. `gn:1168579`.
    pub id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// First-level division name.
    pub admin1: Option<String>,
    /// Second-level division name.
    pub admin2: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population, 0 when unknown.
    pub population: u64,
    /// Other names.
    pub aliases: Vec<String>,
}

/// Generic words that stand for a country's actor in a report about that country: "the army"
/// in a Pakistani report is the Pakistan Army, in a Salvadoran one the Salvadoran army.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenericRef {
    /// The words, lower case ("army", "military", "armed forces").
    pub words: Vec<String>,
    /// ISO country code of the reports this applies to.
    pub country: String,
    /// The actor id they stand for.
    pub actor: String,
    /// Words among `words` that are also adjectives ("military operations"): they stand for
    /// the actor only when no other word follows them as their noun.
    #[serde(default)]
    pub only_as_noun: Vec<String>,
}
