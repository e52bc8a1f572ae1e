//! The signature of every method of the built-in types, one table per type, sorted by
//! name. Dispatch (`Library::call_method`), `dir()`, `hasattr` and completion all read these
//! tables, so a method is listed exactly when it can be called. Generated from CPython
//! 3.11 (each method's `__text_signature__` and the messages its argument parser gives)
//! and kept by hand since; `tests` below checks that each table is sorted.

use crate::interp::args::{Signature, Style};

const fn sig(
    owner: &'static str,
    name: &'static str,
    style: Style,
    posonly: u8,
    min: u8,
    max: u8,
    params: &'static [&'static str],
) -> Signature {
    Signature {
        name,
        owner,
        style,
        posonly,
        min,
        max,
        params,
    }
}
const fn noargs(owner: &'static str, name: &'static str) -> Signature {
    sig(owner, name, Style::NoArgs, 0, 0, 0, &[])
}
const fn one(owner: &'static str, name: &'static str) -> Signature {
    sig(owner, name, Style::One, 0, 1, 1, &[])
}
const fn positional(owner: &'static str, name: &'static str, min: u8, max: u8) -> Signature {
    sig(owner, name, Style::Positional, 0, min, max, &[])
}
const fn tuple(owner: &'static str, name: &'static str, min: u8, max: u8) -> Signature {
    sig(owner, name, Style::Tuple, 0, min, max, &[])
}
const fn varargs(owner: &'static str, name: &'static str) -> Signature {
    sig(owner, name, Style::VarArgs, 0, 0, 255, &[])
}
const fn own(name: &'static str) -> Signature {
    sig("", name, Style::Own, 0, 0, 255, &[])
}
const fn keywords(
    owner: &'static str,
    name: &'static str,
    posonly: u8,
    min: u8,
    max: u8,
    params: &'static [&'static str],
) -> Signature {
    sig(owner, name, Style::Keywords, posonly, min, max, params)
}
const fn python(
    owner: &'static str,
    name: &'static str,
    min: u8,
    max: u8,
    params: &'static [&'static str],
) -> Signature {
    sig(owner, name, Style::Python, 0, min, max, params)
}

pub const STR: &[Signature] = &[
    noargs("str", "capitalize"),
    noargs("str", "casefold"),
    positional("str", "center", 1, 2),
    tuple("str", "count", 1, 3),
    keywords("str", "encode", 0, 0, 2, &["encoding", "errors"]),
    tuple("str", "endswith", 1, 3),
    keywords("str", "expandtabs", 0, 0, 1, &["tabsize"]),
    tuple("str", "find", 1, 3),
    own("format"),
    one("str", "format_map"),
    tuple("str", "index", 1, 3),
    noargs("str", "isalnum"),
    noargs("str", "isalpha"),
    noargs("str", "isascii"),
    noargs("str", "isdecimal"),
    noargs("str", "isdigit"),
    noargs("str", "isidentifier"),
    noargs("str", "islower"),
    noargs("str", "isnumeric"),
    noargs("str", "isprintable"),
    noargs("str", "isspace"),
    noargs("str", "istitle"),
    noargs("str", "isupper"),
    one("str", "join"),
    positional("str", "ljust", 1, 2),
    noargs("str", "lower"),
    positional("str", "lstrip", 0, 1),
    one("str", "partition"),
    one("str", "removeprefix"),
    one("str", "removesuffix"),
    positional("str", "replace", 2, 3),
    tuple("str", "rfind", 1, 3),
    tuple("str", "rindex", 1, 3),
    positional("str", "rjust", 1, 2),
    one("str", "rpartition"),
    keywords("str", "rsplit", 0, 0, 2, &["sep", "maxsplit"]),
    positional("str", "rstrip", 0, 1),
    keywords("str", "split", 0, 0, 2, &["sep", "maxsplit"]),
    keywords("str", "splitlines", 0, 0, 1, &["keepends"]),
    tuple("str", "startswith", 1, 3),
    positional("str", "strip", 0, 1),
    noargs("str", "swapcase"),
    noargs("str", "title"),
    one("str", "translate"),
    noargs("str", "upper"),
    one("str", "zfill"),
];

pub const BYTES: &[Signature] = &[
    noargs("bytes", "capitalize"),
    positional("bytes", "center", 1, 2),
    tuple("bytes", "count", 1, 3),
    keywords("bytes", "decode", 0, 0, 2, &["encoding", "errors"]),
    tuple("bytes", "endswith", 1, 3),
    keywords("bytes", "expandtabs", 0, 0, 1, &["tabsize"]),
    tuple("bytes", "find", 1, 3),
    keywords("bytes", "hex", 0, 0, 2, &["sep", "bytes_per_sep"]),
    tuple("bytes", "index", 1, 3),
    noargs("bytes", "isalnum"),
    noargs("bytes", "isalpha"),
    noargs("bytes", "isascii"),
    noargs("bytes", "isdigit"),
    noargs("bytes", "islower"),
    noargs("bytes", "isspace"),
    noargs("bytes", "istitle"),
    noargs("bytes", "isupper"),
    one("bytes", "join"),
    positional("bytes", "ljust", 1, 2),
    noargs("bytes", "lower"),
    positional("bytes", "lstrip", 0, 1),
    one("bytes", "partition"),
    one("bytes", "removeprefix"),
    one("bytes", "removesuffix"),
    positional("bytes", "replace", 2, 3),
    tuple("bytes", "rfind", 1, 3),
    tuple("bytes", "rindex", 1, 3),
    positional("bytes", "rjust", 1, 2),
    one("bytes", "rpartition"),
    keywords("bytes", "rsplit", 0, 0, 2, &["sep", "maxsplit"]),
    positional("bytes", "rstrip", 0, 1),
    keywords("bytes", "split", 0, 0, 2, &["sep", "maxsplit"]),
    keywords("bytes", "splitlines", 0, 0, 1, &["keepends"]),
    tuple("bytes", "startswith", 1, 3),
    positional("bytes", "strip", 0, 1),
    noargs("bytes", "swapcase"),
    noargs("bytes", "title"),
    keywords("bytes", "translate", 1, 1, 2, &["table", "delete"]),
    noargs("bytes", "upper"),
    one("bytes", "zfill"),
];

pub const BYTEARRAY: &[Signature] = &[
    one("bytearray", "append"),
    noargs("bytearray", "capitalize"),
    positional("bytearray", "center", 1, 2),
    noargs("bytearray", "clear"),
    noargs("bytearray", "copy"),
    tuple("bytearray", "count", 1, 3),
    keywords("bytearray", "decode", 0, 0, 2, &["encoding", "errors"]),
    tuple("bytearray", "endswith", 1, 3),
    keywords("bytearray", "expandtabs", 0, 0, 1, &["tabsize"]),
    one("bytearray", "extend"),
    tuple("bytearray", "find", 1, 3),
    keywords("bytearray", "hex", 0, 0, 2, &["sep", "bytes_per_sep"]),
    tuple("bytearray", "index", 1, 3),
    positional("bytearray", "insert", 2, 2),
    noargs("bytearray", "isalnum"),
    noargs("bytearray", "isalpha"),
    noargs("bytearray", "isascii"),
    noargs("bytearray", "isdigit"),
    noargs("bytearray", "islower"),
    noargs("bytearray", "isspace"),
    noargs("bytearray", "istitle"),
    noargs("bytearray", "isupper"),
    one("bytearray", "join"),
    positional("bytearray", "ljust", 1, 2),
    noargs("bytearray", "lower"),
    positional("bytearray", "lstrip", 0, 1),
    one("bytearray", "partition"),
    positional("bytearray", "pop", 0, 1),
    one("bytearray", "remove"),
    one("bytearray", "removeprefix"),
    one("bytearray", "removesuffix"),
    positional("bytearray", "replace", 2, 3),
    noargs("bytearray", "reverse"),
    tuple("bytearray", "rfind", 1, 3),
    tuple("bytearray", "rindex", 1, 3),
    positional("bytearray", "rjust", 1, 2),
    one("bytearray", "rpartition"),
    keywords("bytearray", "rsplit", 0, 0, 2, &["sep", "maxsplit"]),
    positional("bytearray", "rstrip", 0, 1),
    keywords("bytearray", "split", 0, 0, 2, &["sep", "maxsplit"]),
    keywords("bytearray", "splitlines", 0, 0, 1, &["keepends"]),
    tuple("bytearray", "startswith", 1, 3),
    positional("bytearray", "strip", 0, 1),
    noargs("bytearray", "swapcase"),
    noargs("bytearray", "title"),
    keywords("bytearray", "translate", 1, 1, 2, &["table", "delete"]),
    noargs("bytearray", "upper"),
    one("bytearray", "zfill"),
];

pub const LIST: &[Signature] = &[
    one("list", "append"),
    noargs("list", "clear"),
    noargs("list", "copy"),
    one("list", "count"),
    one("list", "extend"),
    positional("list", "index", 1, 3),
    positional("list", "insert", 2, 2),
    positional("list", "pop", 0, 1),
    one("list", "remove"),
    noargs("list", "reverse"),
    keywords("list", "sort", 0, 0, 0, &["key", "reverse"]),
];

pub const TUPLE: &[Signature] = &[one("tuple", "count"), positional("tuple", "index", 1, 3)];

pub const DICT: &[Signature] = &[
    noargs("dict", "clear"),
    noargs("dict", "copy"),
    positional("dict", "get", 1, 2),
    noargs("dict", "items"),
    noargs("dict", "keys"),
    positional("dict", "pop", 1, 2),
    noargs("dict", "popitem"),
    positional("dict", "setdefault", 1, 2),
    // Any keywords are items to store: the method checks its positional count itself.
    own("update"),
    noargs("dict", "values"),
];

pub const SET: &[Signature] = &[
    one("set", "add"),
    noargs("set", "clear"),
    noargs("set", "copy"),
    varargs("set", "difference"),
    varargs("set", "difference_update"),
    one("set", "discard"),
    varargs("set", "intersection"),
    varargs("set", "intersection_update"),
    one("set", "isdisjoint"),
    one("set", "issubset"),
    one("set", "issuperset"),
    noargs("set", "pop"),
    one("set", "remove"),
    one("set", "symmetric_difference"),
    one("set", "symmetric_difference_update"),
    varargs("set", "union"),
    varargs("set", "update"),
];

pub const FROZENSET: &[Signature] = &[
    noargs("frozenset", "copy"),
    varargs("frozenset", "difference"),
    varargs("frozenset", "intersection"),
    one("frozenset", "isdisjoint"),
    one("frozenset", "issubset"),
    one("frozenset", "issuperset"),
    one("frozenset", "symmetric_difference"),
    varargs("frozenset", "union"),
];

pub const INT: &[Signature] = &[
    noargs("int", "as_integer_ratio"),
    noargs("int", "bit_count"),
    noargs("int", "bit_length"),
    noargs("int", "conjugate"),
    keywords(
        "int",
        "to_bytes",
        0,
        0,
        2,
        &["length", "byteorder", "signed"],
    ),
];

pub const FLOAT: &[Signature] = &[
    noargs("float", "as_integer_ratio"),
    noargs("float", "conjugate"),
    noargs("float", "hex"),
    noargs("float", "is_integer"),
];

pub const RANGE: &[Signature] = &[one("range", "count"), one("range", "index")];

pub const SLICE: &[Signature] = &[one("slice", "indices")];

/// Functions reached through a type (`int.from_bytes`, `bytes.fromhex`).
pub const TYPE_FUNCTIONS: &[Signature] = &[
    keywords(
        "int",
        "from_bytes",
        0,
        1,
        2,
        &["bytes", "byteorder", "signed"],
    ),
    one("bytearray", "fromhex"),
    one("bytes", "fromhex"),
    one("float", "fromhex"),
    positional("dict", "fromkeys", 1, 2),
    positional("str", "maketrans", 1, 3),
    positional("bytearray", "maketrans", 2, 2),
    positional("bytes", "maketrans", 2, 2),
];

/// The built-in functions (`len`, `print` ...), sorted by name.
pub const BUILTINS: &[Signature] = &[
    keywords(
        "",
        "__import__",
        0,
        1,
        5,
        &["name", "globals", "locals", "fromlist", "level"],
    ),
    one("", "abs"),
    one("", "all"),
    one("", "any"),
    one("", "ascii"),
    one("", "bin"),
    one("", "callable"),
    one("", "chr"),
    positional("", "delattr", 2, 2),
    positional("", "dir", 0, 1),
    positional("", "divmod", 2, 2),
    // enumerate() with no arguments has words of its own: the function binds itself.
    own("enumerate"),
    own("eval"),
    own("exec"),
    own("exit"),
    positional("", "filter", 2, 2),
    positional("", "format", 1, 2),
    positional("", "getattr", 2, 3),
    noargs("", "globals"),
    positional("", "hasattr", 2, 2),
    one("", "hash"),
    one("", "hex"),
    one("", "id"),
    positional("", "input", 0, 1),
    positional("", "isinstance", 2, 2),
    positional("", "issubclass", 2, 2),
    positional("", "iter", 1, 2),
    one("", "len"),
    // map() counts its own arguments ("must have at least two arguments.").
    varargs("", "map"),
    // min, max, print, sorted and zip take keywords besides their positional ones.
    own("max"),
    own("min"),
    positional("", "next", 1, 2),
    one("", "oct"),
    own("open"),
    one("", "ord"),
    keywords("", "pow", 0, 2, 3, &["base", "exp", "mod"]),
    own("print"),
    own("quit"),
    one("", "repr"),
    positional("", "reversed", 1, 1),
    keywords("", "round", 0, 1, 2, &["number", "ndigits"]),
    positional("", "setattr", 3, 3),
    own("sorted"),
    keywords("", "sum", 1, 1, 2, &["iterable", "start"]),
    positional("", "vars", 0, 1),
    own("zip"),
];

/// The constructors of the built-in types (`int(...)`, `str(...)`), sorted by name.
pub const CONSTRUCTORS: &[Signature] = &[
    positional("", "bool", 0, 1),
    keywords("", "bytearray", 0, 0, 3, &["source", "encoding", "errors"]),
    keywords("", "bytes", 0, 0, 3, &["source", "encoding", "errors"]),
    // Keywords are the dict's items: it counts its positional arguments itself.
    own("dict"),
    positional("", "float", 0, 1),
    positional("", "frozenset", 0, 1),
    keywords("", "int", 1, 0, 2, &["x", "base"]),
    positional("", "list", 0, 1),
    positional("", "range", 1, 3),
    positional("", "set", 0, 1),
    positional("", "slice", 1, 3),
    keywords("", "str", 0, 0, 3, &["object", "encoding", "errors"]),
    positional("", "tuple", 0, 1),
];

/// The functions of `time`, sorted by name.
pub const TIME: &[Signature] = &[
    // asctime parses a tuple of arguments: its keyword message names it bare.
    positional("", "asctime", 0, 1),
    tuple("", "ctime", 0, 1),
    tuple("", "gmtime", 0, 1),
    tuple("", "localtime", 0, 1),
    one("time", "mktime"),
    noargs("time", "monotonic"),
    noargs("time", "perf_counter"),
    one("time", "sleep"),
    tuple("", "strftime", 1, 2),
    // strptime is Python code in CPython (_strptime_time): its own messages.
    own("strptime"),
    noargs("time", "time"),
    noargs("time", "time_ns"),
];

/// The functions of `struct` (CPython's messages name it `_struct`), sorted by name.
pub const STRUCT: &[Signature] = &[
    one("_struct", "calcsize"),
    own("iter_unpack"),
    // pack(format, *values) words a missing format its own way.
    own("pack"),
    own("pack_into"),
    positional("_struct", "unpack", 2, 2),
    keywords("", "unpack_from", 1, 2, 3, &["format", "buffer", "offset"]),
];

/// The functions of `sys`, sorted by name.
pub const SYS: &[Signature] = &[
    positional("sys", "exit", 0, 1),
    noargs("sys", "getdefaultencoding"),
    noargs("sys", "getrecursionlimit"),
    one("sys", "setrecursionlimit"),
];

/// The functions of `_thread` (socklab's own helpers, `start_thread`, `Event` and `RLock`, are not CPython's and check themselves), sorted by name.
pub const THREAD: &[Signature] = &[
    noargs("_thread", "_count"),
    noargs("_thread", "allocate_lock"),
    noargs("_thread", "get_ident"),
];

/// The functions of `select`, sorted by name.
pub const SELECT: &[Signature] = &[positional("select", "select", 3, 4)];

/// The methods of `socket.socket` objects, sorted by name.
pub const SOCKET: &[Signature] = &[
    // accept, close, detach, dup and makefile are written in Python in CPython's socket.py.
    python("socket", "accept", 0, 0, &[]),
    one("socket", "bind"),
    python("socket", "close", 0, 0, &[]),
    one("socket", "connect"),
    one("socket", "connect_ex"),
    python("socket", "detach", 0, 0, &[]),
    python("socket", "dup", 0, 0, &[]),
    noargs("socket", "fileno"),
    noargs("socket", "getblocking"),
    noargs("socket", "getpeername"),
    noargs("socket", "getsockname"),
    tuple("socket", "getsockopt", 2, 3),
    noargs("socket", "gettimeout"),
    tuple("socket", "listen", 0, 1),
    python(
        "socket",
        "makefile",
        0,
        2,
        &["mode", "buffering", "encoding", "errors", "newline"],
    ),
    tuple("socket", "recv", 1, 2),
    keywords(
        "socket",
        "recv_into",
        0,
        1,
        3,
        &["buffer", "nbytes", "flags"],
    ),
    tuple("socket", "recvfrom", 1, 2),
    keywords(
        "socket",
        "recvfrom_into",
        0,
        1,
        3,
        &["buffer", "nbytes", "flags"],
    ),
    tuple("socket", "send", 1, 2),
    tuple("socket", "sendall", 1, 2),
    // "sendto() takes 2 or 3 arguments": the method counts its own.
    varargs("socket", "sendto"),
    one("socket", "setblocking"),
    tuple("socket", "setsockopt", 3, 3),
    one("socket", "settimeout"),
    one("socket", "shutdown"),
];

/// The functions of `socket`, sorted by name.
pub const SOCKET_MODULE: &[Signature] = &[
    // create_connection, create_server, getaddrinfo, getfqdn and socketpair are written in
    // Python in CPython's socket.py.
    python(
        "",
        "create_connection",
        1,
        3,
        &["address", "timeout", "source_address", "all_errors"],
    ),
    python(
        "",
        "create_server",
        1,
        1,
        &[
            "address",
            "family",
            "backlog",
            "reuse_port",
            "dualstack_ipv6",
        ],
    ),
    python(
        "",
        "getaddrinfo",
        2,
        6,
        &["host", "port", "family", "type", "proto", "flags"],
    ),
    noargs("_socket", "getdefaulttimeout"),
    python("", "getfqdn", 0, 1, &["name"]),
    tuple("", "gethostbyaddr", 1, 1),
    tuple("", "gethostbyname", 1, 1),
    tuple("", "gethostbyname_ex", 1, 1),
    noargs("_socket", "gethostname"),
    tuple("", "getnameinfo", 2, 2),
    tuple("", "getprotobyname", 1, 1),
    tuple("", "getservbyname", 1, 2),
    tuple("", "getservbyport", 1, 2),
    one("_socket", "htonl"),
    tuple("", "htons", 1, 1),
    tuple("", "inet_aton", 1, 1),
    tuple("", "inet_ntoa", 1, 1),
    tuple("", "inet_ntop", 2, 2),
    tuple("", "inet_pton", 2, 2),
    one("_socket", "ntohl"),
    tuple("", "ntohs", 1, 1),
    one("_socket", "setdefaulttimeout"),
    python("", "socketpair", 0, 3, &["family", "type", "proto"]),
];

/// The declared functions of module `name` (a module not listed declares none yet).
pub fn module_table(name: &str) -> &'static [Signature] {
    match name {
        "time" => TIME,
        "struct" => STRUCT,
        "sys" => SYS,
        "_thread" => THREAD,
        "select" => SELECT,
        "socket" => SOCKET_MODULE,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_table_is_sorted_by_name() {
        for table in [
            super::STR,
            super::BYTES,
            super::BYTEARRAY,
            super::LIST,
            super::TUPLE,
            super::DICT,
            super::SET,
            super::FROZENSET,
            super::INT,
            super::FLOAT,
            super::RANGE,
            super::SLICE,
            super::BUILTINS,
            super::CONSTRUCTORS,
            super::TIME,
            super::STRUCT,
            super::SYS,
            super::THREAD,
            super::SELECT,
        ] {
            assert!(
                table.windows(2).all(|w| w[0].name < w[1].name),
                "{:?}",
                table[0].owner
            );
        }
    }
}
