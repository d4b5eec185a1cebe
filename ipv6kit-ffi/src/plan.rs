//! Address plans: check a plan given as text, TOML or JSON, iterate over the findings, render
//! the report.

use crate::boundary::{guard, read_text, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use crate::text::ipv6kit_prefix;
use crate::text::read_prefix;
use core::ffi::c_char;
use ipv6kit_core::plan::space::{self, SpaceError};
use ipv6kit_core::plan::{self as core_plan, check, render, Finding, Plan, Severity};
use ipv6kit_core::Ipv6Net;

/// The formats a plan is read from.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_plan_format {
    /// One prefix per line with an optional `[role]` and a name.
    Text = 0,
    /// TOML.
    Toml = 1,
    /// JSON.
    Json = 2,
}

/// A checked plan and its findings. Made by `ipv6kit_plan_check()`, released once by
/// `ipv6kit_plan_findings_free()`. `ipv6kit_plan_findings_next()` walks the findings in order.
pub struct ipv6kit_plan_findings {
    plan: Plan,
    findings: Vec<Finding>,
    next: usize,
    /// The prefixes that moved, (old, new), when the plan is the result of a renumbering.
    moved: Vec<(Ipv6Net, Ipv6Net)>,
}

/// How bad a finding is.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_plan_severity {
    /// Wrong: the plan cannot be deployed as written.
    Error = 0,
    /// Against guidance: probably a mistake.
    Warning = 1,
    /// Worth knowing.
    Note = 2,
}

/// One finding. Its message and suggested fix are read with `ipv6kit_plan_finding_message()`
/// and `ipv6kit_plan_finding_fix()` by `index`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_plan_finding {
    /// The finding's number (0-based, in order).
    pub index: usize,
    /// The check's stable code, NUL-terminated (`"P101"`).
    pub code: [c_char; 8],
    /// How bad.
    pub severity: ipv6kit_plan_severity,
    /// The plan entry it is about (0-based, in the plan's order).
    pub entry: usize,
    /// The entry's prefix as written.
    pub prefix: ipv6kit_prefix,
    /// Where the entry was written: line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
    /// Another place matters (the first of two duplicates): `related_line`, `related_column`.
    pub has_related: bool,
    /// Line of the related place.
    pub related_line: u32,
    /// Column of the related place.
    pub related_column: u32,
    /// A fix is suggested (`ipv6kit_plan_finding_fix()`).
    pub has_fix: bool,
}

/// # Safety
/// `p` must be NULL or a live handle.
unsafe fn read_findings<'a>(p: *const ipv6kit_plan_findings) -> Result<&'a ipv6kit_plan_findings, Fail> {
    // SAFETY: a live handle per the contract; only read here.
    unsafe { p.as_ref() }.ok_or(Fail::code(ipv6kit_result::NullPointer))
}

/// Reads a plan (`format` is an `ipv6kit_plan_format`) and checks it against the RFCs and RIPE-690
/// guidance. A plan that reads has findings (possibly none); one that does not is
/// `PARSE_PLAN`, with the line and column in `ipv6kit_last_error_message()`.
///
/// Errors: `NULL_POINTER`, `INVALID_ENUM`, `PARSE_PLAN`.
///
/// # Safety
/// `text` readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_check(
    text: *const c_char,
    len: usize,
    format: u32,
    out: *mut *mut ipv6kit_plan_findings,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        let format = match format {
            f if f == ipv6kit_plan_format::Text as u32 => core_plan::Format::Text,
            f if f == ipv6kit_plan_format::Toml as u32 => core_plan::Format::Toml,
            f if f == ipv6kit_plan_format::Json as u32 => core_plan::Format::Json,
            other => {
                return Err(Fail::with(
                    ipv6kit_result::InvalidEnum,
                    format_args!("{other} is no ipv6kit_plan_format"),
                ))
            }
        };
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParsePlan) }?;
        let plan = core_plan::read(s, format)?;
        let findings = check::check(&plan);
        let handle = Box::into_raw(Box::new(ipv6kit_plan_findings {
            plan,
            findings,
            next: 0,
            moved: Vec::new(),
        }));
        // SAFETY: the caller's contract above.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Sets the number of findings, and of errors, warnings and notes among them (any output may be
/// NULL when not wanted).
///
/// Errors: `NULL_POINTER` (`findings`).
///
/// # Safety
/// `findings` a live handle; the non-NULL outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_findings_summary(
    findings: *const ipv6kit_plan_findings,
    count: *mut usize,
    errors: *mut usize,
    warnings: *mut usize,
    notes: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(findings) }?;
        let s = check::Summary::of(&h.findings);
        // SAFETY: each pointer is checked for NULL by as_mut and writable per the contract.
        unsafe {
            for (p, v) in [
                (count, h.findings.len()),
                (errors, s.errors),
                (warnings, s.warnings),
                (notes, s.notes),
            ] {
                if let Some(p) = p.as_mut() {
                    *p = v;
                }
            }
        }
        Ok(())
    })
}

/// Writes the next finding.
///
/// Errors: `NULL_POINTER`, `ITERATION_DONE` (no more findings; nothing written).
///
/// # Safety
/// `findings` a live handle (advanced by one thread at a time) and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_findings_next(
    findings: *mut ipv6kit_plan_findings,
    out: *mut ipv6kit_plan_finding,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: a live handle per the contract, advanced by one thread at a time.
        let h = unsafe { findings.as_mut() }.ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let index = h.next;
        let f = h.findings.get(index).ok_or(Fail::code(ipv6kit_result::IterationDone))?;
        let mut code = [0 as c_char; 8];
        for (slot, b) in code.iter_mut().zip(f.code.as_str().bytes().take(7)) {
            *slot = b as c_char;
        }
        let c = ipv6kit_plan_finding {
            index,
            code,
            severity: match f.severity {
                Severity::Error => ipv6kit_plan_severity::Error,
                Severity::Warning => ipv6kit_plan_severity::Warning,
                Severity::Note => ipv6kit_plan_severity::Note,
            },
            entry: f.entry,
            prefix: ipv6kit_prefix::from_net(f.prefix),
            line: f.location.line,
            column: f.location.column,
            has_related: f.related.is_some(),
            related_line: f.related.map_or(0, |l| l.line),
            related_column: f.related.map_or(0, |l| l.column),
            has_fix: f.fix.is_some(),
        };
        h.next += 1;
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

fn finding(h: &ipv6kit_plan_findings, index: usize) -> Result<&Finding, Fail> {
    h.findings
        .get(index)
        .ok_or_else(|| Fail::with(ipv6kit_result::InvalidArgument, format_args!("no finding {index}")))
}

/// Writes the message of finding number `index` (a sentence).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index out of range), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `findings` a live handle, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_finding_message(
    findings: *const ipv6kit_plan_findings,
    index: usize,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let f = finding(unsafe { read_findings(findings) }?, index)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&f.message) }
    })
}

/// Writes the fix suggested for finding number `index` (what to write instead).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index out of range), `NOT_FOUND` (no fix),
/// `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `findings` a live handle, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_finding_fix(
    findings: *const ipv6kit_plan_findings,
    index: usize,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let f = finding(unsafe { read_findings(findings) }?, index)?;
        let fix = f
            .fix
            .as_deref()
            .ok_or(Fail::with(ipv6kit_result::NotFound, "no fix is suggested"))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(fix) }
    })
}

/// The report formats.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_plan_report_format {
    /// The text report (tree, findings, sizing), without colours.
    Text = 0,
    /// JSON.
    Json = 1,
}

/// Writes the plan's report with its findings; `format` is an `ipv6kit_plan_report_format`.
///
/// Errors: `NULL_POINTER`, `INVALID_ENUM`, `BUFFER_TOO_SHORT` (nothing written).
///
/// # Safety
/// `findings` a live handle, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_report(
    findings: *const ipv6kit_plan_findings,
    format: u32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(findings) }?;
        let text = match format {
            f if f == ipv6kit_plan_report_format::Text as u32 => {
                render::text::report(&h.plan, &h.findings, &render::text::ReportOptions::default())
            }
            f if f == ipv6kit_plan_report_format::Json as u32 => render::json::report(&h.plan, &h.findings),
            other => {
                return Err(Fail::with(
                    ipv6kit_result::InvalidEnum,
                    format_args!("{other} is no ipv6kit_plan_report_format"),
                ))
            }
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&text) }
    })
}

/// Releases a plan and its findings. NULL is accepted and ignored.
///
/// # Safety
/// `findings` must be NULL or a live handle, not used after.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_findings_free(findings: *mut ipv6kit_plan_findings) {
    if !findings.is_null() {
        // SAFETY: made by Box::into_raw in ipv6kit_plan_check and freed once (contract).
        drop(unsafe { Box::from_raw(findings) });
    }
}

// ---- planning: entries, free space, sizing, renumbering, reverse zones, the SVG map ---------

/// The entry with tree index `node` (the plan's entries sorted by address, parents before
/// children: `0` to `ipv6kit_plan_entry_count() - 1`).
fn node_of(h: &ipv6kit_plan_findings, node: usize) -> Result<&ipv6kit_core::plan::Entry, Fail> {
    h.plan
        .get(node)
        .ok_or_else(|| Fail::with(ipv6kit_result::InvalidArgument, SpaceError::NoSuchEntry(node)))
}

/// Sets `*count` to the number of entries of the plan. Entries are addressed by their tree index
/// (`node`, 0 to count − 1): the plan sorted by address, each entry before the entries inside it.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `plan` a live handle and `count` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_entry_count(
    plan: *const ipv6kit_plan_findings,
    count: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let count = Out::new(count)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        // SAFETY: the caller's contract above.
        unsafe { count.write(h.plan.len()) };
        Ok(())
    })
}

/// Writes the prefix of entry `node` (a tree index) as written (host bits kept).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (no such entry).
///
/// # Safety
/// `plan` a live handle and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_entry_prefix(
    plan: *const ipv6kit_plan_findings,
    node: usize,
    out: *mut ipv6kit_prefix,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let e = node_of(unsafe { read_findings(plan) }?, node)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_prefix::from_net(e.prefix)) };
        Ok(())
    })
}

/// Sets `*node` to the tree index of the first entry whose network is exactly `prefix` (host
/// bits ignored).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `NOT_FOUND`.
///
/// # Safety
/// `plan` a live handle, `prefix` readable and `node` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_find(
    plan: *const ipv6kit_plan_findings,
    prefix: *const ipv6kit_prefix,
    node: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let node = Out::new(node)?;
        // SAFETY: the caller's contract above.
        let (h, net) = unsafe { (read_findings(plan)?, read_prefix(prefix)?) };
        let i = h
            .plan
            .find(net)
            .ok_or_else(|| Fail::with(ipv6kit_result::NotFound, format_args!("the plan has no entry {net}")))?;
        // SAFETY: the caller's contract above.
        unsafe { node.write(i) };
        Ok(())
    })
}

/// A list of prefixes (the free space of a plan entry). Made by `ipv6kit_plan_free_space()`,
/// walked with `ipv6kit_plan_prefixes_next()`, released once by `ipv6kit_plan_prefixes_free()`.
pub struct ipv6kit_plan_prefixes {
    prefixes: Vec<Ipv6Net>,
    next: usize,
}

/// Makes an iterator over the free space of entry `node`: what its children leave, as the
/// fewest prefixes, in address order (a leaf is entirely free).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (no such entry).
///
/// # Safety
/// `plan` a live handle and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_free_space(
    plan: *const ipv6kit_plan_findings,
    node: usize,
    out: *mut *mut ipv6kit_plan_prefixes,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        node_of(h, node)?;
        let prefixes = space::free(&h.plan, node);
        let handle = Box::into_raw(Box::new(ipv6kit_plan_prefixes { prefixes, next: 0 }));
        // SAFETY: the caller's contract above.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Writes the next prefix.
///
/// Errors: `NULL_POINTER`, `ITERATION_DONE` (no more prefixes; nothing written).
///
/// # Safety
/// `prefixes` a live handle (advanced by one thread at a time) and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_prefixes_next(
    prefixes: *mut ipv6kit_plan_prefixes,
    out: *mut ipv6kit_prefix,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: a live handle per the contract, advanced by one thread at a time.
        let h = unsafe { prefixes.as_mut() }.ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let p = *h
            .prefixes
            .get(h.next)
            .ok_or(Fail::code(ipv6kit_result::IterationDone))?;
        h.next += 1;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_prefix::from_net(p)) };
        Ok(())
    })
}

/// Releases a prefix list. NULL is accepted and ignored.
///
/// # Safety
/// `prefixes` must be NULL or a live handle, not used after.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_prefixes_free(prefixes: *mut ipv6kit_plan_prefixes) {
    if !prefixes.is_null() {
        // SAFETY: made by Box::into_raw in ipv6kit_plan_free_space and freed once (contract).
        drop(unsafe { Box::from_raw(prefixes) });
    }
}

/// Writes the first free /`len` inside entry `node` (aligned, in address order).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (no such entry, or `len` above 128),
/// `PLAN_SHORTER_THAN_NODE` (`len` is shorter than the entry's own length), `PLAN_SPACE_FULL`.
///
/// # Safety
/// `plan` a live handle and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_next_free(
    plan: *const ipv6kit_plan_findings,
    node: usize,
    len: u8,
    out: *mut ipv6kit_prefix,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        let p = space::next_free(&h.plan, node, len)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_prefix::from_net(p)) };
        Ok(())
    })
}

/// Sets `*out` to the share of entry `node`'s space its children take, from 0.0 to 1.0 (0.0 for
/// a leaf; duplicate children count once).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (no such entry).
///
/// # Safety
/// `plan` a live handle and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_utilisation(
    plan: *const ipv6kit_plan_findings,
    node: usize,
    out: *mut f64,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        node_of(h, node)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(space::utilisation(&h.plan, node)) };
        Ok(())
    })
}

/// How much space the children of an entry need (`ipv6kit_plan_smallest_delegation()`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_plan_sizing {
    /// The entry (its network).
    pub node: ipv6kit_prefix,
    /// How many distinct child lengths there are: read each with `ipv6kit_plan_sizing_demand_at()`.
    pub demand_count: usize,
    /// The longest prefix that holds all children when they may be renumbered.
    pub packed_len: u8,
    /// `packed_len` rounded down to a nibble (reverse DNS, readability).
    pub nibble_len: u8,
    /// The smallest prefix that holds all children where they are now (subnet IDs kept).
    pub in_place: ipv6kit_prefix,
}

fn sizing(h: &ipv6kit_plan_findings, node: usize) -> Result<space::Sizing, Fail> {
    node_of(h, node)?;
    space::smallest_delegation(&h.plan, node)
        .ok_or_else(|| Fail::with(ipv6kit_result::NotFound, format_args!("entry {node} has no children")))
}

/// Writes the smallest delegation that holds the children of entry `node` (duplicates count once).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (no such entry), `NOT_FOUND` (a leaf: no children).
///
/// # Safety
/// `plan` a live handle and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_smallest_delegation(
    plan: *const ipv6kit_plan_findings,
    node: usize,
    out: *mut ipv6kit_plan_sizing,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let s = sizing(unsafe { read_findings(plan) }?, node)?;
        let c = ipv6kit_plan_sizing {
            node: ipv6kit_prefix::from_net(s.node),
            demand_count: s.demand.len(),
            packed_len: s.packed_len,
            nibble_len: s.nibble_len,
            in_place: ipv6kit_prefix::from_net(s.in_place),
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// Writes demand number `index` (0 to `demand_count` − 1, shortest length first) of entry
/// `node`'s sizing: `*count` of its children are a /`*len`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (no such entry, or index out of range),
/// `NOT_FOUND` (a leaf).
///
/// # Safety
/// `plan` a live handle, `len` and `count` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_sizing_demand_at(
    plan: *const ipv6kit_plan_findings,
    node: usize,
    index: usize,
    len: *mut u8,
    count: *mut u64,
) -> ipv6kit_result {
    guard(|| {
        let (len, count) = (Out::new(len)?, Out::new(count)?);
        // SAFETY: the caller's contract above.
        let s = sizing(unsafe { read_findings(plan) }?, node)?;
        let &(l, n) = s
            .demand
            .get(index)
            .ok_or_else(|| Fail::with(ipv6kit_result::InvalidArgument, format_args!("no demand {index}")))?;
        // SAFETY: the caller's contract above.
        unsafe {
            len.write(l);
            count.write(n);
        }
        Ok(())
    })
}

/// How `ipv6kit_plan_renumber()` kept the subnet IDs.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_plan_renumber_strategy {
    /// Every offset inside the delegation kept: only the delegation's bits changed.
    KeepOffsets = 0,
    /// The new delegation is smaller: subnet IDs keep their low bits, which collided with nothing.
    KeepLowBits = 1,
    /// Low bits collided: the top-level blocks were packed, largest first.
    Packed = 2,
}

/// Renumbers every entry inside `from` into `to` (host bits of both ignored), keeping subnet IDs
/// where possible; entries outside `from` stay. The renumbered plan, checked again, is a new
/// handle in `*out` (release it with `ipv6kit_plan_findings_free()`; its report is the new plan's
/// text, `ipv6kit_plan_moved_at()` lists what moved), and `*strategy` says how the subnet IDs
/// were kept.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `PLAN_DOES_NOT_FIT` (the
/// detailed message names the length needed).
///
/// # Safety
/// `plan` a live handle, `from` and `to` readable, `out` and `strategy` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_renumber(
    plan: *const ipv6kit_plan_findings,
    from: *const ipv6kit_prefix,
    to: *const ipv6kit_prefix,
    out: *mut *mut ipv6kit_plan_findings,
    strategy: *mut ipv6kit_plan_renumber_strategy,
) -> ipv6kit_result {
    guard(|| {
        let (out, strategy) = (Out::new(out)?, Out::new(strategy)?);
        // SAFETY: the caller's contract above.
        let (h, from, to) = unsafe { (read_findings(plan)?, read_prefix(from)?, read_prefix(to)?) };
        let r = space::renumber(&h.plan, from, to)?;
        let s = match r.strategy {
            space::Strategy::KeepOffsets => ipv6kit_plan_renumber_strategy::KeepOffsets,
            space::Strategy::KeepLowBits => ipv6kit_plan_renumber_strategy::KeepLowBits,
            space::Strategy::Packed => ipv6kit_plan_renumber_strategy::Packed,
        };
        let findings = check::check(&r.plan);
        let handle = Box::into_raw(Box::new(ipv6kit_plan_findings {
            plan: r.plan,
            findings,
            next: 0,
            moved: r.moved,
        }));
        // SAFETY: the caller's contract above.
        unsafe {
            strategy.write(s);
            out.write(handle);
        }
        Ok(())
    })
}

/// Sets `*count` to the number of reverse-DNS zones of entry `node` (RFC 3596 §2.5): 1 for a
/// nibble-aligned prefix, otherwise the 2, 4 or 8 zones at the next nibble that cover it exactly.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (no such entry).
///
/// # Safety
/// `plan` a live handle and `count` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_reverse_zones_count(
    plan: *const ipv6kit_plan_findings,
    node: usize,
    count: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let count = Out::new(count)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        node_of(h, node)?;
        let n = space::reverse_zones(&h.plan, node).map_or(0, |z| z.len());
        // SAFETY: the caller's contract above.
        unsafe { count.write(n) };
        Ok(())
    })
}

/// Writes reverse zone number `index` of entry `node` (see `ipv6kit_plan_reverse_zones_count()`):
/// its prefix into `zone` and its name into `buf` (with a trailing dot when `fqdn`).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (no such entry, or index out of range),
/// `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `plan` a live handle, `zone` writable, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_reverse_zone_at(
    plan: *const ipv6kit_plan_findings,
    node: usize,
    index: usize,
    zone: *mut ipv6kit_prefix,
    fqdn: bool,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let zone = Out::new(zone)?;
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        node_of(h, node)?;
        let (net, name) = space::reverse_zones(&h.plan, node)
            .and_then(|mut z| z.nth(index))
            .ok_or_else(|| Fail::with(ipv6kit_result::InvalidArgument, format_args!("no reverse zone {index}")))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(crate::dns::pick(&name, fqdn)) }?;
        // SAFETY: the caller's contract above.
        unsafe { zone.write(ipv6kit_prefix::from_net(net)) };
        Ok(())
    })
}

/// Writes the SVG map of the plan, its findings marked, `width` pixels wide (the core's default is
/// 1000), as text into `buf`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (`width` not a finite number above 0),
/// `BUFFER_TOO_SHORT` (nothing written).
///
/// # Safety
/// `plan` a live handle, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_svg_map(
    plan: *const ipv6kit_plan_findings,
    width: f64,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        if !(width.is_finite() && width > 0.0) {
            return Err(Fail::with(
                ipv6kit_result::InvalidArgument,
                format_args!("the width {width} is not a finite number above 0"),
            ));
        }
        let svg = render::svg::map(&h.plan, &h.findings, &render::svg::SvgOptions { width });
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&svg) }
    })
}

/// Sets `*count` to the number of prefixes that moved when the plan was made by
/// `ipv6kit_plan_renumber()` (0 for a plan made by `ipv6kit_plan_check()`).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `plan` a live handle and `count` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_moved_count(
    plan: *const ipv6kit_plan_findings,
    count: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let count = Out::new(count)?;
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        // SAFETY: the caller's contract above.
        unsafe { count.write(h.moved.len()) };
        Ok(())
    })
}

/// Writes move number `index` of a renumbered plan (in the old plan's order): the prefix as it
/// was into `old` and as it is now into `new_`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index out of range).
///
/// # Safety
/// `plan` a live handle, `old` and `new_` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_plan_moved_at(
    plan: *const ipv6kit_plan_findings,
    index: usize,
    old: *mut ipv6kit_prefix,
    new_: *mut ipv6kit_prefix,
) -> ipv6kit_result {
    guard(|| {
        let (old, new_) = (Out::new(old)?, Out::new(new_)?);
        // SAFETY: the caller's contract above.
        let h = unsafe { read_findings(plan) }?;
        let &(a, b) = h
            .moved
            .get(index)
            .ok_or_else(|| Fail::with(ipv6kit_result::InvalidArgument, format_args!("no move {index}")))?;
        // SAFETY: the caller's contract above.
        unsafe {
            old.write(ipv6kit_prefix::from_net(a));
            new_.write(ipv6kit_prefix::from_net(b));
        }
        Ok(())
    })
}
