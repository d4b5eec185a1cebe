//! Python bindings for ipv6kit: the native module `ipv6kit._ipv6kit`.
//!
//! Conversion and error mapping only: every computation is the core's. Inputs accept `str`
//! or `ipaddress` objects, results are `ipaddress` objects or lowercase MAC strings, every core
//! error becomes `ipv6kit.Error` (a `ValueError`), and so does an int out of its argument's
//! range (`convert::IntArg`, never an `OverflowError`), wrong types a `TypeError`. The batch
//! functions (`batch`) also take packed bytes and return other forms (`output=`); the
//! conversions' fast paths, the only `unsafe` code, are in `fast`.

use pyo3::prelude::*;

mod addr;
mod batch;
mod convert;
mod describe;
mod fast;
mod multicast;
mod ndp;
mod oui;
mod plan;
mod scoped;
mod sixrd;
mod stable;
mod temporary;

/// The native part of the ``ipv6kit`` package; import ``ipv6kit`` instead.
#[pymodule]
fn _ipv6kit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    convert::register(m)?;
    addr::register(m)?;
    addr::register_more(m)?;
    addr::register_embedded(m)?;
    describe::register(m)?;
    multicast::register(m)?;
    ndp::register(m)?;
    plan::register(m)?;
    sixrd::register(m)?;
    stable::register(m)?;
    temporary::register(m)?;
    oui::register(m)?;
    scoped::register(m)?;
    Ok(())
}
