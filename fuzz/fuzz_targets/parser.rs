//! Any bytes through the front door of `socklab run`: decode as a source file, then
//! parse. A syntax error is a fine answer; a panic, a hang or a stack overflow is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socklab::interp::INTERPRETER_STACK;
use socklab::syntax::decode_source;
use socklab::syntax::{self, unparse, ParseMode};

fuzz_target!(|data: &[u8]| {
    let bytes = data.to_vec();
    // The parser recurses per nesting level; `socklab run` gives it this stack, and so
    // must the fuzzer, or deep but legal input would look like a crash.
    let worker = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(move || {
            let src = match decode_source("<fuzz>", bytes) {
                Ok(src) => src,
                Err((src, err)) => {
                    let _ = err.render(&src);
                    return;
                }
            };
            match syntax::parse_module(&src, ParseMode::File) {
                Ok(module) => {
                    let _ = syntax::validate(&module, &src);
                    // What parses must print and parse back the same.
                    let printed = unparse::module(&module);
                    let again = syntax::Source::new("<printed>", printed.clone());
                    match syntax::parse_module(&again, ParseMode::File) {
                        Ok(m2) => assert!(m2 == module, "round trip changed the tree:\n{printed}"),
                        Err(e) => panic!("printed program does not parse:\n{printed}\n{}", e.render(&again)),
                    }
                }
                Err(err) => {
                    let _ = err.render(&src);
                }
            }
        })
        .expect("spawn parser thread");
    if let Err(panic) = worker.join() {
        std::panic::resume_unwind(panic);
    }
});
