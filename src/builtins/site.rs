//! What CPython's `site` module adds to the built-ins (`_sitebuiltins`): `quit` and `exit`,
//! which typed bare say how to leave and called leave, and `help`, answered from
//! socklab's `:help` registry instead of pydoc. The registry sits above the interpreter
//! (`crate::help`), so whoever runs programs hands its answer in with [`answer_help_with`].

use super::functions::{sys_exit, write_stdout};
use crate::interp::types;
use crate::interp::value::{Class, Name, Native, NativeObject, Value};
use crate::interp::{Ctx, R};
use std::any::Any;
use std::sync::{Arc, OnceLock};

/// What `help()` and `help(obj)` print.
pub type HelpFn = fn(Option<&Value>) -> String;

static HELP: OnceLock<HelpFn> = OnceLock::new();

/// Answer `help(...)` with `f` (the session and `socklab run` pass `crate::help`'s).
pub fn answer_help_with(f: HelpFn) {
    let _ = HELP.set(f);
}

/// `quit` or `exit`.
struct Quitter {
    name: &'static str,
}

/// `help`.
struct Helper;

fn class_of(name: &'static str) -> Arc<Class> {
    static C: OnceLock<[Arc<Class>; 2]> = OnceLock::new();
    let [quitter, helper] = C.get_or_init(|| {
        ["Quitter", "_Helper"].map(|n| {
            types::make_class(
                n,
                "_sitebuiltins",
                vec![types::class("object")],
                Native::Other,
                Default::default(),
            )
        })
    });
    if name == "Quitter" {
        quitter.clone()
    } else {
        helper.clone()
    }
}

/// The built-ins `quit`, `exit` and `help`.
pub fn builtins() -> [(&'static str, Value); 3] {
    [
        ("quit", Value::Native(Arc::new(Quitter { name: "quit" }))),
        ("exit", Value::Native(Arc::new(Quitter { name: "exit" }))),
        ("help", Value::Native(Arc::new(Helper))),
    ]
}

impl NativeObject for Quitter {
    fn class(&self) -> Arc<Class> {
        class_of("Quitter")
    }
    fn repr(&self) -> String {
        format!("Use {}() or Ctrl-D (i.e. EOF) to exit", self.name)
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, _name: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        (name == "__call__").then(|| sys_exit(ctx, args, kwargs))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl NativeObject for Helper {
    fn class(&self) -> Arc<Class> {
        class_of("_Helper")
    }
    fn repr(&self) -> String {
        "Type help() for interactive help, or help(object) for help about object.".into()
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, _name: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        kwargs: &[(Name, Value)],
    ) -> Option<R<Value>> {
        if name != "__call__" {
            return None;
        }
        Some((|| {
            if !kwargs.is_empty() || args.len() > 1 {
                return Err(ctx.type_error(format!(
                    "_Helper.__call__() takes from 1 to 2 positional arguments but {} were given",
                    args.len() + 1
                )));
            }
            let text = match HELP.get() {
                Some(f) => f(args.first()),
                None => "socklab answers help with :help at its prompt\n".to_string(),
            };
            write_stdout(ctx, &text)?;
            Ok(Value::None)
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}
