//! Address plans: check a plan given as text, TOML or JSON, iterate over the findings, render
//! the report.

use crate::boundary::{guard, read_text, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use crate::text::ipv6kit_prefix;
use core::ffi::c_char;
use ipv6kit_core::plan::{self as core_plan, check, render, Finding, Plan, Severity};

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
