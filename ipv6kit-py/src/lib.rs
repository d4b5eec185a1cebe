//! Python bindings for ipv6kit. Conversion and error mapping only.

use pyo3::prelude::*;

/// The native module behind the `ipv6kit` Python package.
#[pymodule]
fn _ipv6kit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
