//! What CPython keeps per process belongs to each socklab session (issue 11, item 6):
//! two sessions in one process, as the REPL's `:reset`, lesson checks and the book's
//! tests make them, do not see each other's `socket.setdefaulttimeout` or threads.

use socklab::session::{Session, SessionOptions};

fn session() -> Session {
    Session::new(SessionOptions::default()).expect("session")
}

fn printed(s: &mut Session, code: &str) -> String {
    let o = s.run(code);
    assert!(o.ok(), "{code}: {:?}", o.error);
    o.stdout
}

#[test]
fn a_new_session_does_not_inherit_the_default_timeout() {
    let mut first = session();
    printed(&mut first, "import socket\nsocket.setdefaulttimeout(2.5)");
    assert_eq!(
        printed(
            &mut first,
            "print(socket.getdefaulttimeout(), socket.socket().gettimeout())"
        ),
        "2.5 2.5\n"
    );
    let mut second = session();
    assert_eq!(
        printed(
            &mut second,
            "import socket\nprint(socket.getdefaulttimeout(), socket.socket().gettimeout())"
        ),
        "None None\n"
    );
    // And the first keeps its own.
    assert_eq!(
        printed(&mut first, "print(socket.getdefaulttimeout())"),
        "2.5\n"
    );
}

#[test]
fn a_new_session_counts_only_its_own_threads() {
    let mut first = session();
    let started = "import threading, _thread\n\
                   go = threading.Event()\n\
                   t = threading.Thread(target=go.wait)\n\
                   t.start()\n\
                   print(_thread._count(), t.ident)";
    assert_eq!(printed(&mut first, started), "1 2\n");
    // The first session's thread is still waiting while the second one starts its own.
    let mut second = session();
    assert_eq!(printed(&mut second, started), "1 2\n");
    for s in [&mut first, &mut second] {
        assert_eq!(
            printed(s, "go.set()\nt.join()\nprint(t.is_alive())"),
            "False\n"
        );
    }
}
