//! The house's layout (issue 11, items 1, 4 and 8), checked from the sources:
//!
//! - the layers depend one way: `interp`, `syntax` and `net` name no `builtins` (the
//!   core runs with the library it is given), and no lower layer names a front end;
//! - every module folder opens with its map: each submodule it declares is named in
//!   its `//!` lines.
//!
//! Comments and string literals are left out of the scan, so a doc comment naming
//! `builtins::library()` is not a use.

use std::path::{Path, PathBuf};

/// Source lines with comments (`//`, `///`, `//!`) left out, and string literals
/// blanked, so a doc comment naming `builtins::library()` does not count as a use.
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).expect("readable source");
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let code = match line.find("//") {
                Some(at) => &line[..at],
                None => line,
            };
            let mut out = String::new();
            let mut in_string = false;
            for c in code.chars() {
                if c == '"' {
                    in_string = !in_string;
                }
                if !in_string {
                    out.push(c);
                }
            }
            (!out.trim().is_empty()).then_some((i + 1, out))
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Lines of `layer` that name one of `forbidden` as a crate module: `crate::m`,
/// `super::...::m` reaching the crate root, or `m` inside a `use crate::{...}` group.
fn uses_of(layer: &str, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let dir = root.join(layer);
    if dir.is_dir() {
        rust_files(&dir, &mut files);
    }
    let single = root.join(format!("{layer}.rs"));
    if single.is_file() {
        files.push(single);
    }
    assert!(!files.is_empty(), "no sources for {layer}");
    let mut found = Vec::new();
    for file in files {
        let mut in_group = false;
        for (n, line) in code_lines(&file) {
            let squeezed: String = line.split_whitespace().collect();
            if squeezed.contains("usecrate::{") {
                in_group = true;
            }
            for m in forbidden {
                let named = squeezed.contains(&format!("crate::{m}::"))
                    || squeezed.contains(&format!("crate::{m};"))
                    || squeezed.contains(&format!("crate::{m}}}"))
                    || squeezed.contains(&format!("crate::{m},"))
                    || (in_group
                        && squeezed
                            .split([',', '{', '}', ':', ';'])
                            .any(|part| part == *m));
                if named {
                    found.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
            if in_group && squeezed.contains("};") {
                in_group = false;
            }
        }
    }
    found
}

#[test]
fn the_core_names_no_built_in_module() {
    for layer in ["interp", "syntax", "net"] {
        let found = uses_of(layer, &["builtins"]);
        assert!(
            found.is_empty(),
            "{layer} names builtins:\n{}",
            found.join("\n")
        );
    }
}

#[test]
fn no_lower_layer_names_a_front_end() {
    let front_ends = ["repl", "session", "runner", "lesson", "labs"];
    for layer in ["syntax", "interp", "builtins", "net", "view"] {
        let found = uses_of(layer, &front_ends);
        assert!(
            found.is_empty(),
            "{layer} names a front end:\n{}",
            found.join("\n")
        );
    }
}

/// The scan itself finds a use when there is one (so the tests above cannot pass by
/// reading nothing).
#[test]
fn the_layer_scan_sees_real_uses() {
    assert!(!uses_of("session", &["interp"]).is_empty());
    assert!(!uses_of("repl", &["session"]).is_empty());
}

/// The files that hold a module folder's map: `mod.rs`, or `x.rs` beside a folder `x/`.
fn folder_modules() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "mod.rs") || f.with_extension("").is_dir())
        .collect()
}

#[test]
fn every_module_folder_opens_with_its_map() {
    let folders = folder_modules();
    assert!(
        folders.len() >= 10,
        "only {} module folders found",
        folders.len()
    );
    let mut missing = Vec::new();
    for file in folders {
        let text = std::fs::read_to_string(&file).expect("readable source");
        assert!(
            text.starts_with("//!"),
            "{} does not open with its map",
            file.display()
        );
        let map: String = text
            .lines()
            .filter(|l| l.starts_with("//!"))
            .collect::<Vec<_>>()
            .join("\n");
        for line in text.lines() {
            let line = line.trim();
            let declared = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("mod "))
                .and_then(|rest| rest.strip_suffix(';'));
            if let Some(name) = declared {
                let named = map.contains(&format!("`{name}`"))
                    || map.contains(&format!("`{name}/`"))
                    || map.contains(&format!("`{name}.rs`"))
                    || map.contains(&format!("`{name}::"))
                    || map.contains(&format!("`{name}`/"));
                if !named {
                    missing.push(format!("{}: mod {name}", file.display()));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "submodules missing from their folder's map:\n{}",
        missing.join("\n")
    );
}
