//! Every format reports a failed write as `ExportError::Io`, with the writer's error kind.

use std::io::{self, Write};

use crate::{ExportError, Format, Options, fixture, write};

/// A writer that takes `room` bytes and then fails as a closed pipe does.
struct ClosedAfter {
    room: usize,
}

impl Write for ClosedAfter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failed_write_is_an_io_error_in_every_format() {
    let data = fixture::dataset();
    let options = Options::at(chrono::Utc::now());
    for format in [
        Format::AcledCsv,
        Format::Geojson,
        Format::Stix,
        Format::Jsonl,
    ] {
        for room in [0, 100] {
            let mut out = ClosedAfter { room };
            match write(format, &data, &options, &mut out) {
                Err(ExportError::Io(e)) => assert_eq!(e.kind(), io::ErrorKind::BrokenPipe),
                other => panic!("{format:?} after {room} bytes: {other:?}"),
            }
        }
    }
}
