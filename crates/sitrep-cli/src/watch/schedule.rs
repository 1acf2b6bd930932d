//! When each feed is polled next: every interval while it answers, waiting twice as long
//! after each error in a row (up to a cap), back to the interval after a success.

use std::time::{Duration, Instant};

/// The next poll of every feed.
#[derive(Debug)]
pub struct Schedule {
    interval: Duration,
    max_backoff: Duration,
    feeds: Vec<Slot>,
}

#[derive(Clone, Copy, Debug)]
struct Slot {
    due: Instant,
    failures: u32,
}

impl Schedule {
    /// `feeds` feeds, all due at `now`.
    pub fn new(feeds: usize, interval: Duration, max_backoff: Duration, now: Instant) -> Self {
        Schedule {
            interval,
            max_backoff,
            feeds: vec![
                Slot {
                    due: now,
                    failures: 0
                };
                feeds
            ],
        }
    }

    /// The feed due first (the lowest index among equals) and when; `None` without feeds.
    pub fn next(&self) -> Option<(usize, Instant)> {
        self.feeds
            .iter()
            .enumerate()
            .min_by_key(|(i, s)| (s.due, *i))
            .map(|(i, s)| (i, s.due))
    }

    /// Feed `i` was polled at `now` and answered: next poll one interval later.
    pub fn succeeded(&mut self, i: usize, now: Instant) {
        self.feeds[i] = Slot {
            due: now + self.interval,
            failures: 0,
        };
    }

    /// Feed `i` failed at `now`: returns how long it now waits.
    pub fn failed(&mut self, i: usize, now: Instant) -> Duration {
        let failures = self.feeds[i].failures.saturating_add(1);
        let wait = backoff(self.interval, self.max_backoff, failures);
        self.feeds[i] = Slot {
            due: now + wait,
            failures,
        };
        wait
    }
}

/// The wait after `failures` errors in a row: the interval doubled for each, never more than
/// `max` (nor less than the interval).
pub fn backoff(interval: Duration, max: Duration, failures: u32) -> Duration {
    let factor = 1u32.checked_shl(failures.min(31)).unwrap_or(u32::MAX);
    interval
        .checked_mul(factor)
        .unwrap_or(Duration::MAX)
        .min(max.max(interval))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Duration = Duration::from_secs(60);

    #[test]
    fn waits_double_up_to_the_cap() {
        let waits: Vec<u64> = (1..=7)
            .map(|f| backoff(MIN, 30 * MIN, f).as_secs() / 60)
            .collect();
        assert_eq!(waits, [2, 4, 8, 16, 30, 30, 30]);
        assert_eq!(backoff(MIN, 30 * MIN, u32::MAX), 30 * MIN);
        // A cap below the interval does not poll faster than the interval.
        assert_eq!(backoff(10 * MIN, MIN, 1), 10 * MIN);
    }

    #[test]
    fn a_failing_feed_backs_off_and_a_success_resets_it() {
        let t0 = Instant::now();
        let mut s = Schedule::new(2, MIN, 60 * MIN, t0);
        assert_eq!(s.next(), Some((0, t0)));
        assert_eq!(s.failed(0, t0), 2 * MIN);
        assert_eq!(s.next(), Some((1, t0)));
        s.succeeded(1, t0);
        assert_eq!(s.next(), Some((1, t0 + MIN)));
        assert_eq!(s.failed(0, t0 + 2 * MIN), 4 * MIN);
        assert_eq!(s.failed(0, t0 + 6 * MIN), 8 * MIN);
        s.succeeded(0, t0 + 14 * MIN);
        s.succeeded(1, t0 + 14 * MIN);
        assert_eq!(s.next(), Some((0, t0 + 15 * MIN)));
        assert_eq!(s.failed(0, t0 + 15 * MIN), 2 * MIN);
        assert_eq!(Schedule::new(0, MIN, MIN, t0).next(), None);
    }
}
