//! The methods of `dict`, and its views (`keys()`, `values()`, `items()`).

use super::*;

pub(super) fn dict_method(
    ctx: &mut Ctx,
    this: &Value,
    d: &Arc<Mutex<Dict>>,
    name: &str,
    a: &[Value],
    k: &[(Name, Value)],
) -> Option<R<Value>> {
    let _ = this;
    let view = |kind, part| {
        Value::Native(Arc::new(DictView {
            kind,
            dict: d.clone(),
            part,
        }))
    };
    Some(match name {
        "get" => (|| {
            let key = hash_key(ctx, &a[0])?;
            Ok(d.lock()
                .get(&key)
                .cloned()
                .unwrap_or_else(|| a.get(1).cloned().unwrap_or(Value::None)))
        })(),
        "keys" => Ok(view("dict_keys", DictPart::Keys)),
        "values" => Ok(view("dict_values", DictPart::Values)),
        "items" => Ok(view("dict_items", DictPart::Items)),
        "pop" => (|| {
            let key = hash_key(ctx, &a[0])?;
            let removed = d.lock().remove(&key);
            match removed {
                Some(v) => Ok(v),
                None => match a.get(1) {
                    Some(dflt) => Ok(dflt.clone()),
                    None => Err(Exc::new(types::new_exception(
                        "KeyError",
                        vec![a[0].clone()],
                    ))),
                },
            }
        })(),
        "popitem" => {
            let last = d.lock().pop();
            match last {
                Some((k, v)) => Ok(Value::tuple(vec![k.0, v])),
                None => Err(Exc::new(types::new_exception(
                    "KeyError",
                    vec![Value::str("popitem(): dictionary is empty")],
                ))),
            }
        }
        "setdefault" => (|| {
            let key = hash_key(ctx, &a[0])?;
            let dflt = a.get(1).cloned().unwrap_or(Value::None);
            let mut d = d.lock();
            if let Some(v) = d.get(&key) {
                return Ok(v.clone());
            }
            d.insert(key, dflt.clone());
            Ok(dflt)
        })(),
        "update" => (|| {
            if a.len() > 1 {
                return Err(ctx.type_error(format!(
                    "update expected at most 1 argument, got {}",
                    a.len()
                )));
            }
            if let Some(src) = a.first() {
                let pairs = match src {
                    Value::Dict(_) | Value::Instance(_) => ops::mapping_items(ctx, src)?,
                    other => {
                        let mut out = Vec::new();
                        for item in iterate(ctx, other)? {
                            let p = iterate(ctx, &item)?;
                            if p.len() != 2 {
                                return Err(ctx.value_error(format!(
                                    "dictionary update sequence element #0 has length {}; 2 is required",
                                    p.len()
                                )));
                            }
                            out.push((p[0].clone(), p[1].clone()));
                        }
                        out
                    }
                };
                for (kk, v) in pairs {
                    let key = hash_key(ctx, &kk)?;
                    d.lock().insert(key, v);
                }
            }
            for (kk, v) in k {
                d.lock().insert(Key(Value::Str(kk.clone())), v.clone());
            }
            Ok(Value::None)
        })(),
        "clear" => {
            d.lock().clear();
            Ok(Value::None)
        }
        "copy" => Ok(Value::Dict(Arc::new(Mutex::new(d.lock().clone())))),
        _ => return None,
    })
}

/// `d.keys()`, `d.values()`, `d.items()`: live views of the dict, as in CPython.
pub struct DictView {
    pub kind: &'static str,
    pub dict: Arc<Mutex<Dict>>,
    pub part: DictPart,
}

impl DictView {
    fn items(&self) -> Vec<Value> {
        let d = self.dict.lock();
        d.iter()
            .map(|(k, v)| match self.part {
                DictPart::Keys => k.0.clone(),
                DictPart::Values => v.clone(),
                DictPart::Items => Value::tuple(vec![k.0.clone(), v.clone()]),
            })
            .collect()
    }
}

pub(super) fn view_class(kind: &str) -> Arc<Class> {
    use std::sync::OnceLock;
    static C: OnceLock<[Arc<Class>; 3]> = OnceLock::new();
    let all = C.get_or_init(|| {
        ["dict_keys", "dict_values", "dict_items"].map(|n| {
            types::make_class(
                n,
                "builtins",
                vec![types::class("object")],
                Native::Other,
                Default::default(),
            )
        })
    });
    match kind {
        "dict_keys" => all[0].clone(),
        "dict_values" => all[1].clone(),
        _ => all[2].clone(),
    }
}

impl NativeObject for DictView {
    fn class(&self) -> Arc<Class> {
        view_class(self.kind)
    }
    fn repr(&self) -> String {
        let parts: Vec<String> = self.items().iter().map(repr::repr_plain_value).collect();
        format!("{}([{}])", self.kind, parts.join(", "))
    }
    fn get_attr(&self, _ctx: &mut Ctx, _this: &Value, _name: &str) -> Option<R<Value>> {
        None
    }
    fn call_method(
        &self,
        ctx: &mut Ctx,
        _this: &Value,
        name: &str,
        args: &[Value],
        _k: &[(Name, Value)],
    ) -> Option<R<Value>> {
        match name {
            "__iter__" => Some(Ok(Value::Iter(Arc::new(Mutex::new(IterState::Dict {
                dict: self.dict.clone(),
                index: 0,
                len: self.dict.lock().len(),
                part: self.part,
            }))))),
            "__len__" => Some(Ok(Value::Int(self.dict.lock().len() as i64))),
            "__contains__" => Some((|| {
                let x = args.first().cloned().unwrap_or(Value::None);
                match self.part {
                    DictPart::Keys => {
                        let key = hash_key(ctx, &x)?;
                        Ok(Value::Bool(self.dict.lock().contains_key(&key)))
                    }
                    _ => ops::contains(ctx, &Value::list(self.items()), &x).map(Value::Bool),
                }
            })()),
            "isdisjoint" if self.part != DictPart::Values => Some((|| {
                let who = format!("{}.isdisjoint()", self.kind);
                if !_k.is_empty() {
                    return Err(ctx.type_error(format!("{who} takes no keyword arguments")));
                }
                if args.len() != 1 {
                    return Err(ctx.type_error(format!(
                        "{who} takes exactly one argument ({} given)",
                        args.len()
                    )));
                }
                let mine = Value::list(self.items());
                for x in iterate(ctx, &args[0])? {
                    let found = match self.part {
                        DictPart::Keys => {
                            let key = hash_key(ctx, &x)?;
                            self.dict.lock().contains_key(&key)
                        }
                        _ => ops::contains(ctx, &mine, &x)?,
                    };
                    if found {
                        return Ok(Value::Bool(false));
                    }
                }
                Ok(Value::Bool(true))
            })()),
            "__eq__" => Some({
                let other = args.first().cloned().unwrap_or(Value::None);
                match other.as_native::<DictView>() {
                    Some(o) if o.part == self.part => {
                        ops::eq(ctx, &Value::list(self.items()), &Value::list(o.items()))
                            .map(Value::Bool)
                    }
                    _ => Ok(Value::Bool(false)),
                }
            }),
            _ => None,
        }
    }
    fn attr_names(&self) -> Vec<&'static str> {
        match self.part {
            DictPart::Values => Vec::new(),
            _ => vec!["isdisjoint"],
        }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}
