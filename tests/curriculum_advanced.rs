//! The second half of the course (lessons 11 to 20: UDP, broadcast, the byte stream,
//! byte order, time-outs and errors, select, threads, socketserver, the chat project,
//! debugging) as a student meets it: `socklab learn ID` driven from a pipe.
//!
//! For each lesson, a correct solution *other* than the model one (another import style,
//! other names, `send` for `sendall`, another way to loop) must complete the lesson, and a
//! plausible wrong answer must not pass its step. `lesson check` (tests/lessons_cli.rs)
//! already proves the model solutions; these prove the checks look at the state, not at
//! the text typed.
//!
//! Every run gets its own `SOCKLAB_DATA_DIR`, so no test touches the real home folder.

use assert_cmd::Command;
use std::time::Duration;

/// Bounds each `learn` run; the slowest lesson (threads) takes about a second.
const LIMIT: Duration = Duration::from_secs(60);

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn learn(id: &str, input: &str) -> Run {
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::cargo_bin("socklab")
        .expect("binary")
        .env("SOCKLAB_DATA_DIR", data.path())
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .timeout(LIMIT)
        .args(["learn", id])
        .write_stdin(input)
        .output()
        .expect("learn");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `input` completes lesson `id`: every step passed, exit status 0.
fn completes(id: &str, input: &str) {
    let run = learn(id, input);
    assert_eq!(
        run.code,
        Some(0),
        "learn {id} did not complete:\n{}\n{}",
        run.stdout,
        run.stderr
    );
    assert!(
        run.stdout.ends_with(&format!("lesson complete: {id}\n")),
        "{}",
        run.stdout
    );
}

/// `input` reaches step `step` of lesson `id` (every step before it passed) but does
/// not pass it: the lesson stays incomplete.
fn stops_at(id: &str, step: &str, input: &str) -> Run {
    let run = learn(id, &format!("{input}:check\n"));
    assert_eq!(run.code, Some(1), "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains(&format!(" {step}: ")),
        "step {step} never began:\n{}\n{}",
        run.stdout,
        run.stderr
    );
    assert!(
        !run.stdout.contains(&format!("passed: {step}\n")),
        "the wrong answer passed {step}:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains('✗'),
        "no failed check shown:\n{}",
        run.stdout
    );
    run
}

// ---- 11 udp ----

const UDP_START: &str = "\
from socket import *
sock = socket(AF_INET, SOCK_DGRAM)
";

#[test]
fn udp_completes_with_star_import_and_other_names() {
    completes(
        "udp",
        "from socket import *
s = socket(AF_INET, SOCK_DGRAM)
s.sendto(bytes(\"MixedCaseString\", \"ascii\"), upper_address)
answer = s.recvfrom(2048)
data, addr = answer
s.sendto(b\"Hi!\", upper_address); s.sendto(b\"Hope you're well\", upper_address)
first, second = s.recv(64), s.recv(64)
guess = 2
raises = False
n = s.sendto(b\"anyone there?\", nobody)
srv = socket(AF_INET, SOCK_DGRAM)
srv.bind(('127.0.0.1', 0))
message, who = srv.recvfrom(2048)
data, addr = message, who
srv.sendto(message.upper(), who)
",
    );
}

#[test]
fn udp_a_str_sent_instead_of_bytes_does_not_pass() {
    let input = format!("{UDP_START}s = sock\ns.sendto(\"MixedCaseString\", upper_address)\n");
    let run = stops_at("udp", "sendto", &input);
    assert!(
        run.stderr
            .contains("TypeError: a bytes-like object is required, not 'str'"),
        "{}",
        run.stderr
    );
}

#[test]
fn udp_a_tcp_socket_does_not_pass_create() {
    stops_at("udp", "create", "import socket\ns = socket.socket()\n");
}

#[test]
fn udp_the_wrong_guess_about_boundaries_does_not_pass() {
    stops_at(
        "udp",
        "boundaries",
        "import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b\"MixedCaseString\", upper_address)
data, addr = s.recvfrom(1024)
guess = 1
s.sendto(b\"Hi!\", upper_address)
s.sendto(b\"Hope you're well\", upper_address)
first = s.recv(1024)
second = s.recv(1024)
",
    );
}

// ---- 12 broadcast ----

const BROADCAST_TO_REFUSED: &str = "\
from socket import *
receiver = socket(AF_INET, SOCK_DGRAM)
rx = receiver
rx.bind(('127.255.255.255', 0))
works = False
tx = socket(AF_INET, SOCK_DGRAM)
tx.sendto(b'Hello there', everyone)
";

#[test]
fn broadcast_completes_with_star_import() {
    completes(
        "broadcast",
        &format!(
            "{BROADCAST_TO_REFUSED}\
tx.setsockopt(SOL_SOCKET, SO_BROADCAST, True)
tx.sendto(b'Hello there', ('127.255.255.255', everyone[1]))
pair = rx.recvfrom(1024)
data, addr = pair
"
        ),
    );
}

#[test]
fn broadcast_without_so_broadcast_does_not_pass() {
    let run = stops_at(
        "broadcast",
        "option",
        &format!("{BROADCAST_TO_REFUSED}tx.sendto(b'Hello there', everyone)\n"),
    );
    assert!(
        run.stderr
            .contains("PermissionError: [Errno 13] Permission denied"),
        "{}",
        run.stderr
    );
}

#[test]
fn broadcast_a_receiver_on_127_0_0_1_does_not_pass() {
    stops_at(
        "broadcast",
        "receiver",
        "import socket\nrx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nrx.bind(('127.0.0.1', 0))\n",
    );
}

// ---- 13 byte-stream ----

const STREAM_TO_FRAME: &str = "\
from socket import *
from struct import pack, unpack
guess = 1
a.sendall(b'Hi!')
a.sendall(b\"Hope you're well\")
got = b.recv(4096)
t = create_connection(trickle_address)
t.send(b\"Hope you're well\\n\"); piece = t.recv(4096)
line = piece
while b'\\n' not in line:
    line = line + t.recv(100)

reader = t.makefile('rb')
f = reader
t.send(b'Hi!\\n')
echoed = f.readline()
";

#[test]
fn byte_stream_completes_with_other_imports_and_loops() {
    completes(
        "byte-stream",
        &format!(
            "{STREAM_TO_FRAME}\
text = b\"Hope you're well\"
a.send(pack('>I', len(text)) + text)
header = b.recv(4)
(n,) = unpack('>I', header)
body = b.recv(n)
"
        ),
    );
}

#[test]
fn byte_stream_a_message_without_its_length_header_does_not_pass() {
    stops_at(
        "byte-stream",
        "frame",
        &format!("{STREAM_TO_FRAME}a.sendall(b\"Hope you're well\")\n"),
    );
}

#[test]
fn byte_stream_guessing_two_messages_does_not_pass() {
    stops_at(
        "byte-stream",
        "glued",
        "guess = 2\na.send(b'Hi!')\na.send(b\"Hope you're well\")\ngot = b.recv(1024)\n",
    );
}

// ---- 14 byte-order ----

const ORDER_START: &str = "\
from socket import htons, htonl, ntohs, ntohl, inet_aton, inet_ntoa
import struct
network = struct.pack('>H', 8080)
host = (8080).to_bytes(length=2, byteorder='little')
";

#[test]
fn byte_order_completes_with_from_imports_and_struct() {
    completes(
        "byte-order",
        &format!(
            "{ORDER_START}\
guess = 36895
swapped = htons(0x1F90)
back16, back32, one = ntohs(htons(8080)), ntohl(htonl(3000000000)), htonl(1)
packed = inet_aton('127.0.0.1')
text = inet_ntoa(bytes([192, 168, 1, 1]))
header = packed + htons(8080).to_bytes(2, 'little')
"
        ),
    );
}

#[test]
fn byte_order_the_port_itself_for_htons_does_not_pass() {
    stops_at(
        "byte-order",
        "htons",
        &format!("{ORDER_START}guess = 8080\nswapped = 8080\n"),
    );
}

// ---- 15 timeouts-errors ----

const ERRORS_TO_REUSE: &str = "\
from socket import *
c = socket(AF_INET, SOCK_STREAM)
c.settimeout(0.2)
c.connect(quiet.getsockname())
c.recv(10)
setdefaulttimeout(2.0)
d = socket(AF_INET, SOCK_STREAM)
setdefaulttimeout(None)
at_once = True
r = socket(AF_INET, SOCK_STREAM)
r.connect(closed)
other = socket(AF_INET, SOCK_STREAM)
other.bind(('127.0.0.1', srv.getsockname()[1]))
";

#[test]
fn timeouts_errors_completes_with_star_import() {
    completes(
        "timeouts-errors",
        &format!(
            "{ERRORS_TO_REUSE}\
new = socket(AF_INET, SOCK_STREAM)
new.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
new.bind(('127.0.0.1', port))
new.listen(5)
guess = b''
client.close()
data = server_end.recv(4096)
"
        ),
    );
}

#[test]
fn timeouts_errors_bind_without_so_reuseaddr_does_not_pass() {
    let run = stops_at(
        "timeouts-errors",
        "reuse",
        &format!("{ERRORS_TO_REUSE}new = socket()\nnew.bind(('127.0.0.1', port))\nnew.listen()\n"),
    );
    assert!(
        run.stderr
            .contains("OSError: [Errno 98] Address already in use"),
        "{}",
        run.stderr
    );
}

#[test]
fn timeouts_errors_a_timeout_set_after_the_default_is_restored_does_not_pass() {
    // `r` created while the 2-second default still holds: the step wants it restored first.
    stops_at(
        "timeouts-errors",
        "refused",
        "import socket
c = socket.socket()
c.connect(quiet.getsockname())
c.settimeout(0.2)
c.recv(1024)
socket.setdefaulttimeout(2)
d = socket.socket()
r = socket.socket()
socket.setdefaulttimeout(None)
at_once = True
r.connect(closed)
",
    );
}

// ---- 16 select ----

const SELECT_TO_WHICH: &str = "\
from select import select
r, w, x = select([srv], [], [], 0.2)
readable, writable, errors = r, w, x
readable, writable, errors = select([srv], [], [], 2)
conn1, addr1 = srv.accept()
";

#[test]
fn select_completes_with_from_import_and_another_loop() {
    completes(
        "select",
        &format!(
            "{SELECT_TO_WHICH}\
readable, writable, errors = select([srv, conn1, conn2], [], [], 2)
guess = readable
data = conn2.recv(100)
socks = [srv, conn1, conn2]
for _ in range(2):
    ready = select(socks, [], [], 0.5)[0]
    for sock in ready:
        if sock == srv:
            socks.append(srv.accept()[0])
        elif chunk := sock.recv(100):
            sock.send(chunk)

"
        ),
    );
}

#[test]
fn select_the_wrong_prediction_does_not_pass() {
    stops_at(
        "select",
        "which",
        &format!(
            "{SELECT_TO_WHICH}guess = [conn1]\n\
             readable, writable, errors = select([srv, conn1, conn2], [], [], 2)\n\
             data = conn2.recv(100)\n"
        ),
    );
}

// ---- 17 threads ----

#[test]
fn threads_completes_with_other_names_and_send() {
    completes(
        "threads",
        "from socket import *
import threading, time
def show(k):
    for j in range(k):
        time.sleep(0.05)
        print(j)

worker = threading.Thread(target=show, args=(3,))
thread = worker
worker.start(); worker.join()
def serve_one():
    sock, peer = srv.accept()
    sock.send(sock.recv(100).upper())
    sock.close()

t = threading.Thread(target=serve_one, daemon=True)
t.start()
c = create_connection(srv.getsockname(), timeout=5)
c.send(b'hello thread')
reply = c.recv(100)
def handle(s):
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        s.sendall(chunk)

def server():
    while True:
        s, _ = echo_srv.accept()
        threading.Thread(target=handle, args=(s,), daemon=True).start()

st = threading.Thread(target=server)
st.daemon = True
st.start()
guess = True
a = create_connection(echo_srv.getsockname(), timeout=5)
b = create_connection(echo_srv.getsockname(), timeout=5)
b.send(b'me too')
answer = b.recv(1024)
",
    );
}

#[test]
fn threads_the_slides_args_for_a_function_without_parameters_does_not_pass() {
    // The slide's `Thread(target=func, args=(1,2,3...))` with `def func():` ends the
    // thread at once with a TypeError, and nothing is printed.
    let run = stops_at(
        "threads",
        "first-thread",
        "import time
from threading import Thread
def count():
    for i in range(3):
        time.sleep(0.05)
        print(i)

thread = Thread(target=count, args=(1, 2, 3))
thread.start()
thread.join()
",
    );
    assert!(
        run.stderr
            .contains("TypeError: count() takes 0 positional arguments but 3 were given"),
        "{}",
        run.stderr
    );
}

// ---- 18 socketserver ----

#[test]
fn socketserver_completes_with_star_imports_and_the_ready_made_threading_server() {
    completes(
        "socketserver",
        "from socket import *
from socketserver import *
import threading
class EchoHandler(StreamRequestHandler):
    def handle(self):
        self.request.send(self.request.recv(4096))

server = TCPServer(('127.0.0.1', 0), EchoHandler)
c = create_connection(server.server_address, timeout=5)
c.send(b'hello handler')
server.handle_request()
reply = c.recv(4096)
big = ThreadingTCPServer(('127.0.0.1', 0), EchoHandler)
big.daemon_threads = True
runner = threading.Thread(target=big.serve_forever)
runner.daemon = True
runner.start()
guess = True
a = create_connection(big.server_address, timeout=5)
b = create_connection(big.server_address, timeout=5)
b.send(b'me too')
answer = b.recv(4096)
class UpperHandler(BaseRequestHandler):
    def handle(self):
        message, reply_socket = self.request
        reply_socket.sendto(message.upper(), self.client_address)

userver = UDPServer(('127.0.0.1', 0), UpperHandler)
userver.timeout = 5
u.sendto(b'mixed case', userver.server_address)
userver.handle_request()
upper = u.recv(4096)
",
    );
}

#[test]
fn socketserver_a_handler_that_is_not_a_request_handler_does_not_pass() {
    stops_at(
        "socketserver",
        "handler",
        "class EchoHandler:
    def handle(self):
        data = self.request.recv(1024)
        self.request.sendall(data)

",
    );
}

// ---- 19 chat ----

const CHAT_TO_RELAY: &str = "\
from socket import *
from select import select
from threading import Thread
c = socket(AF_INET, SOCK_STREAM)
c.settimeout(5)
c.connect(chat_address)
lines = c.makefile('rb')
greeting = [lines.readline(), lines.readline()]
c.send(b'grace\\n')
hello = lines.readline()
p1.sendto(b'hello p2', p2.getsockname()); got2 = p2.recvfrom(100)[0]
p2.sendto(b'hello p1', p1.getsockname()); got1 = p1.recvfrom(100)[0]
room = socket(AF_INET, SOCK_STREAM)
room.bind(('127.0.0.1', 0))
room.listen(5)
";

#[test]
fn chat_completes_with_another_server_loop() {
    completes(
        "chat",
        &format!(
            "{CHAT_TO_RELAY}\
clients = []
def serve_room(rounds):
    for _ in range(rounds):
        ready = select([room, *clients], [], [], 0.2)[0]
        for sock in ready:
            if sock == room:
                clients.append(room.accept()[0])
            elif line := sock.recv(4096):
                for peer in [p for p in clients if p != sock]:
                    peer.send(line)
            else:
                clients.remove(sock)

serve_room(5)
host = Thread(target=serve_room, args=(1000000,))
host.daemon = True
host.start()
ann = create_connection(room.getsockname(), timeout=5)
bob = create_connection(room.getsockname(), timeout=5)
ann.send(b'hi bob\\n')
heard = bob.recv(4096)
"
        ),
    );
}

#[test]
fn chat_a_server_that_echoes_to_the_sender_too_does_not_pass() {
    stops_at(
        "chat",
        "relay",
        &format!(
            "{CHAT_TO_RELAY}\
clients = []
def serve_room(rounds):
    for _ in range(rounds):
        ready = select([room] + clients, [], [], 0.2)[0]
        for sock in ready:
            if sock is room:
                clients.append(room.accept()[0])
            else:
                data = sock.recv(1024)
                for other in clients:
                    other.sendall(data)

serve_room(4)
"
        ),
    );
}

// ---- 20 debugging ----

const DEBUG_TO_TIME_WAIT: &str = "\
:sockets
from socket import *
port = mystery.getsockname()[-1]
c = socket(AF_INET, SOCK_STREAM)
c.connect('127.0.0.1', port)
c.connect(('localhost', port))
conn, addr = mystery.accept()
c.send(b'hello by hand\\n')
typed = conn.recv(100)
:show conn
client_port = c.getsockname()[1]
";

#[test]
fn debugging_completes_with_meta_commands_and_other_reads() {
    let run = learn(
        "debugging",
        &format!("{DEBUG_TO_TIME_WAIT}conn.close()\nc.close()\n:sockets\nwaiting_port = port\n"),
    );
    assert_eq!(run.code, Some(0), "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout.ends_with("lesson complete: debugging\n"),
        "{}",
        run.stdout
    );
    // The tools answered: `:sockets` named the mystery server, `:show` the connection.
    assert!(run.stdout.contains("mystery"), "{}", run.stdout);
    assert!(run.stdout.contains("socket conn (fd "), "{}", run.stdout);
}

#[test]
fn debugging_naming_the_client_that_closed_last_does_not_pass() {
    // The client closes first here, but the answer names the server's port: wrong way round.
    stops_at(
        "debugging",
        "time-wait",
        &format!("{DEBUG_TO_TIME_WAIT}c.close()\nwaiting_port = client_port\nconn.close()\n"),
    );
}

#[test]
fn chat_a_room_bound_but_never_listening_does_not_pass() {
    let input = CHAT_TO_RELAY.replace("room.listen(5)\n", "");
    stops_at("chat", "room", &input);
}

#[test]
fn debugging_the_port_of_another_service_does_not_pass() {
    // The daytime service's lab port, read off the services table instead of `:netstat`.
    stops_at("debugging", "who-listens", ":services\nport = 1313\n");
}

/// Lesson 20's "second terminal": a real `socklab connect` process is the person typing,
/// while `learn` runs; the learner prints the port, the person connects and types a line.
#[test]
fn debugging_with_a_second_terminal_as_the_person() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command as Process, Stdio};
    use std::sync::mpsc;
    let data = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("socklab");
    let mut learner = Process::new(&bin)
        .env("SOCKLAB_DATA_DIR", data.path())
        .env("NO_COLOR", "1")
        .args(["learn", "debugging"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("learn");
    let mut to_learner = learner.stdin.take().expect("stdin");
    let (lines, seen) = mpsc::channel();
    let out = learner.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    to_learner
        .write_all(
            // The port is printed once `c` is connected: `c` must come first in the backlog.
            b"port = mystery.getsockname()[1]\n\
              c = socket.socket()\nc.connect('127.0.0.1', port)\nc.connect(('127.0.0.1', port))\n\
              print('PORT', port)\n",
        )
        .expect("write");
    to_learner.flush().expect("flush");
    let port = loop {
        let line = seen
            .recv_timeout(LIMIT)
            .expect("the learner printed its port");
        if let Some(p) = line.strip_prefix("PORT ") {
            break p.to_string();
        }
    };
    let person = Process::new(&bin)
        .args(["connect", "127.0.0.1", &port])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("connect");
    person
        .stdin
        .as_ref()
        .expect("stdin")
        .write_all(b"typed by a person\n")
        .expect("type");
    to_learner
        .write_all(
            b"conn, addr = mystery.accept()\nperson, where = mystery.accept()\n\
              typed = person.recv(1024)\nprint('TYPED', typed)\nclient_port = addr[1]\n\
              conn.close()\nc.close()\nperson.close()\nwaiting_port = port\n",
        )
        .expect("write");
    drop(to_learner);
    let mut all = Vec::new();
    let ended = loop {
        match seen.recv_timeout(LIMIT) {
            Ok(line) => all.push(line),
            Err(mpsc::RecvTimeoutError::Disconnected) => break true,
            Err(mpsc::RecvTimeoutError::Timeout) => break false,
        }
    };
    if !ended {
        // Stuck (in a recv or accept): end it, so that the failure below is reported.
        let _ = learner.kill();
    }
    let status = learner.wait().expect("learn ends");
    reader.join().expect("reader");
    let mut person = person;
    drop(person.stdin.take());
    // It has seen its peer close; if not, it is ended here rather than waited for.
    let _ = person.kill();
    person.wait().expect("connect ends");
    let all = all.join("\n");
    assert!(all.contains("TYPED b'typed by a person\\n'"), "{all}");
    assert!(all.contains("passed: talk-by-hand"), "{all}");
    assert_eq!(status.code(), Some(0), "{all}");
}

/// `lesson demo` runs a solution whose `# raises` line is in the middle (lesson 20's
/// read-the-error: the slide's failing line, then the fix) to its end, and replays it when
/// the instructor jumps past it.
#[test]
fn demo_runs_and_replays_a_solution_past_its_raises_line() {
    let demo = |keys: &str| {
        let data = tempfile::tempdir().expect("tempdir");
        let out = Command::cargo_bin("socklab")
            .expect("binary")
            .env("SOCKLAB_DATA_DIR", data.path())
            .env("NO_COLOR", "1")
            .timeout(LIMIT)
            .args(["lesson", "demo", "debugging"])
            .write_stdin(keys)
            .output()
            .expect("demo");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // n: step 2; Enter: run it.
    let shown = demo("n\n\nq\n");
    let step2 = shown.split("step 2 of 5").nth(1).expect("step 2 shown");
    assert!(
        step2.contains("TypeError: socket.connect() takes exactly one argument (2 given)"),
        "{shown}"
    );
    assert!(step2.contains("✓ the step's checks pass"), "{shown}");
    // n n n: step 4, steps 1-3 replayed (step 2's raises line included); Enter: run it.
    let shown = demo("n\nn\nn\n\nq\n");
    let step4 = shown.split("step 4 of 5").nth(1).expect("step 4 shown");
    assert!(step4.contains("✓ the step's checks pass"), "{shown}");
}

/// `socklab lesson solution ID | socklab learn ID` completes each lesson: the model
/// solutions pass through `learn` itself (its entry splitting, its blank-line rule), not
/// only through `lesson check`.
#[test]
fn each_model_solution_piped_into_learn_completes_its_lesson() {
    for id in [
        "udp",
        "broadcast",
        "byte-stream",
        "byte-order",
        "timeouts-errors",
        "select",
        "threads",
        "socketserver",
        "chat",
        "debugging",
    ] {
        let data = tempfile::tempdir().expect("tempdir");
        let program = Command::cargo_bin("socklab")
            .expect("binary")
            .env("SOCKLAB_DATA_DIR", data.path())
            .timeout(LIMIT)
            .args(["lesson", "solution", id])
            .output()
            .expect("solution");
        assert!(program.status.success(), "no solution for {id}");
        completes(id, &String::from_utf8_lossy(&program.stdout));
    }
}
