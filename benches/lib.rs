//! Inputs shared by the benchmarks (not part of ipv6kit's API).

use std::net::Ipv6Addr;

/// `n` pseudo-random addresses from a fixed seed, the same on every run.
pub fn addresses(n: usize) -> Vec<Ipv6Addr> {
    let mut s: u64 = 0x1234_5678_9abc_def0;
    (0..n)
        .map(|_| {
            let mut hi = 0u128;
            for _ in 0..2 {
                s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = s;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                hi = (hi << 64) | u128::from(z ^ (z >> 31));
            }
            Ipv6Addr::from_bits(hi)
        })
        .collect()
}
