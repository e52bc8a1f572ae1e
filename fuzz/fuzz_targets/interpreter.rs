//! Any bytes as a program: compile and run it with a step budget, its output thrown
//! away. A Python exception is a fine answer; a panic, a hang or a crash is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use socklab::interp::{self, Interp, Value};
use socklab::interp::INTERPRETER_STACK;
use socklab::syntax::decode_source;
use std::sync::atomic::Ordering;

/// Loop iterations and calls a program may make: enough for every corpus program,
/// few enough that a fuzzed infinite loop ends in milliseconds.
const STEPS: u64 = 20_000;

fuzz_target!(|data: &[u8]| {
    let bytes = data.to_vec();
    let worker = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(move || {
            let Ok(src) = decode_source("<fuzz>", bytes) else {
                return;
            };
            let interp = Interp::new(vec!["fuzz".to_string()]);
            interp.max_steps.store(STEPS, Ordering::Relaxed);
            interp.stdout.lock().sink = Box::new(std::io::sink());
            interp.stderr.lock().sink = Box::new(std::io::sink());
            let globals = interp.main.clone();
            globals.set("__name__", Value::str("__main__"));
            let Ok(module) = interp::compile(&src, &globals) else {
                return;
            };
            let mut ctx = interp.new_ctx();
            if let Err(exc) = interp::run_module(&mut ctx, &module, &globals, &src) {
                // Rendering the traceback is part of what a user sees.
                let _ = interp::render_traceback(&mut ctx, &exc);
            }
            // Millions of runs in one process: free each one's modules and globals.
            interp::tear_down(&mut ctx);
        })
        .expect("spawn interpreter thread");
    if let Err(panic) = worker.join() {
        std::panic::resume_unwind(panic);
    }
});
