//! chat: a chat room where every line a member sends reaches every other member.
//!
//! It is the server for the lessons on threads, `select` and peer-to-peer programs: a
//! client must read from the keyboard *and* from the socket, whichever is ready first.
//!
//! ```text
//! server: * welcome to the socklab chat room (you are the first one here)
//! server: * your nickname?
//! client: ada
//! server: * hello ada; commands: /who, /nick NAME, /quit; any other line goes to everyone
//!                                      (the others see "* ada joined (2 here now)")
//! client: hi all                       (the others see "ada: hi all")
//! client: /quit
//! server: * bye ada                    (the others see "* ada left (1 here now)")
//! ```
//!
//! Every line is one message; lines from the server about the room start with `* `.
//! A member who reads too slowly is not waited for: the room keeps the last 256 messages,
//! and one who falls further behind is told how many were missed.

use super::context::{idle_error, Ctx};
use super::peer_io::{drain, read_line, IdleTimer, LineRead};
use std::collections::BTreeMap;
use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::broadcast;

/// Messages kept for members who are behind.
const BACKLOG_MESSAGES: usize = 256;
/// The longest nickname.
const MAX_NICK: usize = 16;
/// How long one write to a member may wait for it to read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// The members of the room and the channel their messages travel on.
pub(crate) struct Room {
    members: Mutex<BTreeMap<u64, String>>,
    next_member: AtomicU64,
    messages: broadcast::Sender<Arc<Said>>,
}

/// One message, and who said it (a member does not receive its own lines back).
struct Said {
    from: u64,
    text: String,
}

impl Room {
    pub fn new() -> Room {
        Room {
            members: Mutex::new(BTreeMap::new()),
            next_member: AtomicU64::new(1),
            messages: broadcast::channel(BACKLOG_MESSAGES).0,
        }
    }

    fn members(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, String>> {
        // A panic while holding the lock cannot leave the map half-changed (each change
        // is one insert or remove), so a poisoned lock is still usable.
        self.members.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn say(&self, from: u64, text: String) {
        // An error only means nobody is listening.
        let _ = self.messages.send(Arc::new(Said { from, text }));
    }

    /// Take `nick` for `member`, unless someone else has it.
    fn claim(&self, member: u64, nick: &str) -> bool {
        let mut members = self.members();
        if members
            .iter()
            .any(|(&id, name)| id != member && name == nick)
        {
            return false;
        }
        members.insert(member, nick.to_string());
        true
    }
}

/// Why a nickname is refused, or `None` if it is fine.
fn nick_problem(nick: &str) -> Option<String> {
    let valid = !nick.is_empty()
        && nick.len() <= MAX_NICK
        && nick
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (!valid)
        .then(|| format!("* a nickname is 1 to {MAX_NICK} letters, digits, _ or -; try another:\n"))
}

/// A line as text: invalid UTF-8 replaced, control characters (which could drive the
/// other members' terminals) removed, the line ending dropped.
fn clean(line: &[u8]) -> String {
    String::from_utf8_lossy(line)
        .chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect::<String>()
        .trim()
        .to_string()
}

async fn send<W: AsyncWrite + Unpin>(writer: &mut W, text: &str) -> io::Result<()> {
    tokio::time::timeout(WRITE_TIMEOUT, writer.write_all(text.as_bytes()))
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "the peer stopped reading"))?
}

pub(crate) async fn serve_peer(
    mut stream: TcpStream,
    peer: SocketAddr,
    ctx: &Ctx,
    room: &Room,
) -> io::Result<String> {
    let member = room.next_member.fetch_add(1, Ordering::Relaxed);
    let (reader, mut writer) = stream.split();
    let mut reader = BufReader::new(reader);
    let limit = ctx.limits.idle_timeout;
    let cap = ctx.limits.max_request;
    let mut idle = IdleTimer::new(limit);
    let mut line = Vec::new();

    // Members with a nickname: the newcomer is not one of them yet.
    let already = room.members().len();
    send(
        &mut writer,
        &format!(
            "* welcome to the socklab chat room ({})\n* your nickname?\n",
            who_is_here(already)
        ),
    )
    .await?;

    // Ask until the peer gives a nickname nobody has.
    let mut nick = loop {
        line.clear();
        let read = tokio::select! {
            read = read_line(&mut reader, &mut line, cap) => read?,
            () = idle.expired() => return Err(idle_error(limit)),
        };
        match read {
            LineRead::Closed => return Ok("left before choosing a nickname".into()),
            LineRead::TooLong => {
                send(
                    &mut writer,
                    &format!("* a line may hold at most {cap} bytes; bye\n"),
                )
                .await?;
                let _ = writer.shutdown().await;
                drain(&mut reader).await;
                return Ok("sent an overlong nickname".into());
            }
            LineRead::Line => idle.touch(),
        }
        let nick = clean(&line);
        if let Some(problem) = nick_problem(&nick) {
            send(&mut writer, &problem).await?;
        } else if room.claim(member, &nick) {
            break nick;
        } else {
            send(&mut writer, &format!("* {nick} is taken; try another:\n")).await?;
        }
    };

    // Subscribe before announcing, so no message after the join can be missed.
    let mut heard = room.messages.subscribe();
    let here = room.members().len();
    room.say(member, format!("* {nick} joined ({here} here now)\n"));
    ctx.log(format_args!("{peer} joined as {nick}"));
    let ended = chat_loop(
        Member { ctx, room, member },
        &mut nick,
        &mut reader,
        &mut writer,
        &mut heard,
        &mut idle,
    )
    .await;

    room.members().remove(&member);
    let here = room.members().len();
    room.say(member, format!("* {nick} left ({here} here now)\n"));
    ended.map(|why| format!("{nick} {why}"))
}

/// How the welcome tells a newcomer who is already in the room.
fn who_is_here(already: usize) -> String {
    match already {
        0 => "you are the first one here".into(),
        1 => "1 other here now".into(),
        n => format!("{n} others here now"),
    }
}

/// One member of the room, as its loop sees it.
#[derive(Clone, Copy)]
struct Member<'a> {
    ctx: &'a Ctx,
    room: &'a Room,
    member: u64,
}

async fn chat_loop<R, W>(
    who: Member<'_>,
    nick: &mut String,
    reader: &mut R,
    writer: &mut W,
    heard: &mut broadcast::Receiver<Arc<Said>>,
    idle: &mut IdleTimer,
) -> io::Result<String>
where
    R: tokio::io::AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let Member { ctx, room, member } = who;
    let limit = ctx.limits.idle_timeout;
    let cap = ctx.limits.max_request;
    send(
        writer,
        &format!(
            "* hello {nick}; commands: /who, /nick NAME, /quit; any other line goes to everyone\n"
        ),
    )
    .await?;
    let mut line = Vec::new();
    loop {
        tokio::select! {
            // Pass on what the room said before reading more from this member: a member
            // who talks faster than the room is delivered waits, instead of falling behind
            // on (and being told of missing) the flood of its own lines.
            biased;
            said = heard.recv() => match said {
                Ok(said) if said.from != member => send(writer, &said.text).await?,
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(missed)) => {
                    send(writer, &format!(
                        "* (you missed {missed} messages: they came faster than you read)\n"
                    )).await?;
                }
                Err(broadcast::error::RecvError::Closed) => return Ok("left (room closed)".into()),
            },
            read = read_line(reader, &mut line, cap) => {
                match read? {
                    LineRead::Closed => return Ok("left (closed the connection)".into()),
                    LineRead::TooLong => {
                        send(writer, &format!("* a line may hold at most {cap} bytes; bye\n")).await?;
                        // Close without a reset, so the member reads why.
                        let _ = writer.shutdown().await;
                        drain(reader).await;
                        return Ok("was disconnected for an overlong line".into());
                    }
                    LineRead::Line => idle.touch(),
                }
                let text = clean(&line);
                line.clear();
                if text.is_empty() {
                    continue;
                }
                let (command, argument) = match text.split_once(' ') {
                    Some((command, argument)) => (command, argument.trim()),
                    None => (text.as_str(), ""),
                };
                match command {
                    "/quit" => {
                        send(writer, &format!("* bye {nick}\n")).await?;
                        return Ok("left (/quit)".into());
                    }
                    "/who" => {
                        let names: Vec<String> = room.members().values().cloned().collect();
                        send(writer, &format!("* here: {}\n", names.join(", "))).await?;
                    }
                    "/nick" => {
                        if let Some(problem) = nick_problem(argument) {
                            send(writer, &problem).await?;
                        } else if room.claim(member, argument) {
                            room.say(member, format!("* {nick} is now {argument}\n"));
                            send(writer, &format!("* you are now {argument}\n")).await?;
                            *nick = argument.to_string();
                        } else {
                            send(writer, &format!("* {argument} is taken\n")).await?;
                        }
                    }
                    _ if command.starts_with('/') => {
                        send(writer, &format!(
                            "* unknown command {command}; commands: /who, /nick NAME, /quit\n"
                        )).await?;
                    }
                    _ => room.say(member, format!("{nick}: {text}\n")),
                }
            }
            () = idle.expired() => {
                let _ = send(writer, "* idle too long; bye\n").await;
                return Err(idle_error(limit));
            }
        }
    }
}
