//! Exceptions in flight, and the traceback CPython prints for an uncaught one.

use super::value::{Name, Value};
use super::{Ctx, R};
use crate::syntax::Source;
use std::fmt::Write;
use std::sync::Arc;

/// One frame an exception passed through: where, in which function.
#[derive(Clone)]
pub struct TbEntry {
    pub source: Arc<Source>,
    pub offset: u32,
    pub func: Name,
}

/// A raised exception: the Python exception object, the frames it has unwound
/// (innermost first), and the exception it interrupted, if any.
#[derive(Clone)]
pub struct Exc {
    pub value: Value,
    pub tb: Vec<TbEntry>,
    pub context: Option<Box<Exc>>,
    pub cause: Option<Box<Exc>>,
    pub suppress_context: bool,
    /// The name a `NameError` / `AttributeError` was about, for "did you mean" hints.
    pub hint_name: Option<Name>,
    /// For an AttributeError: the object that lacked the attribute.
    pub attr_obj: Option<Value>,
    /// For a NameError: the names in scope where it happened.
    pub candidates: Option<Vec<Name>>,
    /// For a NameError inside a method whose `self` has that attribute: `self.name`.
    pub self_has_attr: Option<Name>,
    /// For a SyntaxError in an imported file: CPython's report of it (file, line, the
    /// line with its caret, the exception line), which ends the traceback.
    pub syntax_report: Option<String>,
    /// The frame it is in now has its row in `tb` already: an `except` there caught it
    /// (CPython records the frame where the exception is, before any handler runs, so
    /// `traceback.format_exc()` in the handler shows it). Leaving the frame adds no
    /// second row.
    pub frame_recorded: bool,
    /// Frames of socklab's own Python modules standing in for CPython's C code (a
    /// `warnings` filter's "error"), which no traceback shows.
    pub hidden_frames: u8,
}

impl Exc {
    pub fn new(value: Value) -> Box<Exc> {
        Box::new(Exc {
            value,
            tb: Vec::new(),
            context: None,
            cause: None,
            suppress_context: false,
            hint_name: None,
            attr_obj: None,
            syntax_report: None,
            candidates: None,
            self_has_attr: None,
            frame_recorded: false,
            hidden_frames: 0,
        })
    }

    /// The exception leaves a frame: its row in the traceback, unless an `except` in
    /// that frame recorded it already.
    pub fn leave_frame(&mut self, entry: TbEntry) {
        if self.hidden_frames > 0 {
            self.hidden_frames -= 1;
            return;
        }
        if !std::mem::take(&mut self.frame_recorded) {
            self.tb.push(entry);
        }
    }

    pub fn class_name(&self) -> String {
        super::types::type_of(&self.value).name.to_string()
    }

    pub fn is(&self, class_name: &str) -> bool {
        super::types::is_instance_of(&self.value, class_name)
    }
}

/// A `traceback` object (`e.__traceback__`, `sys.exc_info()[2]`): one frame an
/// exception passed through, linked to the next one in (`tb_next`). socklab keeps no
/// frame objects, so it has no `tb_frame`.
pub struct Traceback {
    /// The frames, outermost first.
    pub rows: Arc<[TbEntry]>,
    pub index: usize,
}

impl Traceback {
    /// The traceback of the exception (being handled, or the last handled) whose
    /// value is `value`; None when it has no frames.
    pub fn of(ctx: &Ctx, value: &Value) -> Value {
        let found = ctx
            .handling
            .iter()
            .rev()
            .chain(ctx.last_handled.iter())
            .find(|e| e.value.is(value));
        match found {
            Some(e) if !e.tb.is_empty() => {
                let rows: Vec<TbEntry> = e.tb.iter().rev().cloned().collect();
                Value::Native(Arc::new(Traceback {
                    rows: Arc::from(rows),
                    index: 0,
                }))
            }
            _ => Value::None,
        }
    }

    /// This frame and the ones after it, outermost first.
    pub fn entries(&self) -> &[TbEntry] {
        &self.rows[self.index..]
    }
}

impl super::value::NativeObject for Traceback {
    fn class(&self) -> Arc<super::Class> {
        super::types::class("traceback")
    }
    fn repr(&self) -> String {
        format!("<traceback object at {:#x}>", self as *const Self as usize)
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, name: &str) -> Option<R<Value>> {
        let entry = &self.rows[self.index];
        Some(Ok(match name {
            "tb_lineno" => Value::Int(entry.source.line_of(entry.offset as usize) as i64),
            "tb_next" if self.index + 1 < self.rows.len() => Value::Native(Arc::new(Traceback {
                rows: self.rows.clone(),
                index: self.index + 1,
            })),
            "tb_next" => Value::None,
            _ => return None,
        }))
    }
    fn call_method(
        &self,
        _ctx: &mut Ctx,
        _this: &Value,
        _name: &str,
        _args: &[Value],
        _kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        None
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["tb_lineno", "tb_next"]
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `ExcName: message`, as the last line of a traceback.
pub fn exception_line(ctx: &mut Ctx, value: &Value) -> String {
    let cls = super::types::type_of(value);
    let name = cls.display_name();
    let msg = match super::repr::str(ctx, value) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}")
    }
}

/// The whole report for an uncaught exception, chained ones first.
pub fn render_traceback(ctx: &mut Ctx, exc: &Exc) -> String {
    let mut out = String::new();
    render_into(ctx, exc, &mut out, 0);
    out
}

fn render_into(ctx: &mut Ctx, exc: &Exc, out: &mut String, depth: usize) {
    if depth < 10 {
        if let Some(cause) = &exc.cause {
            render_into(ctx, cause, out, depth + 1);
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let (Some(context), false) = (&exc.context, exc.suppress_context) {
            render_into(ctx, context, out, depth + 1);
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
    }
    if !exc.tb.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for entry in exc.tb.iter().rev() {
            let line = entry.source.line_of(entry.offset as usize);
            let _ = writeln!(
                out,
                "  File \"{}\", line {}, in {}",
                entry.source.name, line, entry.func
            );
            let text = entry.source.line_text(line).trim();
            if !text.is_empty() {
                let _ = writeln!(out, "    {text}");
            }
        }
    }
    match &exc.syntax_report {
        Some(report) => out.push_str(report),
        None => {
            let _ = writeln!(out, "{}", exception_line(ctx, &exc.value));
        }
    }
}

/// Python's `str(e)` for built-in exception classes.
pub fn builtin_str(ctx: &mut Ctx, value: &Value) -> R<String> {
    let Value::Instance(inst) = value else {
        return super::repr::str(ctx, value);
    };
    let args = inst
        .dict
        .lock()
        .get("args")
        .cloned()
        .unwrap_or(Value::tuple(vec![]));
    let args: Vec<Value> = match &args {
        Value::Tuple(t) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let cls = &inst.class;
    if cls.is_subclass_of(&super::types::class("OSError")) {
        let d = inst.dict.lock();
        if let (Some(errno), Some(strerror)) = (d.get("errno"), d.get("strerror")) {
            if !errno.is_none() {
                let (errno, strerror) = (errno.clone(), strerror.clone());
                let filename = d.get("filename").cloned().unwrap_or_default();
                drop(d);
                let e = super::repr::str(ctx, &errno)?;
                let s = super::repr::str(ctx, &strerror)?;
                // `[Errno 2] No such file or directory: 'x'` when a file is named.
                if !filename.is_none() {
                    let f = super::repr::repr(ctx, &filename)?;
                    return Ok(format!("[Errno {e}] {s}: {f}"));
                }
                return Ok(format!("[Errno {e}] {s}"));
            }
        }
    }
    if cls.is_subclass_of(&super::types::class("KeyError")) && args.len() == 1 {
        return super::repr::repr(ctx, &args[0]);
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => super::repr::str(ctx, &args[0]),
        _ => super::repr::repr(ctx, &Value::tuple(args)),
    }
}

/// The process's exit status for a `SystemExit`, as CPython computes it: `None` is 0, an
/// int its low byte, anything else is printed to standard error and gives 1. `None`
/// (no status) for every other exception.
pub fn exit_status(ctx: &mut Ctx, exc: &Exc) -> Option<i32> {
    if !exc.is("SystemExit") {
        return None;
    }
    let code = crate::interp::exec::getattr(ctx, &exc.value, "code").unwrap_or(Value::None);
    Some(match code {
        Value::None => 0,
        Value::Int(i) => (i & 0xff) as i32,
        Value::Bool(b) => b as i32,
        other => {
            let text = crate::interp::repr::str(ctx, &other).unwrap_or_default();
            ctx.interp.write_stderr(&format!("{text}\n"));
            1
        }
    })
}
