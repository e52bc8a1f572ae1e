//! The session's sockets as the REPL shows them: the event line, the `:sockets` table
//! and the `:show NAME` page. The data (rows, named events, histories) comes from the
//! session (`crate::session::sockets`); everything here renders plain data and is tested
//! on its own, and the whole is tested on live sockets through a real terminal in
//! `tests/repl_pty.rs`.

use crate::builtins::socket::SocketObj;
use crate::interp::{Interp, Value};
use crate::session::sockets::{self, label, SocketEvent, SocketRow};
use crate::view::{Palette, Style};
use std::fmt::Write;
use std::sync::Arc;

/// Everything `:show NAME` tells about one socket.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SocketDetail {
    pub row: SocketRow,
    /// reuseaddr, broadcast, timeout, blocking, buffer sizes, the kernel's TCP state.
    pub options: Vec<(String, String)>,
    pub history: Vec<String>,
}

/// One socket in full, by a session name (or `fd N`). A closed socket a name still holds
/// is shown too: its history is what a lesson on closing looks at.
pub fn detail(interp: &Arc<Interp>, which: &str) -> Option<SocketDetail> {
    let Some(row) = find_row(&sockets::rows(interp), which) else {
        return closed_detail(interp, which.trim());
    };
    Some(SocketDetail {
        options: interp.sockets.options(row.id),
        history: sockets::history(interp, row.id)
            .into_iter()
            .map(|e| e.text)
            .collect(),
        row,
    })
}

/// A closed socket held by the session name `which`: the table has forgotten it, but the
/// socket object keeps its history.
fn closed_detail(interp: &Arc<Interp>, which: &str) -> Option<SocketDetail> {
    let names = sockets::names_by_socket(interp);
    let (&id, held_as) = names.iter().find(|(_, ns)| ns.iter().any(|n| n == which))?;
    let sock = interp
        .main
        .items()
        .iter()
        .find_map(|(_, v)| held_sock(v, id))?;
    let events = sock.inner.lock().history.clone();
    Some(SocketDetail {
        row: SocketRow {
            names: held_as.clone(),
            info: sock.info(),
            peer_label: None,
        },
        options: vec![("state".into(), "closed".into())],
        history: sockets::name_events(interp, events)
            .into_iter()
            .map(|e| e.text)
            .collect(),
    })
}

/// The socket `id` if `v` is it or holds it one level in (where the session's names are
/// looked for: `conn`, `pair[0]`, `server.socket`).
fn held_sock(v: &Value, id: u64) -> Option<Arc<crate::net::Sock>> {
    let own = |v: &Value| {
        v.as_native::<SocketObj>()
            .filter(|s| s.sock.id == id)
            .map(|s| s.sock.clone())
    };
    if let Some(s) = own(v) {
        return Some(s);
    }
    match v {
        Value::Tuple(t) => t.iter().take(64).find_map(own),
        Value::List(l) => l.lock().iter().take(64).find_map(own),
        Value::Instance(i) => i.dict.lock().values().find_map(own),
        _ => None,
    }
}

fn find_row(rows: &[SocketRow], which: &str) -> Option<SocketRow> {
    let which = which.trim();
    if let Some(id) = which.strip_prefix('#').and_then(|n| n.parse::<u64>().ok()) {
        return rows.iter().find(|r| r.id == id).cloned();
    }
    if let Some(fd) = which
        .strip_prefix("fd")
        .and_then(|n| n.trim().parse::<i32>().ok())
    {
        return rows.iter().find(|r| r.fd == fd).cloned();
    }
    rows.iter()
        .find(|r| r.names.iter().any(|n| n == which))
        .cloned()
}

// ---- Rendering ----

/// One event line: `s  created → bound 127.0.0.1:40000`.
pub fn event_line(ev: &SocketEvent, palette: Palette) -> String {
    let name = ev.label();
    format!(
        "{}  {}",
        palette.paint(&name, Style::Name),
        palette.paint(&ev.text, Style::Event)
    )
}

fn short(s: &str, prefix: &str) -> String {
    s.strip_prefix(prefix).unwrap_or(s).to_string()
}

fn traffic(bytes: u64, dgrams: u64, datagram: bool) -> String {
    if datagram {
        format!(
            "{bytes} B / {dgrams} dgram{}",
            if dgrams == 1 { "" } else { "s" }
        )
    } else {
        format!("{bytes} B")
    }
}

/// The `:sockets` table. `width` is the terminal's (None: no limit, as in tests).
pub fn table(rows: &[SocketRow], width: Option<u16>) -> String {
    if rows.is_empty() {
        return "no sockets are open in this session; create one with socket.socket()\n"
            .to_string();
    }
    let header = [
        "name", "fd", "family", "type", "state", "local", "peer", "in", "out", "waiting",
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let dgram = r.kind == "SOCK_DGRAM";
            vec![
                label(&r.names, r.fd),
                r.fd.to_string(),
                short(&r.family, "AF_"),
                short(&r.kind, "SOCK_"),
                state_text(r),
                r.local.clone().unwrap_or_else(|| "-".into()),
                r.peer_label.clone().unwrap_or_else(|| "-".into()),
                traffic(r.bytes_recv, r.dgrams_recv, dgram),
                traffic(r.bytes_sent, r.dgrams_sent, dgram),
                waiting(r).to_string(),
            ]
        })
        .collect();
    // What a narrow terminal can do without first: the fd and family (:show has them),
    // then the byte counts, then what is waiting; name, state and addresses stay.
    let fitted = crate::view::fit::fit_table(
        &header,
        &cells,
        &["fd", "family", "out", "in", "waiting", "type"],
        width,
    );
    let mut out = fitted.text;
    if let (false, Some(w)) = (fitted.dropped.is_empty(), width) {
        let note = format!(
            "(left out at this width: {}; :show NAME has everything)",
            fitted.dropped.join(", ")
        );
        let _ = writeln!(out, "{}", crate::view::wrap::wrap(&note, usize::from(w)));
    }
    out
}

fn waiting(r: &SocketRow) -> &'static str {
    match (r.readable, r.state.as_str()) {
        (true, "listening") => "a connection",
        (true, _) if r.peer_closed => "end of data: recv gives b''",
        (true, _) => "data",
        (false, _) => "-",
    }
}

/// The state column: a connection whose peer has closed says so.
fn state_text(r: &SocketRow) -> String {
    if r.peer_closed {
        format!("{}, peer closed", r.state)
    } else {
        r.state.clone()
    }
}

/// The `:show NAME` page.
pub fn show(d: &SocketDetail, palette: Palette) -> String {
    let r = &d.row;
    let mut out = String::new();
    // Every REPL entry is `<stdin>` line 1 and so on: a place only in a file.
    let created = if r.created_at.starts_with('<') {
        String::new()
    } else {
        format!(", created at {}", r.created_at)
    };
    let _ = writeln!(
        out,
        "{}",
        palette.paint(
            &if r.fd < 0 {
                format!("socket {} (closed{created})", label(&r.names, r.fd))
            } else {
                format!("socket {} (fd {}{created})", label(&r.names, r.fd), r.fd)
            },
            Style::Heading
        )
    );
    let dgram = r.kind == "SOCK_DGRAM";
    let mut fields: Vec<(String, String)> = vec![
        ("family".into(), r.family.clone()),
        ("type".into(), r.kind.clone()),
        ("state".into(), state_text(r)),
        (
            "local".into(),
            r.local.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "peer".into(),
            r.peer_label.clone().unwrap_or_else(|| "-".into()),
        ),
        (
            "received".into(),
            traffic(r.bytes_recv, r.dgrams_recv, dgram),
        ),
        ("sent".into(), traffic(r.bytes_sent, r.dgrams_sent, dgram)),
        ("waiting".into(), waiting(r).into()),
    ];
    fields.extend(d.options.iter().cloned());
    let w = fields.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in &fields {
        let _ = writeln!(out, "  {k:<w$}  {v}");
    }
    let _ = writeln!(out, "{}", palette.paint("history", Style::Heading));
    if d.history.is_empty() {
        let _ = writeln!(out, "  (nothing yet)");
    }
    for (i, h) in d.history.iter().enumerate() {
        let _ = writeln!(out, "  {:>2}. {h}", i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::SocketInfo;

    fn server() -> SocketRow {
        SocketRow {
            names: vec!["s".into()],
            info: SocketInfo {
                id: 1,
                fd: 3,
                family: "AF_INET".into(),
                kind: "SOCK_STREAM".into(),
                state: "listening".into(),
                local: Some("127.0.0.1:40000".into()),
                peer: None,
                created_at: "server.py:4".into(),
                readable: true,
                ..SocketInfo::default()
            },
            peer_label: None,
        }
    }

    fn udp() -> SocketRow {
        SocketRow {
            names: vec![],
            info: SocketInfo {
                id: 2,
                fd: 4,
                family: "AF_INET".into(),
                kind: "SOCK_DGRAM".into(),
                state: "bound".into(),
                local: Some("127.0.0.1:11111".into()),
                bytes_recv: 5,
                dgrams_recv: 1,
                created_at: "<stdin>:4".into(),
                ..SocketInfo::default()
            },
            peer_label: None,
        }
    }

    #[test]
    fn table_of_sockets() {
        insta::assert_snapshot!(table(&[server(), udp()], None));
    }

    #[test]
    fn at_80_columns_columns_are_left_out_and_no_cell_is_cut() {
        let mut connected = server();
        connected.names = vec!["conn".into()];
        connected.info.state = "connected".into();
        connected.info.readable = false;
        connected.peer_label = Some("127.0.0.1:40040".into());
        let out = table(&[server(), udp(), connected], Some(80));
        insta::assert_snapshot!("table_at_80_columns", out);
        assert!(out.lines().all(|l| l.chars().count() <= 80), "{out}");
        for whole in [
            "listening",
            "connected",
            "127.0.0.1:40040",
            "127.0.0.1:40000",
        ] {
            assert!(out.contains(whole), "{whole} cut in\n{out}");
        }
    }

    #[test]
    fn an_empty_table_says_how_to_start() {
        assert!(table(&[], None).contains("socket.socket()"));
    }

    #[test]
    fn show_page() {
        let d = SocketDetail {
            row: server(),
            options: vec![
                ("reuseaddr".into(), "on".into()),
                ("timeout".into(), "None (blocking)".into()),
                ("kernel state".into(), "LISTEN".into()),
            ],
            history: vec!["created".into(), "created → bound 127.0.0.1:40000".into()],
        };
        insta::assert_snapshot!(show(&d, Palette::PLAIN));
    }

    #[test]
    fn event_lines_name_the_socket() {
        use crate::net::{Event, EventKind, SocketRef, State};
        let event = Event {
            seq: 0,
            socket: 5,
            fd: 4,
            was: State::Connected,
            now: State::Connected,
            kind: EventKind::Accepted {
                peer: "127.0.0.1:51234".into(),
                local: "127.0.0.1:40000".into(),
                listener: SocketRef { id: 1, fd: 3 },
            },
            at: std::time::Instant::now(),
        };
        let ev = SocketEvent {
            text: event.to_string(),
            event,
            names: vec!["conn".into()],
        };
        assert_eq!(
            event_line(&ev, Palette::PLAIN),
            "conn  accepted from 127.0.0.1:51234 (on 127.0.0.1:40000, by fd 3)"
        );
        let unnamed = SocketEvent {
            names: vec![],
            ..ev
        };
        assert_eq!(
            event_line(&unnamed, Palette::PLAIN),
            "fd 4  accepted from 127.0.0.1:51234 (on 127.0.0.1:40000, by fd 3)"
        );
    }

    #[test]
    fn find_by_name_id_or_fd() {
        let rows = [server(), udp()];
        assert_eq!(find_row(&rows, "s").map(|r| r.id), Some(1));
        assert_eq!(find_row(&rows, "#2").map(|r| r.id), Some(2));
        assert_eq!(find_row(&rows, "fd 4").map(|r| r.id), Some(2));
        assert_eq!(find_row(&rows, "nope"), None);
    }
}
