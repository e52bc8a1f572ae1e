//! The course's lessons 1–10 (`lessons/01-welcome.md` to `lessons/10-request-response.md`)
//! as a student meets them: `socklab learn ID` driven from a pipe.
//!
//! For every lesson, a correct solution that is *not* the model one (the other import
//! style, other names, `sendall` for `send`, another way to compute) completes it: the
//! checks look at the session's state, not at the text typed. And a plausible wrong
//! answer (a str sent instead of bytes, a forgotten `listen`, the wrong port, a guess
//! the slides would suggest) does not pass its step.
//!
//! Every run gets its own `SOCKLAB_DATA_DIR`, so no test touches the real home folder.

use assert_cmd::Command;
use std::path::Path;
use std::time::Duration;

const LIMIT: Duration = Duration::from_secs(60);

fn socklab(data: &Path) -> Command {
    let mut c = Command::cargo_bin("socklab").expect("binary");
    c.env("SOCKLAB_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .env("USER", "tester")
        .timeout(LIMIT);
    c
}

/// Lessons 1–10, in the course's order.
const OURS: [&str; 10] = [
    "welcome",
    "layers",
    "addresses",
    "ports-and-services",
    "names",
    "sockets",
    "tcp-client",
    "tcp-server",
    "echo-server",
    "request-response",
];

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    progress: serde_json::Value,
}

/// `socklab learn ID` with `input` as the student's entries.
fn learn(id: &str, input: &str) -> Run {
    let data = tempfile::tempdir().expect("tempdir");
    // From a folder with no lessons in it: the course's ship inside the binary.
    let out = socklab(data.path())
        .current_dir(data.path())
        .args(["learn", id])
        .write_stdin(input)
        .output()
        .expect("learn");
    let progress = std::fs::read(data.path().join("progress.json"))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or(serde_json::Value::Null);
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        progress,
    }
}

/// The lesson is complete at the end of `input`.
fn completes(id: &str, input: &str) {
    let r = learn(id, input);
    assert_eq!(
        r.code,
        Some(0),
        "lesson {id} not completed:\n{}\n{}",
        r.stdout,
        r.stderr
    );
    assert!(
        r.stdout.ends_with(&format!("lesson complete: {id}\n")),
        "{}",
        r.stdout
    );
}

/// `input` reaches step `step` of lesson `id` and ends with a wrong answer to it: the
/// step must not pass, and the lesson must not be complete.
fn does_not_pass(id: &str, step: &str, input: &str) {
    let r = learn(id, input);
    assert_eq!(r.code, Some(1), "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.starts_with("step ") && l.contains(&format!(" {step}: "))),
        "step {step} of {id} never reached:\n{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains(&format!("passed: {step}\n")),
        "the wrong answer passed {id}/{step}:\n{}",
        r.stdout
    );
    assert_ne!(
        r.progress["lessons"][id]["steps"][step]["done"],
        serde_json::Value::Bool(true),
        "progress says {id}/{step} is done"
    );
}

#[test]
fn lessons_one_to_ten_are_in_the_course_in_order() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = socklab(data.path())
        .args(["lesson", "list"])
        .output()
        .expect("list");
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    assert_eq!(&ids[..OURS.len()], OURS, "{ids:?}");
}

#[test]
fn the_course_lints_clean_and_passes_its_check_three_times() {
    let data = tempfile::tempdir().expect("tempdir");
    socklab(data.path())
        .args(["lesson", "lint", "lessons"])
        .assert()
        .success();
    let out = socklab(data.path())
        .args(["lesson", "check", "lessons", "--repeat", "3"])
        .output()
        .expect("check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for id in ["welcome", "tcp-server", "request-response"] {
        assert!(stdout.contains(&format!("ok    {id} (")), "{stdout}");
    }
}

#[test]
fn each_model_solution_piped_into_learn_completes_its_lesson() {
    for id in OURS {
        let data = tempfile::tempdir().expect("tempdir");
        let program = socklab(data.path())
            .args(["lesson", "solution", id])
            .output()
            .expect("solution");
        assert!(program.status.success(), "no solution for {id}");
        completes(id, &String::from_utf8_lossy(&program.stdout));
    }
}

// 1. Welcome

#[test]
fn welcome_another_way() {
    completes(
        "welcome",
        "day = 60 * 60 * 24\n\
         print('Hello, ' + 'network')\n\
         socket.gethostname()\n\
         from socket import *\n\
         hostname = gethostname()\n\
         sock = socket(AF_INET, SOCK_STREAM)\n",
    );
}

#[test]
fn welcome_a_greeting_misspelt_does_not_pass() {
    does_not_pass(
        "welcome",
        "printing",
        "day = 86400\nprint('hello network')\n",
    );
}

#[test]
fn welcome_the_name_without_the_error_first_does_not_pass() {
    does_not_pass(
        "welcome",
        "errors",
        "day = 86400\nprint('Hello, network')\nimport socket\nhostname = socket.gethostname()\n",
    );
}

// 2. Layers

const LAYERS_TO_MAC: &str = "layers = 'Application Transport Network Data-link Physical'.split()\n\
     layer_of = dict(HTTP='Application', TCP='Transport', UDP='Transport', IPv4='Network', ARP='Network', Ethernet='Data link')\n\
     frame = len(b'hello') + 20 + 20 + 14\n\
     a.sendall(b'hello')\n\
     real_frame = 14 + 20 + (20 + 12) + len(b'hello')\n";

#[test]
fn layers_another_way() {
    completes(
        "layers",
        &format!(
            "{LAYERS_TO_MAC}guess = 'trillion'\nmacs = 1 << 48\nipv4, ipv6 = 1 << 32, 1 << 128\n"
        ),
    );
}

#[test]
fn layers_bottom_to_top_does_not_pass() {
    does_not_pass(
        "layers",
        "stack",
        "layers = ['physical', 'data link', 'network', 'transport', 'application']\n",
    );
}

#[test]
fn layers_the_frame_without_tcps_options_does_not_pass() {
    // The textbook's 20-byte TCP header: the captured packet's has 12 bytes of options.
    does_not_pass(
        "layers",
        "real-headers",
        "layers = ['application', 'transport', 'network', 'data link', 'physical']\n\
         layer_of = dict(HTTP='application', TCP='transport', UDP='transport', IPv4='network', ARP='network', Ethernet='data link')\n\
         frame = 59\n\
         a.send(b'hello')\n\
         real_frame = 59\n",
    );
}

#[test]
fn layers_the_slides_quadrillion_does_not_pass() {
    does_not_pass(
        "layers",
        "mac",
        &format!("{LAYERS_TO_MAC}guess = 'quadrillion'\nmacs = 2 ** 48\n"),
    );
}

// 3. Addresses

#[test]
fn addresses_another_way() {
    completes(
        "addresses",
        "from ipaddress import ip_network, ip_address\n\
         net = ip_network('192.168.1.0/255.255.255.0')\n\
         direct = ip_address('192.168.1.200') in net\n\
         routed = not (ip_address('192.168.2.1') in net)\n\
         private = [ip_network(n) for n in ('192.168.0.0/16', '172.16.0.0/12', '10.0.0.0/8')]\n\
         guess = False\n\
         actual = any(ip_address('172.32.0.1') in n for n in private)\n\
         from socket import socket\n\
         sock = socket()\n\
         sock.bind(('127.0.0.1', 0))\n\
         where = sock.getsockname()\n",
    );
}

#[test]
fn addresses_the_wrong_middle_range_does_not_pass() {
    does_not_pass(
        "addresses",
        "private",
        "import ipaddress\n\
         net = ipaddress.ip_network('192.168.1.0/24')\n\
         direct = ipaddress.ip_address('192.168.1.200') in net\n\
         routed = ipaddress.ip_address('192.168.2.1') not in net\n\
         private = [ipaddress.ip_network(n) for n in ['10.0.0.0/8', '172.16.0.0/16', '192.168.0.0/16']]\n",
    );
}

// 4. Ports and services

#[test]
fn ports_and_services_another_way() {
    completes(
        "ports-and-services",
        "from socket import *\n\
         t = socket(AF_INET, SOCK_STREAM)\n\
         t.bind(('localhost', 0))\n\
         port = t.getsockname()[1]\n\
         http_port, ssh_port = getservbyname('http', 'tcp'), getservbyname('ssh', 'tcp')\n\
         names = {}\n\
         for p in [21, 22, 23, 25, 53, 79, 80, 110, 119, 123, 143, 443]:\n    names[p] = getservbyport(p)\n\n\
         host, daytime_port = daytime_address\n\
         c = create_connection(daytime_address)\n",
    );
}

#[test]
fn ports_and_services_https_for_http_does_not_pass() {
    does_not_pass(
        "ports-and-services",
        "byname",
        "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\nport = s.getsockname()[1]\n\
         http_port = socket.getservbyname('https')\nssh_port = socket.getservbyname('ssh')\n",
    );
}

#[test]
fn ports_and_services_the_real_daytime_port_does_not_pass() {
    does_not_pass(
        "ports-and-services",
        "lab-port",
        "import socket\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\nport = s.getsockname()[1]\n\
         http_port = socket.getservbyname('http')\nssh_port = socket.getservbyname('ssh')\n\
         names = {p: socket.getservbyport(p) for p in [21, 22, 23, 25, 53, 79, 80, 110, 119, 123, 143, 443]}\n\
         daytime_port = socket.getservbyname('daytime')\n",
    );
}

// 5. Names (only `localhost` and numeric addresses are ever looked up)

#[test]
fn names_another_way() {
    completes(
        "names",
        "from socket import *\n\
         me = gethostname()\n\
         ip = gethostbyname('127.0.0.1')\n\
         (host, aliases, addresses) = gethostbyname_ex('localhost')\n\
         back = gethostbyaddr('127.0.0.1')\n\
         full = getfqdn('127.0.0.1')\n\
         addr = getaddrinfo('localhost', 'http', AF_INET, SOCK_STREAM)[0][-1]\n\
         name = url.split('//')[1].split('/')[0]\n\
         address = gethostbyname(name)\n",
    );
}

#[test]
fn names_the_whole_tuple_for_one_address_does_not_pass() {
    does_not_pass(
        "names",
        "byname",
        "me = socket.gethostname()\nip = socket.gethostbyname_ex('localhost')\n",
    );
}

// 6. Sockets

#[test]
fn sockets_another_way() {
    completes(
        "sockets",
        "from socket import *\n\
         tcp = socket()\n\
         udp = socket(type=SOCK_DGRAM)\n\
         six = socket(AF_INET6)\n\
         local = socket(AF_UNIX)\n\
         rare = [SOCK_RDM, SOCK_RAW, SOCK_SEQPACKET]\n\
         fd = tcp.fileno()\n\
         for s in (tcp, udp, six, local):\n    s.close()\n\n\
         guess = -1\n\
         now = tcp.fileno()\n",
    );
}

#[test]
fn sockets_a_stream_socket_for_udp_does_not_pass() {
    does_not_pass(
        "sockets",
        "udp",
        "import socket\ntcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n\
         udp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\n",
    );
}

// 7. A TCP client: daytime

#[test]
fn tcp_client_another_way() {
    completes(
        "tcp-client",
        "from socket import *\n\
         s = socket(AF_INET, SOCK_STREAM)\n\
         handshake = 1 + 1 + 1\n\
         s.connect(('127.0.0.1', daytime_address[1]))\n\
         data = s.recv(4096)\n\
         guess = b''\n\
         rest = s.recv(4096)\n\
         s.close()\n\
         date, clock = data.split()[1:3]\n\
         print(f'20{date.decode()} {clock.decode()} UTC')\n",
    );
}

#[test]
fn tcp_client_the_real_daytime_port_does_not_pass() {
    // Port 13 on loopback: refused (or, were something there, not the lab's daytime).
    does_not_pass(
        "tcp-client",
        "connect",
        "import socket\ns = socket.socket()\ns.connect(('127.0.0.1', 13))\n",
    );
}

#[test]
fn tcp_client_two_packets_for_connect_does_not_pass() {
    // "One to ask, one to answer": the handshake has a third.
    does_not_pass(
        "tcp-client",
        "connect",
        "import socket\ns = socket.socket()\nhandshake = 2\ns.connect(daytime_address)\n",
    );
}

#[test]
fn tcp_client_the_raw_line_printed_does_not_pass() {
    does_not_pass(
        "tcp-client",
        "nicely",
        "import socket\ns = socket.socket()\nhandshake = 3\ns.connect(daytime_address)\ndata = s.recv(1024)\n\
         guess = b''\nrest = s.recv(1024)\ns.close()\nprint(data)\n",
    );
}

// 8. A TCP server

#[test]
fn tcp_server_another_way() {
    completes(
        "tcp-server",
        "from socket import *\n\
         srv = socket(AF_INET, SOCK_STREAM)\n\
         srv.bind(('localhost', 0))\n\
         waits = False\n\
         srv.listen(1)\n\
         cli = create_connection(srv.getsockname())\n\
         conn, addr = srv.accept()\n\
         cli.sendall(b'Hello there')\n\
         msg = conn.recv(256)\n\
         cli2 = socket()\n\
         cli2.connect(srv.getsockname())\n\
         conn2, addr2 = srv.accept()\n\
         guess = b''\n\
         cli.close()\n\
         after = conn.recv(256)\n",
    );
}

#[test]
fn tcp_server_a_forgotten_listen_does_not_pass() {
    does_not_pass(
        "tcp-server",
        "listen",
        "srv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nwaits = False\n\
         cli = socket.socket()\ncli.connect(srv.getsockname())\n",
    );
}

#[test]
fn tcp_server_a_str_sent_does_not_pass() {
    does_not_pass(
        "tcp-server",
        "talk",
        "srv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nwaits = False\nsrv.listen(5)\n\
         cli = socket.socket()\ncli.connect(srv.getsockname())\nconn, addr = srv.accept()\n\
         cli.send('Hello there')\n",
    );
}

// 9. The echo server

const ECHO_DEF: &str = "def echo(c):\n    data = c.recv(1024)\n    while data:\n        c.send(data)\n        data = c.recv(1024)\n    c.close()\n\n";

#[test]
fn echo_server_another_way() {
    completes(
        "echo-server",
        &format!(
            "from socket import *\n\
             srv = socket(AF_INET, SOCK_STREAM)\n\
             srv.bind(('127.0.0.1', 0))\n\
             srv.listen(5)\n\
             port = srv.getsockname()[1]\n\
             print('listening on port', port)\n\
             {ECHO_DEF}\
             cli = create_connection(('127.0.0.1', port))\n\
             conn, addr = srv.accept()\n\
             cli.send(b'Hello, world')\n\
             cli.shutdown(SHUT_WR)\n\
             echo(conn)\n\
             data = cli.recv(1024)\n\
             print('Received', data)\n\
             cli.close()\n\
             c2 = socket()\n\
             c2.connect(('127.0.0.1', port))\n\
             c2.sendall(b'one\\ntwo\\n')\n\
             c2.shutdown(SHUT_WR)\n\
             conn, addr = srv.accept()\n\
             echo(conn)\n"
        ),
    );
}

#[test]
fn echo_server_a_str_sent_does_not_pass() {
    does_not_pass(
        "echo-server",
        "send",
        &format!(
            "srv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nsrv.listen(5)\nprint(srv.getsockname()[1])\n\
             {ECHO_DEF}\
             cli = socket.socket()\ncli.connect(srv.getsockname())\nconn, addr = srv.accept()\n\
             cli.sendall('Hello, world')\ncli.shutdown(socket.SHUT_WR)\n"
        ),
    );
}

// 10. Request / response

#[test]
fn request_response_another_way() {
    completes(
        "request-response",
        "import socket\n\
         s = socket.create_connection(http_address)\n\
         s.send(b'GET /index.html HTTP/1.0\\r\\n\\r\\n')\n\
         chunks = []\n\
         while True:\n    c = s.recv(1000)\n    if c == b'':\n        break\n    chunks.append(c)\n\n\
         response = b''.join(chunks)\n\
         s.close()\n\
         head, _, body = response.partition(b'\\r\\n\\r\\n')\n\
         status = head.decode().splitlines()[0]\n\
         headers = dict(l.split(': ', 1) for l in head.decode().split('\\r\\n')[1:])\n\
         length = int(headers['Content-Length'])\n\
         guess = 404\n\
         with socket.create_connection(http_address) as t:\n    t.sendall(b'GET /nosuch.html HTTP/1.0\\r\\n\\r\\n')\n    missing = t.recv(4096).decode().split('\\r\\n')[0]\n\n",
    );
}

#[test]
fn request_response_a_str_request_does_not_pass() {
    does_not_pass(
        "request-response",
        "request",
        "from socket import *\ns = socket(AF_INET, SOCK_STREAM)\ns.connect(http_address)\n\
         s.send('GET /index.html HTTP/1.0\\r\\n\\r\\n')\n",
    );
}

/// Lesson 9's last step as the lesson tells it: the client is `socklab connect` in a
/// second terminal (here a second process), the server the student's `echo` in learn.
#[test]
fn echo_server_serves_socklab_connect_from_a_second_process() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command as Process, Stdio};
    use std::sync::mpsc;

    /// A child process ended when the test ends, whichever way it ends.
    struct Ended(std::process::Child);
    impl Drop for Ended {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    let data = tempfile::tempdir().expect("tempdir");
    let bin = assert_cmd::cargo::cargo_bin("socklab");
    let mut learn = Ended(
        Process::new(&bin)
            .args(["learn", "echo-server"])
            .current_dir(data.path())
            .env("SOCKLAB_DATA_DIR", data.path())
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn learn"),
    );
    let mut to_learn = learn.0.stdin.take().expect("stdin");
    let (lines, from_learn) = mpsc::channel();
    let stdout = learn.0.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    // Read learn's lines until one satisfies `want`; every wait is bounded.
    let wait_for = |want: &dyn Fn(&str) -> bool, seen: &mut Vec<String>| -> String {
        loop {
            match from_learn.recv_timeout(LIMIT) {
                Ok(line) => {
                    seen.push(line.clone());
                    if want(&line) {
                        return line;
                    }
                }
                Err(e) => panic!("learn said no such line ({e}):\n{}", seen.join("\n")),
            }
        }
    };
    let mut seen = Vec::new();
    to_learn
        .write_all(b"srv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\nsrv.listen(5)\nprint(srv.getsockname()[1])\n")
        .expect("write");
    to_learn.flush().expect("flush");
    let port = wait_for(
        &|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_digit()),
        &mut seen,
    );
    to_learn
        .write_all(
            format!(
                "{ECHO_DEF}cli = socket.socket()\ncli.connect(srv.getsockname())\nconn, addr = srv.accept()\n\
                 cli.sendall(b'Hello, world')\ncli.shutdown(socket.SHUT_WR)\necho(conn)\n\
                 data = cli.recv(1024)\nprint('Received', data)\ncli.close()\n"
            )
            .as_bytes(),
        )
        .expect("write");
    to_learn.flush().expect("flush");
    // (Piped learn names the next step when it reads the next entry.)
    wait_for(&|l| l == "passed: reply", &mut seen);

    // The second terminal: `socklab connect 127.0.0.1 PORT`, two lines typed, Ctrl-D.
    let mut connect = Ended(
        Process::new(&bin)
            .args(["connect", "127.0.0.1", &port])
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn connect"),
    );
    let mut typed = connect.0.stdin.take().expect("connect stdin");
    typed.write_all(b"first line\nsecond line\n").expect("type");
    drop(typed);

    to_learn
        .write_all(b"conn, addr = srv.accept()\necho(conn)\n")
        .expect("write");
    drop(to_learn);
    wait_for(&|l| l == "lesson complete: echo-server", &mut seen);
    assert_eq!(learn.0.wait().expect("learn ends").code(), Some(0));
    let mut said = String::new();
    std::io::Read::read_to_string(
        &mut connect.0.stdout.take().expect("connect stdout"),
        &mut said,
    )
    .expect("read connect");
    assert!(connect.0.wait().expect("connect ends").success(), "{said}");
    assert!(
        said.contains("first line\nsecond line\n"),
        "the echo did not come back to socklab connect:\n{said}"
    );
}

/// A student who stops in the middle of a lesson and comes back finds what the steps
/// before made (`srv` bound): learn replays them in the new session.
#[test]
fn a_lesson_resumed_later_has_what_the_earlier_steps_made() {
    let data = tempfile::tempdir().expect("tempdir");
    let first = socklab(data.path())
        .current_dir(data.path())
        .args(["learn", "tcp-server"])
        .write_stdin("srv = socket.socket()\nsrv.bind(('127.0.0.1', 0))\n")
        .output()
        .expect("learn");
    assert!(String::from_utf8_lossy(&first.stdout).contains("passed: bind\n"));
    let again = socklab(data.path())
        .current_dir(data.path())
        .args(["learn", "tcp-server"])
        .write_stdin("waits = False\nsrv.listen(5)\n")
        .output()
        .expect("learn");
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(
        stdout.contains(
            "the steps before this one were replayed with their model solutions\n\
             step 2/7 listen: "
        ),
        "{stdout}"
    );
    assert!(stdout.contains("passed: listen\n"), "{stdout}");
}
