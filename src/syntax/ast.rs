//! The tree of a program. Every node has a `Span`; names carry a `Slot` that the
//! interpreter's resolver fills in (which frame slot or global a name lives in), so the
//! evaluator never looks a local variable up by name.

use super::source::Span;
use num_bigint::BigInt;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

pub type Name = Arc<str>;

/// Where a name lives, decided once by the resolver before the program runs.
/// Stored in an atomic so the tree can be shared between threads after resolution.
#[derive(Debug, Default)]
pub struct Slot(AtomicU32);

impl Slot {
    pub const UNRESOLVED: u32 = u32::MAX;
    pub fn get(&self) -> u32 {
        self.0.load(Ordering::Relaxed)
    }
    pub fn set(&self, v: u32) {
        self.0.store(v, Ordering::Relaxed)
    }
    pub fn new() -> Slot {
        Slot(AtomicU32::new(Self::UNRESOLVED))
    }
}

impl Clone for Slot {
    fn clone(&self) -> Self {
        Slot(AtomicU32::new(self.get()))
    }
}

/// Resolution is bookkeeping, not meaning: two trees are equal whatever their slots say.
impl PartialEq for Slot {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub name: Name,
    pub span: Span,
    pub slot: Slot,
}

impl Ident {
    pub fn new(name: Name, span: Span) -> Ident {
        Ident {
            name,
            span,
            slot: Slot::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(Arc<BigInt>),
    Float(f64),
    Str(Arc<str>),
    Bytes(Arc<[u8]>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    MatMul,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::MatMul => "@",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// A piece of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    Lit(String),
    Expr {
        expr: Box<Expr>,
        /// `!r`, `!s` or `!a`.
        conversion: Option<char>,
        /// The format spec after `:`, itself possibly holding `{expressions}`.
        spec: Vec<FPart>,
        /// For `{x=}`: the text `x=` printed before the value.
        debug: Option<String>,
    },
}

/// An argument at a call site.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(Name, Expr),
    StarStar(Expr),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    Name(Ident),
    Const(Const),
    FString(Vec<FPart>),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `None` key: `**mapping` inside a display.
    Dict(Vec<(Option<Expr>, Expr)>),
    Attribute(Box<Expr>, Ident),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Call(Box<Expr>, Vec<Arg>),
    Unary(UnaryOp, Box<Expr>),
    Binary(Box<Expr>, BinOp, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Arc<FuncDef>),
    Comp(CompKind, Box<Expr>, Vec<Comprehension>),
    DictComp(Box<Expr>, Box<Expr>, Vec<Comprehension>),
    Starred(Box<Expr>),
    /// `x := value`.
    Walrus(Ident, Box<Expr>),
    /// `(elt for ...)`: a generator function of its own (`<genexpr>`, whose
    /// `FuncDef::genexp` holds the element and the loops); only the first iterable is
    /// evaluated where the expression stands.
    GenExp(Arc<FuncDef>),
    /// `yield` / `yield value`.
    Yield(Option<Box<Expr>>),
    /// `yield from iterable`.
    YieldFrom(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    pub name: Ident,
    pub default: Option<Expr>,
    /// Written with an annotation (`Params::annotations` holds it, in order).
    pub annotated: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub positional: Vec<Param>,
    pub star: Option<Ident>,
    pub kwonly: Vec<Param>,
    pub starstar: Option<Ident>,
    /// `def f(a: int, *rest: str) -> bytes`: each annotated parameter's name (and
    /// `return`) with its expression, in the order of the function's `__annotations__`
    /// (which is the parameters' order: `Param::annotated`, `star_annotated` and
    /// `starstar_annotated` say which of them own the entries, one after another).
    pub annotations: Vec<(Name, Expr)>,
    pub star_annotated: bool,
    pub starstar_annotated: bool,
}

impl Params {
    /// The return annotation, if any (no parameter can be called `return`).
    pub fn returns(&self) -> Option<&Expr> {
        self.annotations
            .iter()
            .find(|(n, _)| &**n == "return")
            .map(|(_, e)| e)
    }
}

/// A function's code. The resolver fills in `layout` with how many frame slots it
/// needs and which of them are cells shared with inner functions.
#[derive(Debug, PartialEq)]
pub struct FuncDef {
    pub name: Name,
    pub params: Params,
    pub body: Vec<Stmt>,
    pub span: Span,
    /// A `lambda` body is one expression, kept as a `return` statement.
    pub is_lambda: bool,
    /// Its body holds `yield`: calling it makes a generator instead of running it.
    pub is_generator: bool,
    /// For a generator expression: its element and loops (the body is empty).
    pub genexp: Option<Box<GenExpParts>>,
    pub layout: Layout,
}

/// What a generator expression computes: `elt` for each pass through `comps`.
#[derive(Clone, Debug, PartialEq)]
pub struct GenExpParts {
    pub elt: Expr,
    pub comps: Vec<Comprehension>,
}

impl FuncDef {
    /// Whether a `yield` in `body` (not in a nested function, class or generator
    /// expression) makes this function a generator.
    pub fn body_yields(body: &[Stmt]) -> bool {
        fn expr(e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Yield(_) | ExprKind::YieldFrom(_) => true,
                ExprKind::Lambda(_) => false,
                ExprKind::GenExp(def) => def
                    .genexp
                    .as_ref()
                    .and_then(|g| g.comps.first())
                    .is_some_and(|c| expr(&c.iter)),
                _ => {
                    let mut found = false;
                    super::walk::for_each_child_expr(e, &mut |c| found = found || expr(c));
                    found
                }
            }
        }
        body.iter().any(|s| {
            if matches!(s.kind, StmtKind::FunctionDef(..) | StmtKind::ClassDef(..)) {
                let mut found = false;
                // Decorators and defaults run in this function.
                super::walk::for_each_stmt_expr(s, &mut |e| found = found || expr(e));
                return found;
            }
            let mut found = false;
            super::walk::for_each_stmt_expr(s, &mut |e| found = found || expr(e));
            found
                || super::walk::for_each_sub_block(s)
                    .iter()
                    .any(|b| Self::body_yields(b))
        })
    }
}

impl Clone for FuncDef {
    fn clone(&self) -> Self {
        FuncDef {
            name: self.name.clone(),
            params: self.params.clone(),
            body: self.body.clone(),
            span: self.span,
            is_lambda: self.is_lambda,
            is_generator: self.is_generator,
            genexp: self.genexp.clone(),
            layout: Layout::default(),
        }
    }
}

/// Frame layout decided by the resolver. Equality ignores it (see `Slot`).
#[derive(Debug, Default)]
pub struct Layout(pub std::sync::OnceLock<FrameLayout>);

impl PartialEq for Layout {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

#[derive(Debug, Default, Clone)]
pub struct FrameLayout {
    /// Slot names, for `locals()`-like needs and UnboundLocalError messages.
    pub names: Vec<Name>,
    /// Slots that hold cells because an inner function reads them.
    pub cells: Vec<u32>,
    /// For each free variable of this function: the slot in the defining frame.
    pub freevars: Vec<u32>,
    /// Whether the body calls `super()` without arguments (needs `__class__`).
    pub uses_super: bool,
    /// The first of the free variables' slots (they are contiguous; comprehension
    /// variables may follow them).
    pub first_free: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub kind: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportName {
    /// Dotted module path.
    pub module: Name,
    pub asname: Option<Ident>,
    /// The name bound when there is no `as`: the first component of the path.
    pub bound: Ident,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    /// `x: T = v` — the annotation is evaluated and ignored, as CPython does at run time.
    AnnAssign(Expr, Expr, Option<Expr>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For(Expr, Expr, Vec<Stmt>, Vec<Stmt>),
    Break,
    Continue,
    Pass,
    Return(Option<Expr>),
    FunctionDef(Arc<FuncDef>, Ident, Vec<Expr>),
    ClassDef(Arc<ClassDef>),
    Try(Vec<Stmt>, Vec<ExceptHandler>, Vec<Stmt>, Vec<Stmt>),
    Raise(Option<Expr>, Option<Expr>),
    Assert(Expr, Option<Expr>),
    Import(Vec<ImportName>),
    /// `from M import a, b as c`; an empty list means `*`.
    ImportFrom(Name, Vec<(Name, Ident)>, Span),
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
    Del(Vec<Expr>),
    With(Vec<(Expr, Option<Expr>)>, Vec<Stmt>),
}

impl StmtKind {
    /// A statement with a block of its own (`if`, `def` ...): in the REPL it ends at a
    /// blank line, since the next line could still belong to it.
    pub fn is_compound(&self) -> bool {
        matches!(
            self,
            StmtKind::If(..)
                | StmtKind::While(..)
                | StmtKind::For(..)
                | StmtKind::FunctionDef(..)
                | StmtKind::ClassDef(..)
                | StmtKind::Try(..)
                | StmtKind::With(..)
        )
    }
}

#[derive(Debug, PartialEq)]
pub struct ClassDef {
    pub name: Ident,
    pub bases: Vec<Arg>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub span: Span,
    pub layout: Layout,
}

impl Clone for ClassDef {
    fn clone(&self) -> Self {
        ClassDef {
            name: self.name.clone(),
            bases: self.bases.clone(),
            body: self.body.clone(),
            decorators: self.decorators.clone(),
            span: self.span,
            layout: Layout::default(),
        }
    }
}

/// A whole program (or one REPL entry).
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
    pub layout: Arc<Layout>,
}
