//! The catalogue: which services exist, over which transport, on which port.
//!
//! A *service* is a kind of server (`echo`) over one transport (TCP or UDP), written
//! `echo` or `echo/udp`. The real echo service answers on port 7 over both TCP and UDP,
//! so the lab's TCP and UDP echo share port number 7007: the kernel keeps TCP and UDP
//! ports apart, and both can run at once.

use super::LabError;
use std::fmt;
use std::str::FromStr;

/// A kind of lab server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Echo,
    Daytime,
    Upper,
    Http,
    Chat,
    Trickle,
}

/// TCP (a connected byte stream) or UDP (separate datagrams).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Transport {
    Tcp,
    Udp,
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Transport::Tcp => "TCP",
            Transport::Udp => "UDP",
        })
    }
}

impl Kind {
    /// Every kind, in the order the catalogue lists them.
    pub const ALL: [Kind; 6] = [
        Kind::Echo,
        Kind::Daytime,
        Kind::Upper,
        Kind::Http,
        Kind::Chat,
        Kind::Trickle,
    ];

    /// The name typed after `serve`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Echo => "echo",
            Kind::Daytime => "daytime",
            Kind::Upper => "upper",
            Kind::Http => "http",
            Kind::Chat => "chat",
            Kind::Trickle => "trickle",
        }
    }

    /// The unprivileged port the lab uses by default.
    pub fn default_port(self) -> u16 {
        match self {
            Kind::Echo => 7007,
            Kind::Daytime => 1313,
            Kind::Upper => 11111,
            Kind::Http => 8080,
            Kind::Chat => 6667,
            Kind::Trickle => 7070,
        }
    }

    /// The well-known port this service stands in for, if it has one.
    pub fn real_port(self) -> Option<u16> {
        match self {
            Kind::Echo => Some(7),
            Kind::Daytime => Some(13),
            Kind::Http => Some(80),
            Kind::Upper | Kind::Chat | Kind::Trickle => None,
        }
    }

    /// The transports it runs over; the first is the one used unless `--udp` is given.
    pub fn transports(self) -> &'static [Transport] {
        match self {
            Kind::Echo | Kind::Daytime => &[Transport::Tcp, Transport::Udp],
            Kind::Upper => &[Transport::Udp],
            Kind::Http | Kind::Chat | Kind::Trickle => &[Transport::Tcp],
        }
    }

    /// One line on what it does.
    pub fn summary(self) -> &'static str {
        match self {
            Kind::Echo => "sends back every byte it receives",
            Kind::Daytime => "sends the date and time as time.nist.gov does, then closes",
            Kind::Upper => "the lecture's connectionless server: answers each datagram in capitals (its client sends to port 11111)",
            Kind::Http => "a small web site: GET and HEAD, HTTP/1.0 and 1.1",
            Kind::Chat => "a line-based chat room: nicknames, join and leave notices (6667 is IRC's port)",
            Kind::Trickle => "sends each line back in small pieces with pauses: TCP has no message boundaries",
        }
    }
}

impl FromStr for Kind {
    type Err = LabError;

    fn from_str(name: &str) -> Result<Kind, LabError> {
        let lower = name.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.name() == lower)
            .ok_or_else(|| LabError::UnknownService(name.to_string()))
    }
}

/// One kind over one transport: what actually binds a port.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Service {
    pub kind: Kind,
    pub transport: Transport,
}

impl Service {
    /// `kind` over UDP if `udp`, else over its usual transport (UDP for `upper`).
    pub fn new(kind: Kind, udp: bool) -> Result<Service, LabError> {
        let transport = if udp {
            Transport::Udp
        } else {
            kind.transports()[0]
        };
        if !kind.transports().contains(&transport) {
            return Err(LabError::NoSuchTransport { kind, transport });
        }
        Ok(Service { kind, transport })
    }

    /// The name the REPL shows and accepts: `echo`, `echo/udp`, `upper`.
    pub fn name(self) -> String {
        if self.transport == self.kind.transports()[0] {
            self.kind.name().to_string()
        } else {
            format!("{}/{}", self.kind.name(), "udp")
        }
    }
}

impl FromStr for Service {
    type Err = LabError;

    /// `echo`, `echo/udp`, `daytime/tcp`, `upper`.
    fn from_str(text: &str) -> Result<Service, LabError> {
        let (kind, transport) = match text.split_once('/') {
            Some((kind, transport)) => (kind, Some(transport.to_ascii_lowercase())),
            None => (text, None),
        };
        let kind: Kind = kind.parse()?;
        match transport.as_deref() {
            None => Service::new(kind, false),
            Some("udp") => Service::new(kind, true),
            Some("tcp") if kind.transports().contains(&Transport::Tcp) => Ok(Service {
                kind,
                transport: Transport::Tcp,
            }),
            Some("tcp") => Err(LabError::NoSuchTransport {
                kind,
                transport: Transport::Tcp,
            }),
            Some(_) => Err(LabError::UnknownService(text.to_string())),
        }
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.kind.name(), self.transport)
    }
}

/// One row of the catalogue, for `--help`, the REPL's `:help` and the book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueEntry {
    pub kind: Kind,
    pub name: &'static str,
    pub transports: &'static [Transport],
    pub default_port: u16,
    pub real_port: Option<u16>,
    pub summary: &'static str,
}

/// Every lab service, its default port and the real port it stands for.
pub fn catalogue() -> Vec<CatalogueEntry> {
    Kind::ALL
        .into_iter()
        .map(|kind| CatalogueEntry {
            kind,
            name: kind.name(),
            transports: kind.transports(),
            default_port: kind.default_port(),
            real_port: kind.real_port(),
            summary: kind.summary(),
        })
        .collect()
}

/// The catalogue as plain text, one service a line: the `serve` command's help ends with it.
pub fn catalogue_help() -> String {
    catalogue_text("--port 0 picks any free port and prints it.")
}

/// The catalogue as the REPL's `:serve` shows it: its own syntax, not the shell's.
pub fn catalogue_help_repl() -> String {
    catalogue_text(":serve KIND 0 picks any free port and says which.")
}

fn catalogue_text(free_port: &str) -> String {
    let mut text = String::from("Services (default port, the real port it stands for):\n");
    for entry in catalogue() {
        let transports = entry
            .transports
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join("+");
        let real = match entry.real_port {
            Some(port) => format!("real port {port}"),
            None => "no real port".to_string(),
        };
        text.push_str(&format!(
            "  {:<8} {:<8} {:>5}  {:<13} {}\n",
            entry.name, transports, entry.default_port, real, entry.summary
        ));
    }
    text.push_str(
        "\nPorts below 1024 need root, so each service listens on an unprivileged stand-in.\n",
    );
    text.push_str(free_port);
    text
}

/// Port, name and protocol of every line of `/etc/services` (what getservbyname and
/// getservbyport read), or `None` when the machine has none.
pub fn services_database() -> Option<Vec<(u16, String, String)>> {
    let text = std::fs::read_to_string("/etc/services").ok()?;
    Some(parse_services(&text))
}

/// The lines of an `/etc/services` file: `http 80/tcp www # WWW` → (80, "http", "tcp").
pub fn parse_services(text: &str) -> Vec<(u16, String, String)> {
    text.lines()
        .filter_map(|l| {
            let l = l.split('#').next()?.trim();
            let mut f = l.split_whitespace();
            let name = f.next()?;
            let (port, proto) = f.next()?.split_once('/')?;
            Some((port.parse().ok()?, name.to_string(), proto.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_back() {
        for kind in Kind::ALL {
            for &transport in kind.transports() {
                let service = Service { kind, transport };
                assert_eq!(service.name().parse::<Service>().ok(), Some(service));
            }
        }
    }

    #[test]
    fn upper_is_udp_and_http_has_no_udp() {
        assert_eq!(
            Service::new(Kind::Upper, false).ok().map(|s| s.transport),
            Some(Transport::Udp)
        );
        assert!(Service::new(Kind::Http, true).is_err());
        assert!("http/udp".parse::<Service>().is_err());
        assert!("upper/tcp".parse::<Service>().is_err());
    }

    #[test]
    fn default_ports_are_unprivileged_and_distinct() {
        let mut ports: Vec<u16> = Kind::ALL.iter().map(|k| k.default_port()).collect();
        assert!(ports.iter().all(|&p| p >= 1024));
        ports.sort();
        ports.dedup();
        assert_eq!(ports.len(), Kind::ALL.len());
    }
}
