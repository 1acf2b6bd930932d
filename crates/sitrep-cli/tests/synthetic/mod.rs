//! What the fault tests share: invented bombing reports (one JSON line each, every one
//! different: place, toll, date, number) and random kill times.

use std::path::Path;

/// Writes `n` reports as JSON Lines to `path`.
pub fn reports(path: &Path, n: usize) {
    let places = [
        "Lakki Marwat",
        "Bannu",
        "Peshawar",
        "Quetta",
        "Turbat",
        "Kandhkot",
        "Mir Ali",
        "Kohat",
    ];
    let mut out = String::new();
    for i in 0..n {
        let p = places[i % places.len()];
        let n = 3 + i % 40;
        let text = format!(
            "{p}: At least {n} people were killed and {} injured when a suicide bomber blew himself up \
             at a market in {p} on Friday, police said. Report number {i}. No group claimed responsibility.",
            n * 2
        );
        let line = serde_json::json!({"id": format!("gen-{i}"), "published": format!("2026-0{}-{}", 1 + i % 9, 10 + i % 18), "text": text});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).unwrap();
}

/// Random numbers for kill times (xorshift, seeded from the clock): a different run every
/// time, no dependency.
pub struct Random(u64);

impl Random {
    /// Seeded from the clock.
    pub fn new() -> Random {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64;
        Random(nanos | 1)
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}
