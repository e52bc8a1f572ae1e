//! `socket.makefile()`: a buffered file-like view of a connected socket.

use super::*;

#[derive(Default)]
pub(super) struct FileState {
    pub(super) rbuf: Vec<u8>,
    pub(super) wbuf: Vec<u8>,
    pub(super) eof: bool,
    pub(super) closed: bool,
}

pub struct SocketFile {
    pub(super) sock: Arc<Sock>,
    pub(super) mode: String,
    pub(super) reading: bool,
    pub(super) writing: bool,
    pub(super) binary: bool,
    pub(super) unbuffered: bool,
    pub(super) state: Mutex<FileState>,
}

/// CPython's `io.DEFAULT_BUFFER_SIZE`.
pub(super) const FILE_BUFFER: usize = 8192;

impl SocketFile {
    fn kind(&self) -> &'static str {
        if !self.binary {
            "TextIOWrapper"
        } else if self.unbuffered {
            "SocketIO"
        } else {
            match (self.reading, self.writing) {
                (true, true) => "BufferedRWPair",
                (true, false) => "BufferedReader",
                _ => "BufferedWriter",
            }
        }
    }

    /// The error for using a closed file, worded as each io type words it.
    fn closed_error(&self, ctx: &Ctx, op: &str) -> Box<Exc> {
        if self.binary && !self.unbuffered {
            ctx.value_error(format!("{op} of closed file").replace("write of", "write to"))
        } else {
            ctx.value_error("I/O operation on closed file.")
        }
    }

    fn fill(&self, ctx: &mut Ctx) -> R<bool> {
        let s = &self.sock;
        let mut buf: Vec<MaybeUninit<u8>> = vec![MaybeUninit::uninit(); FILE_BUFFER];
        let n = reading(ctx, s, false, |os| os.recv(&mut buf))?;
        // SAFETY: the kernel initialised the first `n` bytes.
        let data: Vec<u8> = buf[..n]
            .iter()
            .map(|b| unsafe { b.assume_init() })
            .collect();
        s.traffic.received(n, false, !ctx.interp.is_shared());
        if !s.observed() {
        } else if n == 0 {
            s.record(net::EventKind::PeerClosed {
                peer: peer_of(s),
                through_file: true,
            });
        } else if s.traffic_observed() {
            s.record(net::EventKind::Received {
                bytes: n,
                from: peer_of(s),
                datagram: false,
                peeked: false,
                through_file: true,
            });
        }
        let mut st = self.state.lock();
        if n == 0 {
            st.eof = true;
        }
        if self.binary {
            st.rbuf.extend_from_slice(&data);
        } else {
            // Text mode reads with universal newlines: \r\n and \r become \n.
            let mut i = 0;
            while i < data.len() {
                if data[i] == b'\r' {
                    st.rbuf.push(b'\n');
                    if data.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                } else {
                    st.rbuf.push(data[i]);
                }
                i += 1;
            }
        }
        Ok(n > 0)
    }

    fn out(&self, data: Vec<u8>) -> Value {
        if self.binary {
            Value::Bytes(data.into())
        } else {
            Value::string(String::from_utf8_lossy(&data).into_owned())
        }
    }

    fn check_open(&self, ctx: &Ctx, op: &str) -> R<()> {
        if self.state.lock().closed {
            return Err(self.closed_error(ctx, op));
        }
        Ok(())
    }

    fn readline(&self, ctx: &mut Ctx, limit: i64) -> R<Value> {
        self.check_open(ctx, "readline")?;
        loop {
            {
                let mut st = self.state.lock();
                let upto = if limit >= 0 {
                    (limit as usize).min(st.rbuf.len())
                } else {
                    st.rbuf.len()
                };
                if let Some(p) = st.rbuf[..upto].iter().position(|&b| b == b'\n') {
                    let line: Vec<u8> = st.rbuf.drain(..=p).collect();
                    drop(st);
                    return Ok(self.out(line));
                }
                if (limit >= 0 && st.rbuf.len() >= limit as usize) || st.eof {
                    let take = if limit >= 0 {
                        (limit as usize).min(st.rbuf.len())
                    } else {
                        st.rbuf.len()
                    };
                    let line: Vec<u8> = st.rbuf.drain(..take).collect();
                    drop(st);
                    return Ok(self.out(line));
                }
            }
            self.fill(ctx)?;
        }
    }

    fn read(&self, ctx: &mut Ctx, n: i64) -> R<Value> {
        self.check_open(ctx, "read")?;
        loop {
            {
                let mut st = self.state.lock();
                if n >= 0 && st.rbuf.len() >= n as usize {
                    let data: Vec<u8> = st.rbuf.drain(..n as usize).collect();
                    drop(st);
                    return Ok(self.out(data));
                }
                if st.eof {
                    let data: Vec<u8> = st.rbuf.drain(..).collect();
                    drop(st);
                    return Ok(self.out(data));
                }
            }
            self.fill(ctx)?;
        }
    }

    fn flush(&self, ctx: &mut Ctx) -> R<()> {
        let data = std::mem::take(&mut self.state.lock().wbuf);
        if data.is_empty() {
            return Ok(());
        }
        let s = &self.sock;
        let mut sent = 0;
        while sent < data.len() {
            sent += blocking(ctx, s, false, |os| {
                os.send_with_flags(&data[sent..], net::sys::NO_SIGNAL)
            })?;
        }
        s.traffic.sent(sent, false, !ctx.interp.is_shared());
        if s.traffic_observed() {
            s.record(net::EventKind::Sent {
                bytes: sent,
                to: peer_of(s),
                datagram: false,
                through_file: true,
            });
        }
        Ok(())
    }

    fn close(&self, ctx: &mut Ctx) -> R<()> {
        if self.state.lock().closed {
            return Ok(());
        }
        if self.writing {
            self.flush(ctx)?;
        }
        self.state.lock().closed = true;
        let release = {
            let mut st = self.sock.inner.lock();
            st.io_refs = st.io_refs.saturating_sub(1);
            st.io_refs == 0 && st.close_pending
        };
        if release {
            self.sock.close();
        }
        Ok(())
    }
}

impl Drop for SocketFile {
    fn drop(&mut self) {
        let st = self.state.get_mut();
        if !st.closed {
            st.closed = true;
            let mut inner = self.sock.inner.lock();
            inner.io_refs = inner.io_refs.saturating_sub(1);
            let release = inner.io_refs == 0 && inner.close_pending;
            drop(inner);
            if release {
                self.sock.close();
            }
        }
    }
}

/// The io type CPython's `makefile()` returns for each mode.
pub(super) fn file_class(kind: &str) -> Arc<Class> {
    static C: OnceLock<Vec<Arc<Class>>> = OnceLock::new();
    let all = C.get_or_init(|| {
        [
            ("TextIOWrapper", "_io"),
            ("BufferedReader", "_io"),
            ("BufferedWriter", "_io"),
            ("BufferedRWPair", "_io"),
            ("SocketIO", "socket"),
        ]
        .iter()
        .map(|(n, m)| {
            types::make_class(
                n,
                m,
                vec![types::class("object")],
                Native::Other,
                Default::default(),
            )
        })
        .collect()
    });
    all.iter()
        .find(|c| &*c.name == kind)
        .cloned()
        .unwrap_or_else(|| all[0].clone())
}

pub(super) fn unsupported(what: &str) -> Box<Exc> {
    Exc::new(types::new_exception(
        "UnsupportedOperation",
        vec![Value::str(what)],
    ))
}

impl NativeObject for SocketFile {
    fn class(&self) -> Arc<Class> {
        file_class(self.kind())
    }
    fn repr(&self) -> String {
        let fd = self.sock.os().map_or(-1, |o| o.as_raw_fd());
        if self.binary {
            let kind = match (self.reading, self.writing) {
                (true, true) => "BufferedRWPair",
                (true, false) => "BufferedReader",
                _ => "BufferedWriter",
            };
            format!("<_io.{kind} name={fd}>")
        } else {
            format!(
                "<_io.TextIOWrapper name={fd} mode='{}' encoding='utf-8'>",
                self.mode
            )
        }
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        match name {
            "closed" => Some(Ok(Value::Bool(self.state.lock().closed))),
            "mode" => Some(Ok(Value::str(&self.mode))),
            _ => None,
        }
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        this: &Value,
        name: &str,
        a: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        let size = |ctx: &Ctx| -> R<i64> {
            match a.first() {
                None | Some(Value::None) => Ok(-1),
                Some(v) => to_i64(ctx, v, ""),
            }
        };
        Some(match name {
            "readline" if self.reading => size(ctx).and_then(|n| self.readline(ctx, n)),
            "read" if self.reading => size(ctx).and_then(|n| self.read(ctx, n)),
            "readlines" if self.reading => (|| {
                let mut lines = Vec::new();
                loop {
                    let l = self.readline(ctx, -1)?;
                    let empty = match &l {
                        Value::Str(s) => s.is_empty(),
                        Value::Bytes(b) => b.is_empty(),
                        _ => true,
                    };
                    if empty {
                        return Ok(Value::list(lines));
                    }
                    lines.push(l);
                }
            })(),
            "write" if self.writing => (|| {
                arg_count(ctx, "write", a, 1, 1)?;
                // Binary files check the argument's type before whether they are open.
                if self.binary && !matches!(a[0], Value::Bytes(_) | Value::ByteArray(_)) {
                    return Err(ctx.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        type_name(&a[0])
                    )));
                }
                self.check_open(ctx, "write")?;
                let (bytes, count) = match (&a[0], self.binary) {
                    (Value::Str(s), false) => (s.as_bytes().to_vec(), s.chars().count()),
                    (v @ (Value::Bytes(_) | Value::ByteArray(_)), true) => {
                        let b = data_arg(ctx, v)?;
                        let n = b.len();
                        (b, n)
                    }
                    (other, false) => {
                        return Err(ctx.type_error(format!(
                            "write() argument must be str, not {}",
                            type_name(other)
                        )))
                    }
                    (other, true) => {
                        return Err(ctx.type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            type_name(other)
                        )))
                    }
                };
                let full = {
                    let mut st = self.state.lock();
                    st.wbuf.extend_from_slice(&bytes);
                    st.wbuf.len() >= FILE_BUFFER
                };
                if full || self.unbuffered {
                    self.flush(ctx)?;
                }
                Ok(Value::Int(count as i64))
            })(),
            "flush" => self.flush(ctx).map(|_| Value::None),
            "close" => self.close(ctx).map(|_| Value::None),
            "fileno" => Ok(Value::Int(
                self.sock.os().map_or(-1, |o| o.as_raw_fd() as i64),
            )),
            "read" | "readline" | "readlines" => Err(unsupported(if self.binary {
                "read"
            } else {
                "not readable"
            })),
            "write" => Err(unsupported("not writable")),
            "readable" => Ok(Value::Bool(self.reading)),
            "writable" => Ok(Value::Bool(self.writing)),
            "__enter__" => Ok(this.clone()),
            "__exit__" => self.close(ctx).map(|_| Value::None),
            "__iter__" => Ok(this.clone()),
            "__next__" => (|| {
                let l = self.readline(ctx, -1)?;
                let empty = match &l {
                    Value::Str(s) => s.is_empty(),
                    Value::Bytes(b) => b.is_empty(),
                    _ => true,
                };
                if empty {
                    return Err(Exc::new(types::new_exception("StopIteration", vec![])));
                }
                Ok(l)
            })(),
            _ => return None,
        })
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec![
            "readline",
            "read",
            "readlines",
            "write",
            "flush",
            "close",
            "fileno",
            "closed",
            "mode",
        ]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

// ---------------------------------------------------------------------------------
// Module functions
