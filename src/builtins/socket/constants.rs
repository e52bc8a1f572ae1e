//! The socket module's constants: `AF_INET` and friends as CPython's IntEnum and IntFlag
//! members (`AddressFamily`, `SocketKind`, `MsgFlag`, `AddressInfo`), and option names.

use super::*;

pub struct EnumMember {
    pub class: Arc<Class>,
    pub name: Arc<str>,
    pub value: i64,
}

/// IntFlag classes: `|`, `&`, `^` of members give members (composite names).
pub(super) fn is_flag(class: &Class) -> bool {
    matches!(&*class.name, "MsgFlag" | "AddressInfo")
}

impl NativeObject for EnumMember {
    fn class(&self) -> Arc<Class> {
        self.class.clone()
    }
    fn repr(&self) -> String {
        if self.name.is_empty() {
            return format!("<{}: {}>", self.class.name, self.value);
        }
        format!("<{}.{}: {}>", self.class.name, self.name, self.value)
    }
    fn str(&self) -> Option<String> {
        Some(self.value.to_string())
    }
    fn as_int(&self) -> Option<i64> {
        Some(self.value)
    }
    fn binary_op(&self, op: &str, other: &Value) -> Option<Value> {
        if !is_flag(&self.class) {
            return None;
        }
        let o = match other {
            Value::Int(i) => *i,
            Value::Native(n) => {
                let m = n.as_any().downcast_ref::<EnumMember>()?;
                if !Arc::ptr_eq(&m.class, &self.class) {
                    return None;
                }
                m.value
            }
            _ => return None,
        };
        let v = match op {
            "|" => self.value | o,
            "&" => self.value & o,
            "^" => self.value ^ o,
            _ => return None,
        };
        Some(member(enum_name_static(&self.class.name), v))
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "name" if self.name.is_empty() => Some(Ok(Value::None)),
            "name" => Some(Ok(Value::Str(self.name.clone()))),
            "value" => Some(Ok(Value::Int(self.value))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        match name {
            "__eq__" => Some(
                crate::interp::ops::eq(ctx, &Value::Int(self.value), &args[0]).map(Value::Bool),
            ),
            "__bool__" => Some(Ok(Value::Bool(self.value != 0))),
            _ => None,
        }
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["name", "value"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub(super) fn enum_class(name: &'static str) -> Arc<Class> {
    static CLASSES: OnceLock<Vec<Arc<Class>>> = OnceLock::new();
    let all = CLASSES.get_or_init(|| {
        ["AddressFamily", "SocketKind", "MsgFlag", "AddressInfo"]
            .iter()
            .map(|n| {
                types::make_class(
                    n,
                    "socket",
                    vec![types::class("int")],
                    Native::Enum,
                    Default::default(),
                )
            })
            .collect()
    });
    all.iter()
        .find(|c| &*c.name == name)
        .cloned()
        .unwrap_or_else(|| types::class("int"))
}

/// Every constant of the module: the ones all Unix systems have, then those of this
/// system (`net::sys::CONSTANTS`: on Linux all of CPython's) not among them.
pub(super) static CONSTANTS: std::sync::LazyLock<Vec<(&str, i64, &str)>> =
    std::sync::LazyLock::new(|| {
        let mut all = PORTABLE_CONSTANTS.to_vec();
        for c in net::sys::CONSTANTS {
            if !PORTABLE_CONSTANTS.iter().any(|p| p.0 == c.0) {
                all.push(*c);
            }
        }
        all
    });

/// (name, value, enum class or "" for a plain int)
pub(super) const PORTABLE_CONSTANTS: &[(&str, i64, &str)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64, "AddressFamily"),
    ("AF_INET", libc::AF_INET as i64, "AddressFamily"),
    ("AF_INET6", libc::AF_INET6 as i64, "AddressFamily"),
    ("AF_UNIX", libc::AF_UNIX as i64, "AddressFamily"),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64, "SocketKind"),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64, "SocketKind"),
    ("SOCK_RAW", libc::SOCK_RAW as i64, "SocketKind"),
    ("SOCK_RDM", libc::SOCK_RDM as i64, "SocketKind"),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64, "SocketKind"),
    ("MSG_PEEK", libc::MSG_PEEK as i64, "MsgFlag"),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64, "MsgFlag"),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64, "MsgFlag"),
    ("MSG_OOB", libc::MSG_OOB as i64, "MsgFlag"),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64, "AddressInfo"),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64, "AddressInfo"),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64, "AddressInfo"),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64, "AddressInfo"),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64, "AddressInfo"),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64, "AddressInfo"),
    ("AI_ALL", libc::AI_ALL as i64, "AddressInfo"),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64, ""),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64, ""),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64, ""),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64, ""),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64, ""),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64, ""),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64, ""),
    ("SO_ERROR", libc::SO_ERROR as i64, ""),
    ("SO_TYPE", libc::SO_TYPE as i64, ""),
    ("SO_LINGER", libc::SO_LINGER as i64, ""),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64, ""),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64, ""),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64, ""),
    ("SO_DEBUG", libc::SO_DEBUG as i64, ""),
    ("SO_DONTROUTE", libc::SO_DONTROUTE as i64, ""),
    ("SO_OOBINLINE", libc::SO_OOBINLINE as i64, ""),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64, ""),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64, ""),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64, ""),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64, ""),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64, ""),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64, ""),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64, ""),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64, ""),
    ("IP_TTL", libc::IP_TTL as i64, ""),
    ("IP_TOS", libc::IP_TOS as i64, ""),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL as i64, ""),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP as i64, ""),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP as i64, ""),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64, ""),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64, ""),
    ("TCP_MAXSEG", libc::TCP_MAXSEG as i64, ""),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64, ""),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64, ""),
    ("SHUT_RD", libc::SHUT_RD as i64, ""),
    ("SHUT_WR", libc::SHUT_WR as i64, ""),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64, ""),
    ("INADDR_ANY", 0, ""),
    ("INADDR_BROADCAST", 0xffff_ffff, ""),
    ("INADDR_LOOPBACK", 0x7f00_0001, ""),
    ("INADDR_NONE", 0xffff_ffff, ""),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64, ""),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64, ""),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64, ""),
    ("NI_DGRAM", libc::NI_DGRAM as i64, ""),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64, ""),
    ("SOMAXCONN", libc::SOMAXCONN as i64, ""),
    ("EAI_NONAME", libc::EAI_NONAME as i64, ""),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64, ""),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64, ""),
    ("EAI_FAIL", libc::EAI_FAIL as i64, ""),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64, ""),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64, ""),
];

/// The value CPython gives a constant: an enum member or a plain int.
pub fn constant(value: i64, enum_name: &str) -> Value {
    if enum_name.is_empty() {
        return Value::Int(value);
    }
    member(enum_name_static(enum_name), value)
}

/// The one member of an enum with this value (members are singletons, so
/// `s.family is AF_INET`); flag values that are no single member get a composite
/// name (`AI_PASSIVE|AI_NUMERICHOST`); other values stay plain ints.
pub(super) fn member(enum_name: &'static str, value: i64) -> Value {
    static MEMBERS: OnceLock<Mutex<std::collections::HashMap<(&'static str, i64), Value>>> =
        OnceLock::new();
    let table = MEMBERS.get_or_init(|| Mutex::new(std::collections::HashMap::new()));
    if let Some(v) = table.lock().get(&(enum_name, value)) {
        return v.clone();
    }
    let class = enum_class(enum_name);
    let exact = CONSTANTS
        .iter()
        .find(|(_, v, e)| *v == value && *e == enum_name)
        .map(|(n, _, _)| n.to_string());
    let name = match exact {
        Some(n) => n,
        // IntFlag: the members whose bits are set, lowest first, then any bits left
        // over as a number (`MSG_OOB|MSG_PEEK`); 0 has no name (`<MsgFlag: 0>`).
        None if is_flag(&class) => {
            let mut parts: Vec<(i64, &str)> = CONSTANTS
                .iter()
                .filter(|(_, v, e)| {
                    *e == enum_name && *v > 0 && v & value == *v && v.count_ones() == 1
                })
                .map(|(n, v, _)| (*v, *n))
                .collect();
            parts.sort();
            parts.dedup_by_key(|p| p.0);
            let covered = parts.iter().fold(0, |a, p| a | p.0);
            let mut names: Vec<String> = parts.iter().map(|p| p.1.to_string()).collect();
            if value & !covered != 0 {
                if value < 0 {
                    return Value::Int(value);
                }
                names.push((value & !covered).to_string());
            }
            names.join("|")
        }
        None => return Value::Int(value),
    };
    let v = Value::Native(Arc::new(EnumMember {
        class,
        name: Arc::from(name),
        value,
    }));
    table.lock().insert((enum_name, value), v.clone());
    v
}

/// `socket.AddressFamily(2)`: the member with that value, or CPython's ValueError.
pub fn enum_call(ctx: &mut Ctx, cls: &Arc<Class>, args: &[Value]) -> R<Value> {
    arg_count(ctx, &cls.name, args, 1, 1)?;
    let v = to_i64(ctx, &args[0], "")?;
    match member(enum_name_static(&cls.name), v) {
        m @ Value::Native(_) => Ok(m),
        _ => Err(ctx.value_error(format!("{} is not a valid {}", v, cls.name))),
    }
}

pub(super) fn enum_name_static(n: &str) -> &'static str {
    match n {
        "AddressFamily" => "AddressFamily",
        "SocketKind" => "SocketKind",
        "MsgFlag" => "MsgFlag",
        _ => "AddressInfo",
    }
}

// ---------------------------------------------------------------------------------
// The module

pub(super) fn option_name(level: i32, opt: i32) -> String {
    let want_level = match level {
        libc::SOL_SOCKET => "SO_",
        libc::IPPROTO_TCP => "TCP_",
        libc::IPPROTO_IP => "IP_",
        libc::IPPROTO_IPV6 => "IPV6_",
        _ => "",
    };
    CONSTANTS
        .iter()
        .find(|(n, v, e)| {
            e.is_empty() && !want_level.is_empty() && n.starts_with(want_level) && *v == opt as i64
        })
        .map_or(format!("{level}/{opt}"), |(n, _, _)| n.to_string())
}
