//! Ships the course's lessons inside the binary: `lessons/*.md` become a table of
//! `(file name, text)` that `socklab learn` reads from any folder.

use std::io::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=lessons");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lessons.rs");
    let mut f = std::fs::File::create(out).expect("write lessons.rs");
    writeln!(f, "&[").expect("write");
    for p in files {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        writeln!(
            f,
            "    ({name:?}, include_bytes!({:?}) as &[u8]),",
            p.display().to_string()
        )
        .expect("write");
    }
    writeln!(f, "]").expect("write");
}
