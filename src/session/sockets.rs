//! The session's sockets as a student knows them: by the names they typed.
//!
//! The socket table (`crate::net`) knows sockets by id; a student knows them by the names
//! they typed (`s`, `conn`). [`names_by_socket`] joins the two by scanning the session's
//! globals, one level into tuples, lists and objects (`clients[0]`, `server.socket`).
//! One socket has one name everywhere: its session names, or `fd N` when it has none
//! ([`label`]), in event lines, in the table, and in other sockets' events.

use crate::builtins::socket::SocketObj;
use crate::interp::{Interp, Value};
use crate::net::{self, Event, SocketInfo, SocketRef};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One live socket, with the session names that hold it. Reads as the table's
/// `SocketInfo` (`row.state`, `row.bytes_sent`) through `Deref`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SocketRow {
    pub names: Vec<String>,
    pub info: SocketInfo,
    /// The peer column: the address, or the other socket's name for a `socketpair`.
    pub peer_label: Option<String>,
}

impl std::ops::Deref for SocketRow {
    type Target = SocketInfo;
    fn deref(&self) -> &SocketInfo {
        &self.info
    }
}

/// An event with the names its socket is known by, and its line in those names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SocketEvent {
    pub event: Event,
    pub names: Vec<String>,
    /// The line without the socket's own name: `created → bound 127.0.0.1:40000`, with
    /// other sockets called by their names.
    pub text: String,
}

impl SocketEvent {
    pub fn socket(&self) -> u64 {
        self.event.socket
    }

    /// What the socket is called: its names, or `fd N`.
    pub fn label(&self) -> String {
        label(&self.names, self.event.fd)
    }
}

/// The socket table's id for a socket value.
pub fn socket_id(v: &Value) -> Option<u64> {
    v.as_native::<SocketObj>().map(|s| s.sock.id)
}

/// What to call a socket: its session names, or `fd N` when it has none.
pub fn label(names: &[String], fd: i32) -> String {
    if names.is_empty() {
        format!("fd {fd}")
    } else {
        names.join(", ")
    }
}

/// Every live socket, oldest first.
pub fn rows(interp: &Arc<Interp>) -> Vec<SocketRow> {
    let infos = interp.sockets.snapshot();
    if infos.is_empty() {
        return Vec::new();
    }
    let names = names_by_socket(interp);
    infos
        .into_iter()
        .map(|info| {
            let peer_label = match info.peer_socket {
                Some(other) => Some(other_name(&names, other)),
                None => info.peer.clone(),
            };
            SocketRow {
                names: names.get(&info.id).cloned().unwrap_or_default(),
                info,
                peer_label,
            }
        })
        .collect()
}

fn other_name(names: &BTreeMap<u64, Vec<String>>, other: SocketRef) -> String {
    match names.get(&other.id) {
        Some(n) if !n.is_empty() => n.join(", "),
        _ => net::event::by_descriptor(other),
    }
}

/// Give events the names their sockets have now.
pub fn name_events(interp: &Arc<Interp>, events: Vec<Event>) -> Vec<SocketEvent> {
    if events.is_empty() {
        return Vec::new();
    }
    let names = names_by_socket(interp);
    events
        .into_iter()
        .map(|event| SocketEvent {
            names: names.get(&event.socket).cloned().unwrap_or_default(),
            text: event.describe(&|other| other_name(&names, other)),
            event,
        })
        .collect()
}

/// A socket's history (events it remembers, oldest first), named.
pub fn history(interp: &Arc<Interp>, id: u64) -> Vec<SocketEvent> {
    let events = match interp.sockets.get(id) {
        Some(s) => s.inner.lock().history.clone(),
        None => Vec::new(),
    };
    name_events(interp, events)
}

/// Have the table keep events in its log, for readers with cursors.
pub fn collect_events(interp: &Arc<Interp>) {
    interp
        .sockets
        .collect
        .store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The session names of each socket: `s`, `conn`, `clients[0]`, `server.socket`.
pub fn names_by_socket(interp: &Arc<Interp>) -> BTreeMap<u64, Vec<String>> {
    let mut names: BTreeMap<u64, Vec<String>> = BTreeMap::new();
    for (name, value) in interp.main.items() {
        if name.starts_with("__") || &*name == "_" {
            continue;
        }
        visit(&name, &value, &mut |n, id| {
            names.entry(id).or_default().push(n)
        });
    }
    names
}

fn visit(name: &str, v: &Value, found: &mut dyn FnMut(String, u64)) {
    if let Some(id) = socket_id(v) {
        found(name.to_string(), id);
        return;
    }
    // One level in: what the lecture's programs keep sockets in.
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.iter().take(64).cloned().collect(),
        Value::List(l) => l.lock().iter().take(64).cloned().collect(),
        Value::Instance(i) => {
            for (k, attr) in i.dict.lock().iter() {
                if let Some(id) = socket_id(attr) {
                    found(format!("{name}.{k}"), id);
                }
            }
            return;
        }
        _ => return,
    };
    for (i, item) in items.iter().enumerate() {
        if let Some(id) = socket_id(item) {
            found(format!("{name}[{i}]"), id);
        }
    }
}

/// Names a `:show` argument can complete to.
pub fn all_names(interp: &Arc<Interp>) -> Vec<String> {
    names_by_socket(interp).into_values().flatten().collect()
}

/// Who in this session (a socket, a lab service) already holds `port`, or which other
/// process does.
pub fn holder_of_port(
    interp: &Arc<Interp>,
    port: u16,
    services: &[(String, u16)],
) -> Option<String> {
    let suffix = format!(":{port}");
    if let Some(r) = rows(interp)
        .into_iter()
        .find(|r| r.local.as_deref().is_some_and(|l| l.ends_with(&suffix)))
    {
        return Some(format!(
            "your socket {} ({})",
            label(&r.names, r.fd),
            r.state
        ));
    }
    if let Some((name, _)) = services.iter().find(|(_, p)| *p == port) {
        return Some(format!("the lab service {name} (:stop {name} frees it)"));
    }
    net::netstat::process_holding_port(port)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_socket_without_a_name_is_called_by_its_descriptor() {
        assert_eq!(label(&[], 7), "fd 7");
        assert_eq!(label(&["s".into(), "t".into()], 7), "s, t");
    }
}
