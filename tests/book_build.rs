//! The whole book (`book/`, with every lesson of `lessons/` included as a chapter) is
//! built with mdBook, with no warning, and every link of the built HTML leads somewhere:
//! to a file of the book, and to an `id` in it when it names one. And every lesson of
//! `lessons/` is a chapter of it, listed in `SUMMARY.md`.
//!
//! mdBook is a program, not a dependency of socklab (as a library it would add its
//! whole build to every `cargo test`): `.ci/run` installs the version below when it is
//! not on PATH yet. Without it, this test fails under CI (`CI` set) and, elsewhere,
//! says how to install it and checks nothing.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The mdBook the book is written for (also in `.ci/run`).
const MDBOOK: &str = "0.5.4";

fn mdbook_version() -> Option<String> {
    let out = Command::new("mdbook").arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn html_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read book output").flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// Every `href="..."` and `src="..."` value in `html`.
fn links(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attr in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            if let Some(end) = rest.find('"') {
                found.push(rest[..end].to_string());
                rest = &rest[end..];
            }
        }
    }
    found
}

/// The `id="..."` values of a page: the targets of `page.html#id`.
fn ids(html: &str) -> HashSet<String> {
    let mut found = HashSet::new();
    let mut rest = html;
    while let Some(at) = rest.find(" id=\"") {
        rest = &rest[at + 5..];
        if let Some(end) = rest.find('"') {
            found.insert(rest[..end].to_string());
        }
    }
    found
}

#[test]
fn the_book_builds_without_warnings_and_its_links_lead_somewhere() {
    match mdbook_version() {
        Some(v) if v.ends_with(MDBOOK) => {}
        other => {
            let msg = format!(
                "mdbook {MDBOOK} is needed to build the book (found: {other:?}); \
                 install it with `cargo install mdbook --locked --version {MDBOOK}` \
                 (.ci/run does)"
            );
            assert!(std::env::var_os("CI").is_none(), "{msg}");
            eprintln!("skipped: {msg}");
            return;
        }
    }
    let book = Path::new(env!("CARGO_MANIFEST_DIR")).join("book");
    let dest = tempfile::tempdir().expect("tempdir");
    let out = Command::new("mdbook")
        .arg("build")
        .arg(&book)
        .arg("--dest-dir")
        .arg(dest.path())
        .env("NO_COLOR", "1")
        .env_remove("RUST_LOG")
        .output()
        .expect("run mdbook");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "mdbook build failed:\n{stderr}");
    let complaints: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("WARN") || l.contains("ERROR"))
        .collect();
    assert!(
        complaints.is_empty(),
        "mdbook warns:\n{}",
        complaints.join("\n")
    );

    let mut pages = Vec::new();
    html_files(dest.path(), &mut pages);
    assert!(pages.len() > 10, "only {} pages built", pages.len());
    let mut id_cache: HashMap<PathBuf, HashSet<String>> = HashMap::new();
    let mut broken = Vec::new();
    let mut checked = 0;
    for page in &pages {
        let html = std::fs::read_to_string(page).expect("read page");
        for link in links(&html) {
            if link.contains("://") || link.starts_with("mailto:") || link.starts_with("data:") {
                continue;
            }
            let (path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or("");
            let mut target = if path.is_empty() {
                page.clone()
            } else if let Some(from_root) = path.strip_prefix('/') {
                // 404.html's `<base href="/">`: the site's root.
                dest.path().join(from_root)
            } else {
                page.parent().expect("page folder").join(path)
            };
            if target.is_dir() {
                target = target.join("index.html");
            }
            checked += 1;
            let shown = page.strip_prefix(dest.path()).unwrap_or(page).display();
            if !target.is_file() {
                broken.push(format!("{shown}: {link}: no such file"));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                if target.extension().is_some_and(|e| e == "html") {
                    let known = id_cache.entry(target.clone()).or_insert_with(|| {
                        ids(&std::fs::read_to_string(&target).unwrap_or_default())
                    });
                    if !known.contains(f) {
                        broken.push(format!("{shown}: {link}: no id `{f}` there"));
                    }
                }
            }
        }
    }
    assert!(
        checked > 100,
        "only {checked} links found: is the scan right?"
    );
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// Every lesson of the course is a chapter: `book/src/lessons/ID.md` includes its file,
/// and `SUMMARY.md` lists that chapter (mdBook leaves out a page the summary does not
/// name, without a word).
#[test]
fn every_lesson_is_a_chapter_of_the_book() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let summary = std::fs::read_to_string(root.join("book/src/SUMMARY.md")).expect("summary");
    let mut missing = Vec::new();
    let mut lessons: Vec<PathBuf> = std::fs::read_dir(root.join("lessons"))
        .expect("lessons folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    lessons.sort();
    assert!(!lessons.is_empty(), "no lessons found");
    for file in &lessons {
        let text = std::fs::read_to_string(file).expect("read lesson");
        let id = text
            .lines()
            .find_map(|l| l.strip_prefix("id = \""))
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{} has no id line", file.display()));
        let name = file.file_name().expect("name").to_string_lossy();
        let chapter = root.join(format!("book/src/lessons/{id}.md"));
        let include = format!("{{{{#include ../../../lessons/{name}}}}}");
        match std::fs::read_to_string(&chapter) {
            Ok(c) if c.contains(&include) => {}
            _ => missing.push(format!("{} should hold {include}", chapter.display())),
        }
        if !summary.contains(&format!("](lessons/{id}.md)")) {
            missing.push(format!("SUMMARY.md should list lessons/{id}.md"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
