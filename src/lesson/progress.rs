//! A student's progress: which steps are done, how many entries and hints each took.
//!
//! One JSON file, `progress.json`, in the platform's data folder (`directories`;
//! `$SOCKLAB_DATA_DIR` instead when set: tests and shared machines use it), keyed by
//! lesson id and step id so that editing a lesson's text never loses anything.
//!
//! What rustlings' users lost, this never does:
//! - it is written atomically: a temporary file in the same folder, `sync_all`, then
//!   renamed over the old one, so a crash leaves the old or the new file, never half;
//! - entries it does not know (a newer socklab's, an instructor's) are kept as they are;
//! - two socklabs learning at once (two terminals) do not undo each other: each save
//!   first takes in what the file holds (steps done stay done, counts the larger);
//! - a damaged file is moved aside (`progress.json.damaged-…`) with a message, and the
//!   student starts afresh rather than crashing;
//! - a file written by a newer socklab (`format_version` above ours) is never
//!   overwritten: this run's progress is then not saved, and the student is told;
//! - a folder that cannot be written is said once; learning goes on.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The format this socklab writes.
pub const FORMAT_VERSION: u32 = 1;

/// The environment variable that moves the data folder.
pub const DATA_DIR_VAR: &str = "SOCKLAB_DATA_DIR";

type Extra = BTreeMap<String, serde_json::Value>;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub format_version: u32,
    /// The lesson the student was last in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// The step the student was last on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_step: Option<String>,
    #[serde(default)]
    pub steps: BTreeMap<String, StepProgress>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StepProgress {
    #[serde(default)]
    pub done: bool,
    /// Entries typed while on the step.
    #[serde(default)]
    pub attempts: u32,
    /// Hints shown (the highest level asked for).
    #[serde(default)]
    pub hints: u32,
    #[serde(default)]
    pub solution_seen: bool,
    #[serde(default)]
    pub skipped: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Progress {
    pub fn new() -> Progress {
        Progress {
            format_version: FORMAT_VERSION,
            ..Progress::default()
        }
    }

    pub fn step(&self, lesson: &str, step: &str) -> Option<&StepProgress> {
        self.lessons.get(lesson)?.steps.get(step)
    }

    pub fn step_mut(&mut self, lesson: &str, step: &str) -> &mut StepProgress {
        self.lessons
            .entry(lesson.to_string())
            .or_default()
            .steps
            .entry(step.to_string())
            .or_default()
    }

    pub fn is_done(&self, lesson: &str, step: &str) -> bool {
        self.step(lesson, step).is_some_and(|s| s.done)
    }

    /// Take in what `other` knows and this does not: steps done there are done here,
    /// counts are the larger, unknown entries are added. Where the student is now
    /// (`current`) stays this one's.
    pub fn absorb(&mut self, other: &Progress) {
        for (k, v) in &other.extra {
            self.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
        for (lid, theirs) in &other.lessons {
            let mine = self.lessons.entry(lid.clone()).or_default();
            if mine.current_step.is_none() {
                mine.current_step = theirs.current_step.clone();
            }
            for (k, v) in &theirs.extra {
                mine.extra.entry(k.clone()).or_insert_with(|| v.clone());
            }
            for (sid, t) in &theirs.steps {
                let m = mine.steps.entry(sid.clone()).or_default();
                m.done |= t.done;
                m.attempts = m.attempts.max(t.attempts);
                m.hints = m.hints.max(t.hints);
                m.solution_seen |= t.solution_seen;
                m.skipped |= t.skipped;
                for (k, v) in &t.extra {
                    m.extra.entry(k.clone()).or_insert_with(|| v.clone());
                }
            }
        }
    }
}

/// The progress file and what happened reading or writing it.
pub struct Store {
    pub path: Option<PathBuf>,
    pub progress: Progress,
    /// False when writing would destroy something (a newer format) or cannot work.
    writable: bool,
    /// Said once each, to the student.
    pub messages: Vec<String>,
    told_unwritable: bool,
}

/// The data folder: `$SOCKLAB_DATA_DIR`, else the platform's (`~/.local/share/socklab`).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "socklab").map(|d| d.data_dir().to_path_buf())
}

impl Store {
    /// Read the progress file from the data folder (it need not exist).
    pub fn open() -> Store {
        Store::open_at(data_dir().map(|d| d.join("progress.json")))
    }

    /// The saved progress as it is, or none: read without setting a damaged file aside
    /// (`main` peeks at it to know which lesson `learn` resumes, before the real open).
    pub fn peek() -> Progress {
        data_dir()
            .and_then(|d| std::fs::read(d.join("progress.json")).ok())
            .and_then(|b| read(&b).ok())
            .unwrap_or_default()
    }

    pub fn open_at(path: Option<PathBuf>) -> Store {
        let mut store = Store {
            path: path.clone(),
            progress: Progress::new(),
            writable: path.is_some(),
            messages: Vec::new(),
            told_unwritable: false,
        };
        let Some(path) = path else {
            store
                .messages
                .push("no data folder is known here: progress will not be kept".into());
            return store;
        };
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return store,
            Err(e) => {
                store.writable = false;
                store.messages.push(format!(
                    "cannot read your progress ({}): {e}; this session's progress will not be saved",
                    path.display()
                ));
                return store;
            }
        };
        match read(&bytes) {
            Ok(p) if p.format_version > FORMAT_VERSION => {
                store.writable = false;
                store.messages.push(format!(
                    "{} was written by a newer socklab (format {}, this one knows {}); \
                     it is left untouched and this session's progress will not be saved",
                    path.display(),
                    p.format_version,
                    FORMAT_VERSION
                ));
                // Still show what it says: done marks are what the student expects.
                store.progress = Progress {
                    format_version: FORMAT_VERSION,
                    ..p
                };
            }
            Ok(p) => store.progress = p,
            Err(why) => {
                let aside = set_aside(&path);
                match aside {
                    Ok(aside) => store.messages.push(format!(
                        "your progress file was damaged ({why}); it is kept as {} and \
                         progress starts afresh",
                        aside.display()
                    )),
                    Err(e) => {
                        store.writable = false;
                        store.messages.push(format!(
                            "your progress file {} is damaged ({why}) and could not be moved \
                             aside ({e}); it is left as it is and this session's progress \
                             will not be saved",
                            path.display()
                        ));
                    }
                }
            }
        }
        store
    }

    /// Write the progress atomically. Problems become a message (said once), never an
    /// error: the student's learning goes on.
    pub fn save(&mut self) {
        if !self.writable {
            return;
        }
        let Some(path) = self.path.clone() else {
            return;
        };
        // Another socklab (a second terminal) may have saved since we read: keep its
        // steps too, so that neither run loses what the other did.
        if let Ok(bytes) = std::fs::read(&path) {
            if let Ok(disk) = read(&bytes) {
                if disk.format_version <= FORMAT_VERSION {
                    self.progress.absorb(&disk);
                }
            }
        }
        if let Err(e) = write_atomically(&path, &self.progress) {
            if !self.told_unwritable {
                self.told_unwritable = true;
                self.messages.push(format!(
                    "cannot save your progress to {}: {e}; learning goes on without saving",
                    path.display()
                ));
            }
        }
    }

    /// Messages not yet shown; each is shown once.
    pub fn take_messages(&mut self) -> Vec<String> {
        std::mem::take(&mut self.messages)
    }
}

/// Parse a progress file, saying what is wrong with it.
pub fn read(bytes: &[u8]) -> Result<Progress, String> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| format!("not valid JSON: {e}"))?;
    let version = value
        .get("format_version")
        .and_then(|v| v.as_u64())
        .ok_or("no format_version")?;
    if version > u64::from(FORMAT_VERSION) {
        // A newer format may have changed any field: keep only what is safe to show.
        let mut p: Progress = serde_json::from_value(value).unwrap_or_default();
        p.format_version = u32::try_from(version).unwrap_or(u32::MAX);
        return Ok(p);
    }
    serde_json::from_value(value).map_err(|e| format!("unexpected content: {e}"))
}

/// Move a damaged file aside under a name that says when.
fn set_aside(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "progress.json".into());
    let aside = path.with_file_name(format!("{name}.damaged-{stamp}"));
    std::fs::rename(path, &aside)?;
    Ok(aside)
}

/// Temporary file in the same folder, `sync_all`, rename: the old file or the new one
/// survives a crash, never a half-written one.
pub fn write_atomically(path: &Path, value: &impl Serialize) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir)?;
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    tmp.write_all(text.as_bytes())?;
    tmp.write_all(b"\n")?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// What `lesson progress --export` writes: a student's progress with their name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub student: String,
    pub progress: Progress,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_entries_survive_a_round_trip() {
        let text = r#"{"format_version":1,"theme":"dark","lessons":{"a":{"steps":{"s":{"done":true,"attempts":2,"hints":1,"stars":5}},"note":"x"}}}"#;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("progress.json");
        std::fs::write(&path, text).expect("write");
        let mut store = Store::open_at(Some(path.clone()));
        assert!(store.messages.is_empty(), "{:?}", store.messages);
        assert!(store.progress.is_done("a", "s"));
        store.progress.step_mut("a", "t").attempts = 1;
        store.save();
        let back: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        assert_eq!(back["theme"], "dark");
        assert_eq!(back["lessons"]["a"]["note"], "x");
        assert_eq!(back["lessons"]["a"]["steps"]["s"]["stars"], 5);
        assert_eq!(back["lessons"]["a"]["steps"]["t"]["attempts"], 1);
    }

    #[test]
    fn two_runs_saving_in_turn_keep_both_ones_steps() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("progress.json");
        let mut first = Store::open_at(Some(path.clone()));
        let mut second = Store::open_at(Some(path.clone()));
        first.progress.step_mut("a", "one").done = true;
        first.progress.step_mut("a", "two").attempts = 3;
        first.save();
        second.progress.step_mut("b", "x").done = true;
        second.progress.step_mut("a", "two").attempts = 1;
        second.save();
        let p = read(&std::fs::read(&path).expect("read")).expect("valid");
        assert!(p.is_done("a", "one") && p.is_done("b", "x"));
        assert_eq!(p.step("a", "two").map(|s| s.attempts), Some(3));
    }

    #[test]
    fn a_truncated_file_is_set_aside_and_progress_starts_afresh() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("progress.json");
        std::fs::write(&path, r#"{"format_version":1,"lessons":{"a":{"st"#).expect("write");
        let mut store = Store::open_at(Some(path.clone()));
        assert_eq!(store.messages.len(), 1);
        assert!(
            store.messages[0].contains("damaged"),
            "{:?}",
            store.messages
        );
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains("damaged"))
            .collect();
        assert_eq!(aside.len(), 1);
        store.progress.step_mut("a", "s").done = true;
        store.save();
        assert!(read(&std::fs::read(&path).expect("read"))
            .expect("valid")
            .is_done("a", "s"));
    }

    #[test]
    fn a_newer_format_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("progress.json");
        let text = r#"{"format_version":99,"lessons":{}}"#;
        std::fs::write(&path, text).expect("write");
        let mut store = Store::open_at(Some(path.clone()));
        assert!(
            store.messages[0].contains("newer socklab"),
            "{:?}",
            store.messages
        );
        store.progress.step_mut("a", "s").done = true;
        store.save();
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    }
}
