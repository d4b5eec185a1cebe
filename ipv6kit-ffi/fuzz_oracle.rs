//! The oracle of the `ffi_ndp_parse` fuzz target: drives the C API's NDP parse entry points
//! (`ipv6kit_ndp_parse`, `_parse_ipv6`, `_parse_ethernet`) and every accessor of what parses,
//! exactly as a C caller would, and checks the C contract:
//! - a handle appears only on success, and every result is a code (no `PANIC`);
//! - the message's bytes are the input's; option offsets increase, each option lies inside
//!   the message, and `data`/`data_len` point inside it;
//! - the counted RDNSS addresses and DNSSL names are all readable, one more is `INVALID_ARGUMENT`;
//! - text outputs either fit a large buffer or say `BUFFER_TOO_SHORT`, and write nothing then.
//!
//! Shared by `fuzz/fuzz_targets/ffi_ndp_parse.rs` and `ipv6kit-ffi/tests/fuzz_corpus.rs` (the
//! replay of `fuzz/corpus/ffi_ndp_parse/`). The including crate root names the C API `api`.

use crate::api::ipv6kit_result;
use crate::api::ndp::*;
use core::ptr::null_mut;

/// Runs the oracle on one input; returns the number of options walked over every parse that
/// succeeded (for tests of the oracle itself).
pub fn ffi_ndp_parse(data: &[u8]) -> usize {
    let mut walked = 0;
    let mut m: *mut ipv6kit_ndp_message = null_mut();
    // SAFETY: `data` is readable for its length; `m` is writable.
    let rc = unsafe { ipv6kit_ndp_parse(data.as_ptr(), data.len(), &mut m) };
    assert_ne!(rc, ipv6kit_result::Panic, "panic inside ipv6kit_ndp_parse");
    if rc == ipv6kit_result::Ok {
        assert!(!m.is_null());
        walked += exercise(m, data);
        // SAFETY: a live handle, freed once.
        unsafe { ipv6kit_ndp_free(m) };
    } else {
        assert!(m.is_null(), "a handle was written on failure ({rc:?})");
    }
    // The same bytes as an IPv6 packet and as an Ethernet frame.
    for parse in [ipv6kit_ndp_parse_ipv6, ipv6kit_ndp_parse_ethernet] {
        let mut m: *mut ipv6kit_ndp_message = null_mut();
        // SAFETY: as above.
        let rc = unsafe { parse(data.as_ptr(), data.len(), &mut m) };
        assert_ne!(rc, ipv6kit_result::Panic);
        assert_eq!(rc == ipv6kit_result::Ok, !m.is_null());
        if !m.is_null() {
            let mut env = core::mem::MaybeUninit::<ipv6kit_ndp_envelope>::uninit();
            // SAFETY: a live handle; env writable.
            assert_eq!(
                unsafe { ipv6kit_ndp_message_envelope(m, env.as_mut_ptr()) },
                ipv6kit_result::Ok
            );
            let mut bytes: *const u8 = core::ptr::null();
            let mut len = 0usize;
            // SAFETY: a live handle; outputs writable.
            assert_eq!(
                unsafe { ipv6kit_ndp_bytes(m, &mut bytes, &mut len) },
                ipv6kit_result::Ok
            );
            // SAFETY: the handle's bytes, valid until it is freed.
            let icmp = unsafe { core::slice::from_raw_parts(bytes, len) };
            let owned = icmp.to_vec();
            walked += exercise(m, &owned);
            // SAFETY: a live handle, freed once.
            unsafe { ipv6kit_ndp_free(m) };
        }
    }
    walked
}

fn exercise(m: *mut ipv6kit_ndp_message, data: &[u8]) -> usize {
    let mut walked = 0;
    let mut bytes: *const u8 = core::ptr::null();
    let mut len = 0usize;
    // SAFETY: a live handle; outputs writable.
    assert_eq!(
        unsafe { ipv6kit_ndp_bytes(m, &mut bytes, &mut len) },
        ipv6kit_result::Ok
    );
    // SAFETY: the handle's bytes, valid until it is freed.
    let own = unsafe { core::slice::from_raw_parts(bytes, len) };
    assert_eq!(own, data);
    let range = bytes as usize..bytes as usize + len;

    let mut h = core::mem::MaybeUninit::<ipv6kit_ndp_header>::uninit();
    // SAFETY: a live handle; h writable.
    assert_eq!(
        unsafe { ipv6kit_ndp_message_header(m, h.as_mut_ptr()) },
        ipv6kit_result::Ok
    );
    // SAFETY: written on success.
    let h = unsafe { h.assume_init() };
    assert_eq!(Some(&h.message_type), data.first());

    let mut text = vec![0xa5u8; 1 << 16];
    let mut n = 0usize;
    // SAFETY: a live handle; buffer and count writable.
    let rc = unsafe { ipv6kit_ndp_describe(m, text.as_mut_ptr().cast(), text.len(), &mut n) };
    assert!(
        rc == ipv6kit_result::Ok || rc == ipv6kit_result::BufferTooShort,
        "{rc:?}"
    );
    if rc == ipv6kit_result::Ok {
        assert_eq!(text[n], 0);
    }

    let addr = [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    let mut bits = 0u32;
    // SAFETY: a live handle; addresses readable; output writable.
    assert_eq!(
        unsafe { ipv6kit_ndp_validate(m, addr.as_ptr(), addr.as_ptr(), 255, &mut bits) },
        ipv6kit_result::Ok
    );
    let mut ok = false;
    // SAFETY: as above.
    assert_eq!(
        unsafe { ipv6kit_ndp_verify_checksum(m, addr.as_ptr(), addr.as_ptr(), &mut ok) },
        ipv6kit_result::Ok
    );
    assert_eq!(bits & 2 != 0, !ok, "the checksum rule and verify_checksum disagree");

    let mut it: *mut ipv6kit_ndp_options = null_mut();
    // SAFETY: a live handle; output writable.
    assert_eq!(unsafe { ipv6kit_ndp_options_new(m, &mut it) }, ipv6kit_result::Ok);
    let mut last_end = 0usize;
    loop {
        let mut o = core::mem::MaybeUninit::<ipv6kit_ndp_option>::uninit();
        // SAFETY: a live iterator; o writable.
        let rc = unsafe { ipv6kit_ndp_options_next(it, o.as_mut_ptr()) };
        if rc == ipv6kit_result::IterationDone {
            break;
        }
        assert_eq!(rc, ipv6kit_result::Ok);
        // SAFETY: written on success.
        let o = unsafe { o.assume_init() };
        walked += 1;
        let size = usize::from(o.length_units) * 8;
        assert!(
            size >= 8 && o.offset >= last_end && o.offset + size <= len,
            "option outside the message"
        );
        last_end = o.offset + size;
        assert_eq!(o.data_len, size - 2);
        let d = o.data as usize;
        assert!(
            range.contains(&d) && d + o.data_len <= range.end,
            "option data outside the message"
        );
        let mut a = [0u8; 16];
        for i in 0..=o.count {
            let want = if i < o.count {
                ipv6kit_result::Ok
            } else {
                ipv6kit_result::InvalidArgument
            };
            if o.kind == ipv6kit_ndp_option_kind::RecursiveDnsServer {
                // SAFETY: a live iterator; a writable.
                assert_eq!(
                    unsafe { ipv6kit_ndp_options_rdnss_address(it, i, a.as_mut_ptr()) },
                    want
                );
            }
            if o.kind == ipv6kit_ndp_option_kind::DnsSearchList {
                // SAFETY: a live iterator; buffer writable.
                let rc = unsafe { ipv6kit_ndp_options_dnssl_name(it, i, text.as_mut_ptr().cast(), text.len(), &mut n) };
                assert_eq!(rc, want);
            }
        }
        // SAFETY: a live iterator; buffer writable.
        let rc = unsafe { ipv6kit_ndp_options_text(it, text.as_mut_ptr().cast(), text.len(), &mut n) };
        assert_eq!(rc, ipv6kit_result::Ok);
        // One byte short of the text: nothing written.
        if n > 0 {
            let mut small = vec![0xa5u8; n];
            let mut n2 = 4242usize;
            // SAFETY: as above.
            let rc = unsafe { ipv6kit_ndp_options_text(it, small.as_mut_ptr().cast(), small.len(), &mut n2) };
            assert_eq!(rc, ipv6kit_result::BufferTooShort);
            assert!(small.iter().all(|&b| b == 0xa5) && n2 == 4242, "written on failure");
        }
    }
    // SAFETY: a live iterator, freed once.
    unsafe { ipv6kit_ndp_options_free(it) };
    walked
}
