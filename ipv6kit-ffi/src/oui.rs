//! The IEEE MAC address registries (MA-L/OUI, MA-M, MA-S, IAB) as Debian's `ieee-data` package
//! installs them: which organisation a MAC address block was assigned to. Only with the `oui`
//! cargo feature (on by default).
#![cfg(feature = "oui")]

use crate::boundary::{guard, read_bytes, read_text, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use core::ffi::c_char;
use ipv6kit_core::oui::{Assignment, OuiDb, Registry};
use ipv6kit_core::MacAddr6;
use std::path::PathBuf;

/// A set of registry assignments, looked up by longest match (an MA-S block inside an MA-M block
/// inside an MA-L block belongs to the MA-S holder). Made by `ipv6kit_oui_db_new()` or a
/// `_load` function, released once by `ipv6kit_oui_db_free()`. Lookups may run on several threads
/// at once; an `_add` function must not run while another thread uses the same handle.
pub struct ipv6kit_oui_db {
    db: OuiDb,
}

/// The registry an assignment comes from (`ipv6kit_oui_assignment.registry`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_oui_registry {
    /// MA-L, the classic OUI: a 24-bit block.
    MaL = 0,
    /// MA-M: a 28-bit block.
    MaM = 1,
    /// MA-S (OUI-36): a 36-bit block.
    MaS = 2,
    /// IAB, the retired individual address blocks: 36 bits, like MA-S.
    Iab = 3,
}

/// An assignment: a block of MAC addresses (its holder's name comes with it from
/// `ipv6kit_oui_lookup()`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_oui_assignment {
    /// The registry it comes from.
    pub registry: ipv6kit_oui_registry,
    /// The number of leading MAC bits the block fixes: 24 (MA-L), 28 (MA-M) or 36 (MA-S, IAB).
    pub bits: u8,
    /// The block's leading bits as an integer of `bits` bits, as the files write it in hex
    /// (MA-L `B827EB` is 0xB827EB, MA-S `70B3D5F2F` is 0x70B3D5F2F).
    pub prefix: u64,
    /// The first MAC address of the block (the prefix followed by zeros).
    pub first: [u8; 6],
}

fn registry_to_c(r: Registry) -> Result<ipv6kit_oui_registry, Fail> {
    Ok(match r {
        Registry::MaL => ipv6kit_oui_registry::MaL,
        Registry::MaM => ipv6kit_oui_registry::MaM,
        Registry::MaS => ipv6kit_oui_registry::MaS,
        Registry::Iab => ipv6kit_oui_registry::Iab,
        other => {
            return Err(Fail::with(
                ipv6kit_result::OuiOther,
                format_args!("registry {other} has no C form yet"),
            ))
        }
    })
}

fn assignment_to_c(a: &Assignment) -> Result<ipv6kit_oui_assignment, Fail> {
    Ok(ipv6kit_oui_assignment {
        registry: registry_to_c(a.registry)?,
        bits: a.bits(),
        prefix: a.prefix,
        first: a.first().into_array(),
    })
}

/// # Safety
/// `p` must be NULL or a live handle.
unsafe fn read_db<'a>(p: *const ipv6kit_oui_db) -> Result<&'a OuiDb, Fail> {
    // SAFETY: a live handle per the contract; read here.
    unsafe { p.as_ref() }
        .map(|h| &h.db)
        .ok_or(Fail::code(ipv6kit_result::NullPointer))
}

/// # Safety
/// `p` must be NULL or a live handle no other thread uses meanwhile.
unsafe fn read_db_mut<'a>(p: *mut ipv6kit_oui_db) -> Result<&'a mut OuiDb, Fail> {
    // SAFETY: a live handle per the contract, used by this thread alone.
    unsafe { p.as_mut() }
        .map(|h| &mut h.db)
        .ok_or(Fail::code(ipv6kit_result::NullPointer))
}

/// A path from the caller's bytes (any bytes on Unix; UTF-8 elsewhere).
///
/// # Safety
/// `p` must be NULL or readable for `len` bytes.
unsafe fn read_path(p: *const c_char, len: usize) -> Result<PathBuf, Fail> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        // SAFETY: forwarded contract.
        let bytes = unsafe { crate::boundary::read_slice(p.cast(), len) }?;
        Ok(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
    }
    #[cfg(not(unix))]
    {
        // SAFETY: forwarded contract.
        Ok(PathBuf::from(unsafe {
            read_text(p, len, ipv6kit_result::InvalidArgument)
        }?))
    }
}

fn into_handle(db: OuiDb) -> *mut ipv6kit_oui_db {
    Box::into_raw(Box::new(ipv6kit_oui_db { db }))
}

/// Makes an empty registry set, for `ipv6kit_oui_db_add_csv()` and `_add_file()` (firmware that
/// ships a few records of its own, for example). Free `*out` with `ipv6kit_oui_db_free()`.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_db_new(out: *mut *mut ipv6kit_oui_db) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(into_handle(OuiDb::new())) };
        Ok(())
    })
}

/// Reads the registries Debian's `ieee-data` package installs in `/usr/share/ieee-data`
/// (`oui.csv`, and `mam.csv`, `oui36.csv`, `iab.csv` when present): some 46,000 assignments,
/// about 7 MB more resident memory after loading (ieee-data 20220827, x86-64, glibc). Free `*out`
/// with `ipv6kit_oui_db_free()`.
///
/// Errors: `NULL_POINTER`, `OUI_IO` (`oui.csv` missing, or a file unreadable), `PARSE_OUI` (the
/// detailed message names the line and the part).
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_db_load_debian(out: *mut *mut ipv6kit_oui_db) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        let db = OuiDb::load_debian()?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(into_handle(db)) };
        Ok(())
    })
}

/// Reads the registry CSV files of the directory `dir` (`len` bytes, no NUL needed): `oui.csv`
/// (required) and `mam.csv`, `oui36.csv`, `iab.csv` when present, in the layout of Debian's
/// `ieee-data`. Free `*out` with `ipv6kit_oui_db_free()`.
///
/// Errors: `NULL_POINTER`, `OUI_IO`, `PARSE_OUI`.
///
/// # Safety
/// `dir` readable for `len` bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_db_load_dir(
    dir: *const c_char,
    len: usize,
    out: *mut *mut ipv6kit_oui_db,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let path = unsafe { read_path(dir, len) }?;
        let db = OuiDb::load_dir(path)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(into_handle(db)) };
        Ok(())
    })
}

/// Adds every record of one registry CSV text (`len` bytes of UTF-8, the header line
/// `Registry,Assignment,Organization Name,...` first; RFC 4180 quoting, CRLF or LF line ends)
/// and sets `*records` to the number of records read. A record for a block already present
/// replaces it. On an error nothing from this text is kept.
///
/// Errors: `NULL_POINTER`, `PARSE_OUI` (also for text that is not UTF-8).
///
/// # Safety
/// `db` a live handle no other thread uses meanwhile, `text` readable for `len` bytes, `records`
/// writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_db_add_csv(
    db: *mut ipv6kit_oui_db,
    text: *const c_char,
    len: usize,
    records: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(records)?;
        // SAFETY: the caller's contract above.
        let text = unsafe { read_text(text, len, ipv6kit_result::ParseOui) }?;
        // SAFETY: the caller's contract above.
        let db = unsafe { read_db_mut(db) }?;
        let n = db.add_csv(text)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(n) };
        Ok(())
    })
}

/// Adds every record of the registry CSV file at `path` (`len` bytes, no NUL needed), as
/// `ipv6kit_oui_db_add_csv()` adds a text.
///
/// Errors: `NULL_POINTER`, `OUI_IO`, `PARSE_OUI`.
///
/// # Safety
/// `db` a live handle no other thread uses meanwhile, `path` readable for `len` bytes, `records`
/// writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_db_add_file(
    db: *mut ipv6kit_oui_db,
    path: *const c_char,
    len: usize,
    records: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(records)?;
        // SAFETY: the caller's contract above.
        let path = unsafe { read_path(path, len) }?;
        // SAFETY: the caller's contract above.
        let db = unsafe { read_db_mut(db) }?;
        let n = db.add_file(path)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(n) };
        Ok(())
    })
}

/// Sets `*count` to the number of assignments held (blocks listed twice count once).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `db` a live handle, `count` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_db_count(db: *const ipv6kit_oui_db, count: *mut usize) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(count)?;
        // SAFETY: the caller's contract above.
        let n = unsafe { read_db(db) }?.len();
        // SAFETY: the caller's contract above.
        unsafe { out.write(n) };
        Ok(())
    })
}

/// Writes block `a` to `out` and its holder's name to `name` (the name first: when it does not
/// fit, nothing is written to `out`).
///
/// # Safety
/// `out` and `name` made from the caller's writable pointers.
unsafe fn write_assignment(out: Out<ipv6kit_oui_assignment>, name: TextOut, a: &Assignment) -> Result<(), Fail> {
    let c = assignment_to_c(a)?;
    // SAFETY: the caller's contract above.
    unsafe { name.write_str(&a.organization) }?;
    // SAFETY: the caller's contract above.
    unsafe { out.write(c) };
    Ok(())
}

/// Looks up the block holding `mac` (the longest of the MA-S/IAB, MA-M and MA-L blocks that
/// contain it): writes it to `*out` and its holder's name, as registered ("Private" for hidden
/// holders), to `organization`. Names are short (the longest in ieee-data 20220827 has 108
/// bytes); `BUFFER_TOO_SHORT` writes nothing.
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (no block holds the address), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `db` a live handle, `mac` readable for 6 bytes, `out` writable, `organization` writable for
/// `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_lookup(
    db: *const ipv6kit_oui_db,
    mac: *const u8,
    out: *mut ipv6kit_oui_assignment,
    organization: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        let name = TextOut::new(organization, len, written)?;
        // SAFETY: the caller's contract above.
        let (db, mac) = unsafe { (read_db(db)?, MacAddr6::from(read_bytes::<6>(mac)?)) };
        let a = db
            .lookup(mac)
            .ok_or_else(|| Fail::with(ipv6kit_result::NotFound, format_args!("no registry block holds {mac}")))?;
        // SAFETY: the caller's contract above.
        unsafe { write_assignment(out, name, a) }
    })
}

/// Iterates the set one block at a time, shortest blocks first, then by prefix (MA-L, MA-M,
/// then MA-S and IAB): writes the block after `*after` (NULL: the first block) to `*out` and its
/// holder's name to `organization`, as `ipv6kit_oui_lookup()` does. Pass the block just
/// written as `after` for the next one. Only `after`'s `bits` and `prefix` are read; it need
/// not be in the set. Holds no state: the set may change between calls.
///
/// ```c
/// ipv6kit_oui_assignment a;
/// char name[256];
/// size_t n;
/// for (ipv6kit_result rc = ipv6kit_oui_db_next(db, NULL, &a, name, sizeof name, &n);
///      rc == IPV6KIT_RESULT_OK; rc = ipv6kit_oui_db_next(db, &a, &a, name, sizeof name, &n))
///     printf("%u %llx %s\n", a.bits, (unsigned long long)a.prefix, name);
/// ```
///
/// Errors: `NULL_POINTER`, `ITERATION_DONE` (no block after `*after`), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `db` a live handle, `after` NULL or readable, `out` writable (it may be `after` itself),
/// `organization` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_db_next(
    db: *const ipv6kit_oui_db,
    after: *const ipv6kit_oui_assignment,
    out: *mut ipv6kit_oui_assignment,
    organization: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        let name = TextOut::new(organization, len, written)?;
        // SAFETY: the caller's contract above; `after` is read (copied) before `out` is written.
        let (db, key) = unsafe { (read_db(db)?, after.as_ref().map(|a| (a.bits, a.prefix))) };
        let a = db.next_after(key).ok_or(Fail::code(ipv6kit_result::IterationDone))?;
        // SAFETY: the caller's contract above.
        unsafe { write_assignment(out, name, a) }
    })
}

/// Writes the block holding `mac` as one line: the registry, the block as its first MAC's leading
/// bytes over its length, the organisation (`MA-L b8:27:eb/24 Raspberry Pi Foundation`).
///
/// Errors: `NULL_POINTER`, `NOT_FOUND`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `db` a live handle, `mac` readable for 6 bytes, `buf` writable for `len` bytes, `written`
/// writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_describe(
    db: *const ipv6kit_oui_db,
    mac: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let (db, mac) = unsafe { (read_db(db)?, MacAddr6::from(read_bytes::<6>(mac)?)) };
        let a = db
            .lookup(mac)
            .ok_or_else(|| Fail::with(ipv6kit_result::NotFound, format_args!("no registry block holds {mac}")))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a) }
    })
}

/// Releases a registry set. NULL is accepted and ignored.
///
/// # Safety
/// `db` must be NULL or a live handle, not used after.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_oui_db_free(db: *mut ipv6kit_oui_db) {
    if !db.is_null() {
        // SAFETY: made by Box::into_raw in into_handle and freed once (contract).
        drop(unsafe { Box::from_raw(db) });
    }
}
