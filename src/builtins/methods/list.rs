//! The methods of `list` and `tuple`.

use super::*;

pub(super) fn seq_method(
    ctx: &mut Ctx,
    items: &[Value],
    name: &str,
    a: &[Value],
) -> Option<R<Value>> {
    Some(match name {
        "count" => (|| {
            let mut n = 0;
            for it in items {
                if it.is(&a[0]) || ops::eq(ctx, it, &a[0])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        })(),
        "index" => (|| {
            let start = match a.get(1) {
                Some(v) => to_i64(ctx, v, "")?.max(0) as usize,
                None => 0,
            };
            for (i, it) in items.iter().enumerate().skip(start) {
                if it.is(&a[0]) || ops::eq(ctx, it, &a[0])? {
                    return Ok(Value::Int(i as i64));
                }
            }
            let shown = repr::repr(ctx, &a[0])?;
            Err(ctx.value_error(format!("{shown} is not in list")))
        })(),
        _ => return None,
    })
}

pub(super) fn list_method(
    ctx: &mut Ctx,
    l: &Arc<Mutex<Vec<Value>>>,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    Some(match name {
        "append" => {
            if a.len() != 1 {
                return Some(Err(ctx.type_error(format!(
                    "list.append() takes exactly one argument ({} given)",
                    a.len()
                ))));
            }
            l.lock().push(a[0].clone());
            Ok(Value::None)
        }
        "extend" => (|| {
            let items = iterate(ctx, &a[0])?;
            l.lock().extend(items);
            Ok(Value::None)
        })(),
        "insert" => (|| {
            let i = to_i64(ctx, &a[0], "")?;
            let mut v = l.lock();
            let n = v.len() as i64;
            let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
            v.insert(pos, a[1].clone());
            Ok(Value::None)
        })(),
        "pop" => (|| {
            let mut v = l.lock();
            if v.is_empty() {
                return Err(ctx.err("IndexError", "pop from empty list"));
            }
            let n = v.len() as i64;
            let i = match a.first() {
                Some(x) => to_i64(ctx, x, "")?,
                None => n - 1,
            };
            let j = if i < 0 { i + n } else { i };
            if j < 0 || j >= n {
                return Err(ctx.err("IndexError", "pop index out of range"));
            }
            Ok(v.remove(j as usize))
        })(),
        "remove" => (|| {
            let items = l.lock().clone();
            for (i, it) in items.iter().enumerate() {
                if it.is(&a[0]) || ops::eq(ctx, it, &a[0])? {
                    let mut v = l.lock();
                    if i < v.len() {
                        v.remove(i);
                    }
                    return Ok(Value::None);
                }
            }
            Err(ctx.value_error("list.remove(x): x not in list"))
        })(),
        "index" | "count" => {
            let items = l.lock().clone();
            return seq_method(ctx, &items, name, a);
        }
        "sort" => (|| {
            let mut items = l.lock().clone();
            let reverse = match kwarg(k, "reverse") {
                Some(r) => truthy(ctx, r)?,
                None => false,
            };
            sort_values(ctx, &mut items, kwarg(k, "key"), reverse)?;
            *l.lock() = items;
            Ok(Value::None)
        })(),
        "reverse" => {
            l.lock().reverse();
            Ok(Value::None)
        }
        "clear" => {
            l.lock().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::list(l.lock().clone())),
        _ => return None,
    })
}
