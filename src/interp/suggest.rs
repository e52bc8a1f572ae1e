//! "Did you mean ...?" — CPython 3.11's suggestion algorithm for NameError and
//! AttributeError: a Levenshtein distance where a case change costs 1 and any other
//! edit 2, among the names in scope (or the object's attributes).

use super::exceptions::Exc;
use super::{Ctx, Name};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

pub fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let mut a: Vec<char> = a.chars().collect();
    let mut b: Vec<char> = b.chars().collect();
    let pre = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    a.drain(..pre);
    b.drain(..pre);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.truncate(a.len() - post);
    b.truncate(b.len() - post);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `wrong`, as CPython picks it.
pub fn best_match(wrong: &str, candidates: &[Name]) -> Option<Name> {
    if candidates.len() > MAX_CANDIDATE_ITEMS || wrong.chars().count() > MAX_STRING_SIZE {
        return None;
    }
    let wlen = wrong.chars().count();
    let mut best = wlen;
    let mut suggestion: Option<Name> = None;
    for c in candidates {
        if &**c == wrong {
            continue;
        }
        let max = ((c.chars().count() + wlen + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let d = levenshtein(wrong, c, max);
        if d > max {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(c.clone());
            best = d;
        }
    }
    suggestion
}

/// The suggestion for an uncaught exception, if CPython would print one.
pub fn suggestion(ctx: &mut Ctx, exc: &Exc) -> Option<Name> {
    let wrong = exc.hint_name.as_ref()?;
    if exc.is("AttributeError") {
        let obj = exc.attr_obj.as_ref()?;
        let mut names: Vec<Name> = ctx
            .interp
            .library
            .attribute_names(obj)
            .into_iter()
            .map(Name::from)
            .collect();
        names.sort();
        names.dedup();
        return best_match(wrong, &names);
    }
    if exc.is("NameError") {
        if let Some(s) = &exc.self_has_attr {
            return Some(s.clone());
        }
        let _ = ctx;
        return best_match(wrong, exc.candidates.as_deref().unwrap_or(&[]));
    }
    None
}
