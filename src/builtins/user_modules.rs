//! A program's own modules: `import helpers` with `helpers.py` beside the script (or,
//! in the REPL, in the current folder), and packages (a folder with `__init__.py`).
//!
//! As CPython does: the folders of `sys.path` are searched in order (its first entry is
//! the script's folder, or `''`, the current folder, for the REPL and standard input);
//! `NAME.py` or `NAME/__init__.py` is read, compiled and run once, in its own globals
//! with `__name__` and `__file__`, and cached in `sys.modules`' place, so a second
//! import is the same module object. `import a.b` loads `a`, then `a/b.py`, and makes
//! `b` an attribute of `a`. A module with a syntax error fails the import with CPython's
//! report, naming the module's file.

use crate::interp::value::{Module, Value};
use crate::interp::{Ctx, Exc, Globals, R};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The folders `import` searches: `sys.path`'s strings, as the program may have changed
/// them (`sys.path.append(...)`).
fn search_path(ctx: &mut Ctx) -> Vec<PathBuf> {
    let Ok(sys) = super::import_module(ctx, "sys") else {
        return vec![PathBuf::new()];
    };
    let Ok(Value::List(items)) = &crate::interp::exec::getattr(ctx, &sys, "path") else {
        return Vec::new();
    };
    let items = items.lock().clone();
    items
        .iter()
        .filter_map(|v| match v {
            Value::Str(s) => Some(PathBuf::from(&**s)),
            _ => None,
        })
        .collect()
}

/// `sys.path[0]` as CPython sets it: the folder of the script, made absolute, or `''`
/// (the current folder) for the REPL, `-c` and standard input.
pub fn first_path_entry(argv0: &str) -> String {
    if argv0.is_empty() || argv0 == "-" || argv0 == "-c" {
        return String::new();
    }
    let script = Path::new(argv0);
    let absolute = std::path::absolute(script).unwrap_or_else(|_| script.to_path_buf());
    absolute
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default()
}

/// Where a module's source is, in one folder: `NAME.py`, or `NAME/__init__.py` for a
/// package (then also its folder, for its submodules).
fn find_in(dir: &Path, name: &str) -> Option<(PathBuf, Option<PathBuf>)> {
    let base = if dir.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        dir.to_path_buf()
    };
    let package = base.join(name);
    let init = package.join("__init__.py");
    if init.is_file() {
        return Some((init, Some(package)));
    }
    let file = base.join(format!("{name}.py"));
    file.is_file().then_some((file, None))
}

/// Load the top-level module `name` from `sys.path`, if one of its folders has it.
pub fn load_top(ctx: &mut Ctx, name: &str) -> R<Option<Value>> {
    if !is_identifier(name) {
        return Ok(None);
    }
    for dir in search_path(ctx) {
        if let Some((file, package)) = find_in(&dir, name) {
            return load(ctx, name, &file, package).map(Some);
        }
    }
    Ok(None)
}

/// Load `parent.part` from a package's folder, if it has it.
pub fn load_submodule(ctx: &mut Ctx, parent: &Value, dotted: &str, part: &str) -> R<Option<Value>> {
    let Value::Module(m) = parent else {
        return Ok(None);
    };
    let Some(Value::List(dirs)) = &m.globals.get("__path__") else {
        return Ok(None);
    };
    let dirs: Vec<PathBuf> = dirs
        .lock()
        .iter()
        .filter_map(|v| match v {
            Value::Str(s) => Some(PathBuf::from(&**s)),
            _ => None,
        })
        .collect();
    for dir in dirs {
        if let Some((file, package)) = find_in(&dir, part) {
            let module = load(ctx, dotted, &file, package)?;
            m.globals.set(part, module.clone());
            return Ok(Some(module));
        }
    }
    Ok(None)
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Read, compile and run one module file, cached under `dotted` before it runs (so an
/// import cycle sees the module being made, as in CPython).
fn load(ctx: &mut Ctx, dotted: &str, file: &Path, package: Option<PathBuf>) -> R<Value> {
    let shown = std::path::absolute(file)
        .unwrap_or_else(|_| file.to_path_buf())
        .display()
        .to_string();
    let bytes = std::fs::read(file).map_err(|e| {
        ctx.err(
            "ImportError",
            format!("cannot read module {dotted} from {shown}: {e}"),
        )
    })?;
    let globals = Globals::new(dotted);
    globals.set("__name__", Value::str(dotted));
    globals.set("__file__", Value::str(&shown));
    if let Some(dir) = &package {
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.clone());
        globals.set(
            "__path__",
            Value::list(vec![Value::str(&dir.display().to_string())]),
        );
        globals.set("__package__", Value::str(dotted));
    } else {
        let parent = dotted.rsplit_once('.').map_or("", |(p, _)| p);
        globals.set("__package__", Value::str(parent));
    }
    let (src, code) = match crate::syntax::decode_source(&shown, bytes) {
        Ok(src) => match crate::interp::compile(&src, &globals) {
            Ok(code) => (src, code),
            Err(e) => return Err(syntax_error(ctx, &src, &e)),
        },
        Err((src, e)) => return Err(syntax_error(ctx, &src, &e)),
    };
    let module = Value::Module(Arc::new(Module {
        name: Arc::from(dotted),
        globals: globals.clone(),
    }));
    ctx.interp
        .modules
        .lock()
        .insert(Arc::from(dotted), module.clone());
    if let Err(e) = crate::interp::run_module(ctx, &code, &globals, &src) {
        // A module that failed is not kept: the next import tries again, as in CPython.
        ctx.interp.modules.lock().remove(dotted);
        return Err(e);
    }
    // The module's functions hold their own parts of the tree (`Arc<FuncDef>`).
    drop(code);
    Ok(module)
}

/// A syntax error in an imported file, as the exception the `import` raises: its report
/// (file, line, caret, message) follows the importing program's traceback.
fn syntax_error(
    ctx: &Ctx,
    src: &crate::syntax::Source,
    e: &crate::syntax::SyntaxError,
) -> Box<Exc> {
    let file = Path::new(&src.name)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut exc = ctx.err(
        e.kind.class_name(),
        format!("{} ({file}, line {})", e.msg, e.line),
    );
    exc.syntax_report = Some(e.render(src));
    exc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_path_entry_is_the_script_s_folder() {
        assert_eq!(first_path_entry(""), "");
        assert_eq!(first_path_entry("-"), "");
        assert_eq!(first_path_entry("/srv/lab/prog.py"), "/srv/lab");
        let here = std::env::current_dir().expect("cwd");
        assert_eq!(first_path_entry("prog.py"), here.display().to_string());
    }

    #[test]
    fn module_names_are_identifiers() {
        assert!(is_identifier("helpers"));
        assert!(is_identifier("_private2"));
        assert!(!is_identifier("../etc"));
        assert!(!is_identifier("2x"));
        assert!(!is_identifier(""));
    }
}
