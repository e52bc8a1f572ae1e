//! Tables that fit the terminal. On 80 columns (or a projector's 64) a table wider than
//! the screen would wrap every cell mid-word (`listen|ing`); instead whole columns are
//! left out, the least needed first, and every cell stays whole on its line.

use comfy_table::{presets, ContentArrangement, Table};

/// A table as text, and the headers of the columns left out to fit `width`.
pub struct Fitted {
    pub text: String,
    pub dropped: Vec<String>,
}

/// Render `rows` under `header`, leaving out columns in `drop_order` (by header) until the
/// table is at most `width` columns wide (None: no limit). Cells are never wrapped.
pub fn fit_table(
    header: &[&str],
    rows: &[Vec<String>],
    drop_order: &[&str],
    width: Option<u16>,
) -> Fitted {
    let mut keep: Vec<bool> = vec![true; header.len()];
    let mut dropped = Vec::new();
    let mut order = drop_order.iter();
    loop {
        let text = render(header, rows, &keep);
        let widest = text
            .lines()
            .map(super::wrap::visible_width)
            .max()
            .unwrap_or(0);
        let fits = width.is_none_or(|w| widest <= usize::from(w));
        let next = if fits {
            None
        } else {
            order
                .by_ref()
                .find_map(|name| header.iter().position(|h| h == name).filter(|&i| keep[i]))
        };
        match next {
            Some(i) => {
                keep[i] = false;
                dropped.push(header[i].to_string());
            }
            None => {
                return Fitted {
                    text: format!("{text}\n"),
                    dropped,
                }
            }
        }
    }
}

fn render(header: &[&str], rows: &[Vec<String>], keep: &[bool]) -> String {
    let pick = |cells: Vec<String>| -> Vec<String> {
        cells
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| **k)
            .map(|(c, _)| c)
            .collect()
    };
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    t.set_content_arrangement(ContentArrangement::Disabled);
    t.set_header(pick(header.iter().map(|h| h.to_string()).collect()));
    for r in rows {
        t.add_row(pick(r.clone()));
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Vec<String>> {
        vec![vec![
            "s".into(),
            "3".into(),
            "listening".into(),
            "127.0.0.1:40040".into(),
        ]]
    }

    #[test]
    fn columns_are_left_out_until_the_table_fits() {
        let header = ["name", "fd", "state", "local"];
        let wide = fit_table(&header, &rows(), &["fd"], None);
        assert!(wide.dropped.is_empty());
        assert!(wide.text.contains(" 3 "));
        let narrow = fit_table(&header, &rows(), &["fd", "local"], Some(40));
        assert_eq!(narrow.dropped, ["fd"]);
        assert!(narrow.text.lines().all(|l| l.chars().count() <= 40));
        assert!(narrow.text.contains("listening") && narrow.text.contains("127.0.0.1:40040"));
    }

    #[test]
    fn cells_are_never_cut_even_when_nothing_more_can_go() {
        let header = ["name", "fd", "state", "local"];
        let tiny = fit_table(&header, &rows(), &["fd"], Some(10));
        assert!(tiny.text.contains("listening") && tiny.text.contains("127.0.0.1:40040"));
    }
}
