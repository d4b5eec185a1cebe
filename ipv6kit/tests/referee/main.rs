//! Referee tests: ipv6kit checked against real implementations.
//!
//! Each submodule names the implementation it consults and how it starts it. Tests that
//! need root or a tool skip loudly when it is missing; with `IPV6KIT_REQUIRE_REFEREES=1`
//! (set by `.ci/run`) a skip is a failure.

mod kernel_stable;
mod netlab;

mod ipv6calc_iid;
#[cfg(feature = "plan")]
mod ipv6calc_plan;
mod ipv6calc_registry;
mod ipv6calc_sixrd;
mod kernel_iid;
mod kernel_zone;
mod ndp;
