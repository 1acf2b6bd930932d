//! A feed host on loopback for the watch tests: an HTTP/1.1 server on 127.0.0.1 that serves
//! routes set by the test, answers conditional GETs as a feed host does (304 when the client's
//! If-None-Match or If-Modified-Since matches the route's validators) and records every request.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the server answers on one path.
#[derive(Clone, Debug, Default)]
pub struct Route {
    pub status: u16,
    pub body: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// Send the body without a Content-Length, ended by closing the connection.
    pub unannounced: bool,
}

/// A request as the server saw it: the path, the headers (names in lower case), when.
#[derive(Clone, Debug)]
pub struct Seen {
    pub path: String,
    pub headers: HashMap<String, String>,
    pub at: Instant,
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    seen: Vec<Seen>,
}

/// An HTTP/1.1 server on 127.0.0.1 that answers conditional GETs as a feed host does: 304
/// when the client's If-None-Match or If-Modified-Since matches the route's validators.
pub struct Server {
    base: String,
    state: Arc<Mutex<State>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let _ = answer(stream, &shared);
            }
        });
        Server { base, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.state
            .lock()
            .unwrap()
            .routes
            .insert(path.to_string(), route);
    }

    /// The requests for `path` so far.
    pub fn seen(&self, path: &str) -> Vec<Seen> {
        let state = self.state.lock().unwrap();
        state
            .seen
            .iter()
            .filter(|s| s.path == path)
            .cloned()
            .collect()
    }
}

fn answer(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let route = {
        let mut s = state.lock().unwrap();
        s.seen.push(Seen {
            path: path.clone(),
            headers: headers.clone(),
            at: Instant::now(),
        });
        s.routes.get(&path).cloned()
    };
    let route = route.unwrap_or(Route {
        status: 404,
        body: "not here".into(),
        ..Route::default()
    });
    let fresh = route.status == 200
        && (route.etag.is_some() && headers.get("if-none-match") == route.etag.as_ref()
            || route.last_modified.is_some()
                && headers.get("if-modified-since") == route.last_modified.as_ref());
    let (status, body) = if fresh {
        (304, "")
    } else {
        (route.status, route.body.as_str())
    };
    let reason = match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Internal Server Error",
    };
    let mut out = format!("HTTP/1.1 {status} {reason}\r\nConnection: close\r\n");
    if let Some(etag) = &route.etag {
        out.push_str(&format!("ETag: {etag}\r\n"));
    }
    if let Some(date) = &route.last_modified {
        out.push_str(&format!("Last-Modified: {date}\r\n"));
    }
    out.push_str("Content-Type: application/atom+xml\r\n");
    if !route.unannounced {
        out.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    out.push_str(&format!("\r\n{body}"));
    let mut stream = stream;
    stream.write_all(out.as_bytes())?;
    stream.flush()
}
