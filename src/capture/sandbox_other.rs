//! The rootless sandbox on systems other than Linux: there is none (it is made of
//! Linux's user and network namespaces), so `--sandbox` and `--join` say so.

/// No private network here.
pub fn active() -> bool {
    false
}

pub fn enter(_mtu: Option<u32>) -> Result<(), String> {
    Err(why_no_namespace())
}

pub fn join(_pid: u32) -> Result<(), String> {
    Err(why_no_namespace())
}

pub fn join_hint() -> String {
    String::new()
}

pub fn why_no_capture() -> String {
    format!(
        "no packet capture here: seeing packets needs an AF_PACKET socket on loopback. {} \
         Everything else works as usual.",
        why_no_namespace()
    )
}

pub fn why_no_namespace() -> String {
    "socklab's packet view and its private network (--sandbox, --join) need Linux; this \
     system has neither."
        .into()
}
