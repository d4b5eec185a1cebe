//! `ipv6kit.temporary`: temporary addresses (RFC 8981): random interface identifiers and
//! their lifetimes and regeneration schedule.

use crate::convert::{error, fixed_bytes, Error, IntArg};
use ipv6kit::iid::temporary::{self as tmp, TempAddrConfig, TempSchedule};
use ipv6kit::iid::Iid;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// The RFC 8981 §3.8 parameters of a host (or of one interface); times in seconds.
///
/// The defaults are the RFC's: ``TEMP_VALID_LIFETIME`` 2 days, ``TEMP_PREFERRED_LIFETIME``
/// 1 day, ``TEMP_IDGEN_RETRIES`` 3, ``DupAddrDetectTransmits`` 1, ``RetransTimer`` 1000 ms.
///
/// >>> cfg = ipv6kit.temporary.TempAddrConfig()
/// >>> cfg.regen_advance, cfg.max_desync_factor
/// (5, 34560)
#[pyclass(module = "ipv6kit.temporary", name = "TempAddrConfig", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash, Clone, Copy)]
pub(crate) struct PyTempAddrConfig(TempAddrConfig);

#[pymethods]
impl PyTempAddrConfig {
    /// A configuration; every parameter defaults to the RFC's value.
    #[new]
    #[pyo3(signature = (
        temp_valid_lifetime = IntArg::Fits(tmp::TEMP_VALID_LIFETIME.into()),
        temp_preferred_lifetime = IntArg::Fits(tmp::TEMP_PREFERRED_LIFETIME.into()),
        temp_idgen_retries = IntArg::Fits(tmp::TEMP_IDGEN_RETRIES.into()),
        dup_addr_detect_transmits = IntArg::Fits(tmp::DUP_ADDR_DETECT_TRANSMITS.into()),
        retrans_timer_ms = IntArg::Fits(tmp::RETRANS_TIMER_MS.into()),
    ),
    text_signature = "(temp_valid_lifetime=172800, temp_preferred_lifetime=86400, temp_idgen_retries=3, dup_addr_detect_transmits=1, retrans_timer_ms=1000)"
    )]
    fn new(
        temp_valid_lifetime: IntArg,
        temp_preferred_lifetime: IntArg,
        temp_idgen_retries: IntArg,
        dup_addr_detect_transmits: IntArg,
        retrans_timer_ms: IntArg,
    ) -> PyResult<Self> {
        Ok(PyTempAddrConfig(TempAddrConfig {
            temp_valid_lifetime: temp_valid_lifetime.get("temp_valid_lifetime")?,
            temp_preferred_lifetime: temp_preferred_lifetime.get("temp_preferred_lifetime")?,
            temp_idgen_retries: temp_idgen_retries.get("temp_idgen_retries")?,
            dup_addr_detect_transmits: dup_addr_detect_transmits.get("dup_addr_detect_transmits")?,
            retrans_timer_ms: retrans_timer_ms.get("retrans_timer_ms")?,
        }))
    }

    /// ``TEMP_VALID_LIFETIME``, seconds.
    #[getter]
    fn temp_valid_lifetime(&self) -> u32 {
        self.0.temp_valid_lifetime
    }
    /// ``TEMP_PREFERRED_LIFETIME``, seconds.
    #[getter]
    fn temp_preferred_lifetime(&self) -> u32 {
        self.0.temp_preferred_lifetime
    }
    /// ``TEMP_IDGEN_RETRIES``.
    #[getter]
    fn temp_idgen_retries(&self) -> u32 {
        self.0.temp_idgen_retries
    }
    /// The interface's ``DupAddrDetectTransmits``.
    #[getter]
    fn dup_addr_detect_transmits(&self) -> u32 {
        self.0.dup_addr_detect_transmits
    }
    /// The interface's ``RetransTimer``, milliseconds.
    #[getter]
    fn retrans_timer_ms(&self) -> u32 {
        self.0.retrans_timer_ms
    }
    /// ``REGEN_ADVANCE = 2 + TEMP_IDGEN_RETRIES × DupAddrDetectTransmits × RetransTimer / 1000``
    /// seconds (RFC 8981 §3.8).
    #[getter]
    fn regen_advance(&self) -> u32 {
        self.0.regen_advance()
    }
    /// ``MAX_DESYNC_FACTOR = 0.4 × TEMP_PREFERRED_LIFETIME``, rounded down (RFC 8981 §3.8).
    #[getter]
    fn max_desync_factor(&self) -> u32 {
        self.0.max_desync_factor()
    }

    /// A ``DESYNC_FACTOR`` drawn uniformly from ``0..=MAX_DESYNC_FACTOR`` (kept below
    /// ``TEMP_PREFERRED_LIFETIME - REGEN_ADVANCE``), from ``os.urandom``.
    ///
    /// Raises:
    ///     ipv6kit.Error: ``TEMP_PREFERRED_LIFETIME`` is not above ``REGEN_ADVANCE``.
    fn desync_factor(&self, py: Python<'_>) -> PyResult<u32> {
        let urandom = py.import("os")?.getattr("urandom")?;
        let mut failure = None;
        let d = self.0.desync_factor(
            |buf| match urandom.call1((buf.len(),)).and_then(|b| b.extract::<Vec<u8>>()) {
                Ok(b) if b.len() == buf.len() => buf.copy_from_slice(&b),
                Ok(_) => failure = Some(Error::new_err("os.urandom returned the wrong length")),
                Err(e) => failure = Some(e),
            },
        );
        if let Some(e) = failure {
            return Err(e);
        }
        d.map_err(error)
    }

    /// The schedule of a temporary address created at ``now``; see :func:`schedule`.
    fn schedule(
        &self,
        now: IntArg,
        prefix_valid: IntArg,
        prefix_preferred: IntArg,
        desync_factor: IntArg,
    ) -> PyResult<Option<PyTempSchedule>> {
        let t = Times::of(&now, &prefix_valid, &prefix_preferred, &desync_factor)?;
        Ok(self
            .0
            .schedule(t.now, t.prefix_valid, t.prefix_preferred, t.desync_factor)
            .map_err(error)?
            .map(PyTempSchedule))
    }

    /// The schedule after a Router Advertisement refreshes the prefix; see :func:`refresh`.
    fn refresh(
        &self,
        schedule: &PyTempSchedule,
        now: IntArg,
        prefix_valid: IntArg,
        prefix_preferred: IntArg,
        desync_factor: IntArg,
    ) -> PyResult<PyTempSchedule> {
        let t = Times::of(&now, &prefix_valid, &prefix_preferred, &desync_factor)?;
        Ok(PyTempSchedule(self.0.refresh(
            &schedule.0,
            t.now,
            t.prefix_valid,
            t.prefix_preferred,
            t.desync_factor,
        )))
    }

    fn __repr__(&self) -> String {
        let c = &self.0;
        format!(
            "TempAddrConfig(temp_valid_lifetime={}, temp_preferred_lifetime={}, temp_idgen_retries={}, \
             dup_addr_detect_transmits={}, retrans_timer_ms={})",
            c.temp_valid_lifetime,
            c.temp_preferred_lifetime,
            c.temp_idgen_retries,
            c.dup_addr_detect_transmits,
            c.retrans_timer_ms
        )
    }
}

/// When a temporary address stops being preferred, expires, and must be replaced: absolute
/// times in the caller's seconds.
#[pyclass(module = "ipv6kit.temporary", name = "TempSchedule", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash, Clone, Copy)]
pub(crate) struct PyTempSchedule(TempSchedule);

#[pymethods]
impl PyTempSchedule {
    /// A schedule from its four times (as a previous :func:`schedule` gave them).
    #[new]
    fn new(created_at: IntArg, preferred_until: IntArg, valid_until: IntArg, regenerate_at: IntArg) -> PyResult<Self> {
        Ok(PyTempSchedule(TempSchedule {
            created_at: created_at.get("created_at")?,
            preferred_until: preferred_until.get("preferred_until")?,
            valid_until: valid_until.get("valid_until")?,
            regenerate_at: regenerate_at.get("regenerate_at")?,
        }))
    }
    /// The address was created at this time.
    #[getter]
    fn created_at(&self) -> u64 {
        self.0.created_at
    }
    /// It is deprecated from this time on.
    #[getter]
    fn preferred_until(&self) -> u64 {
        self.0.preferred_until
    }
    /// It is removed at this time.
    #[getter]
    fn valid_until(&self) -> u64 {
        self.0.valid_until
    }
    /// Its successor is generated at this time (``REGEN_ADVANCE`` before deprecation).
    #[getter]
    fn regenerate_at(&self) -> u64 {
        self.0.regenerate_at
    }

    fn __repr__(&self) -> String {
        let s = &self.0;
        format!(
            "TempSchedule(created_at={}, preferred_until={}, valid_until={}, regenerate_at={})",
            s.created_at, s.preferred_until, s.valid_until, s.regenerate_at
        )
    }
}

fn config(config: Option<&PyTempAddrConfig>) -> TempAddrConfig {
    config.map(|c| c.0).unwrap_or_default()
}

/// The times `schedule` and `refresh` take, range-checked (`now` any `u64`, the others `u32`).
struct Times {
    now: u64,
    prefix_valid: u32,
    prefix_preferred: u32,
    desync_factor: u32,
}

impl Times {
    fn of(now: &IntArg, prefix_valid: &IntArg, prefix_preferred: &IntArg, desync_factor: &IntArg) -> PyResult<Self> {
        Ok(Times {
            now: now.get("now")?,
            prefix_valid: prefix_valid.get("prefix_valid")?,
            prefix_preferred: prefix_preferred.get("prefix_preferred")?,
            desync_factor: desync_factor.get("desync_factor")?,
        })
    }
}

/// A random 64-bit interface identifier (RFC 8981 §3.3.1) from the operating system's
/// generator; reserved identifiers (RFC 5453) are drawn again.
///
/// Returns:
///     The 8 identifier bytes.
///
/// >>> iid = ipv6kit.temporary.random_iid()
/// >>> len(iid), iid != ipv6kit.temporary.random_iid()
/// (8, True)
#[pyfunction]
fn random_iid(py: Python<'_>) -> PyResult<Bound<'_, PyBytes>> {
    let iid = tmp::random_iid_os().map_err(error)?;
    Ok(PyBytes::new(py, &iid.octets()))
}

/// The schedule of a temporary address created at ``now`` (RFC 8981 §3.4 steps 4–6).
///
/// Valid for ``min(prefix_valid, TEMP_VALID_LIFETIME)``, preferred for ``min(prefix_preferred,
/// TEMP_PREFERRED_LIFETIME - desync_factor)``, regenerated ``REGEN_ADVANCE`` before deprecation.
///
/// Args:
///     now: the creation time, in any seconds count.
///     prefix_valid: the prefix's remaining valid lifetime, seconds.
///     prefix_preferred: the prefix's remaining preferred lifetime, seconds.
///     desync_factor: the host's ``DESYNC_FACTOR``, seconds.
///     config: a :class:`TempAddrConfig` (the RFC's defaults when ``None``).
///
/// Returns:
///     A :class:`TempSchedule`, or ``None`` when the preferred lifetime would not exceed
///     ``REGEN_ADVANCE`` (no temporary address is created then).
///
/// Raises:
///     ipv6kit.Error: the desync factor is too large, or the configuration unusable.
///
/// >>> ipv6kit.temporary.schedule(1000, 86400, 14400, 0)
/// TempSchedule(created_at=1000, preferred_until=15400, valid_until=87400, regenerate_at=15395)
#[pyfunction]
#[pyo3(signature = (now, prefix_valid, prefix_preferred, desync_factor, config = None))]
fn schedule(
    now: IntArg,
    prefix_valid: IntArg,
    prefix_preferred: IntArg,
    desync_factor: IntArg,
    config: Option<PyRef<'_, PyTempAddrConfig>>,
) -> PyResult<Option<PyTempSchedule>> {
    let t = Times::of(&now, &prefix_valid, &prefix_preferred, &desync_factor)?;
    Ok(self::config(config.as_deref())
        .schedule(t.now, t.prefix_valid, t.prefix_preferred, t.desync_factor)
        .map_err(error)?
        .map(PyTempSchedule))
}

/// The schedule after a Router Advertisement refreshes the prefix at ``now`` (RFC 8981 §3.4):
/// never longer than ``TEMP_VALID_LIFETIME`` / ``TEMP_PREFERRED_LIFETIME - desync_factor``
/// counted from the address's creation.
///
/// >>> s = ipv6kit.temporary.schedule(100, 3600, 1800, 0)
/// >>> ipv6kit.temporary.refresh(s, 1000, 600, 300, 0)
/// TempSchedule(created_at=100, preferred_until=1300, valid_until=1600, regenerate_at=1295)
#[pyfunction]
#[pyo3(signature = (schedule, now, prefix_valid, prefix_preferred, desync_factor, config = None))]
fn refresh(
    schedule: PyRef<'_, PyTempSchedule>,
    now: IntArg,
    prefix_valid: IntArg,
    prefix_preferred: IntArg,
    desync_factor: IntArg,
    config: Option<PyRef<'_, PyTempAddrConfig>>,
) -> PyResult<PyTempSchedule> {
    let t = Times::of(&now, &prefix_valid, &prefix_preferred, &desync_factor)?;
    Ok(PyTempSchedule(self::config(config.as_deref()).refresh(
        &schedule.0,
        t.now,
        t.prefix_valid,
        t.prefix_preferred,
        t.desync_factor,
    )))
}

/// **Historical**: one step of the RFC 3041 / RFC 4941 §3.2.1 MD5 scheme (RFC 8981 replaced
/// it with :func:`random_iid`): ``digest = MD5(history ‖ iid)``; the temporary identifier is
/// the digest's left 64 bits with the universal/local bit cleared, the next history value its
/// right 64 bits.
///
/// Args:
///     history: the 8-byte history value (``bytes`` or hex text).
///     iid: the 8-byte interface identifier (``bytes`` or hex text, ``"02:11:22:ff:fe:33:44:55"``).
///
/// Returns:
///     ``(temporary identifier, next history value)``, 8 bytes each.
///
/// >>> tmp, nxt = ipv6kit.temporary.md5_history(bytes(8), "02:11:22:ff:fe:33:44:55")
/// >>> len(tmp), len(nxt), tmp[0] & 0x02
/// (8, 8, 0)
#[pyfunction]
fn md5_history<'py>(
    history: &Bound<'py, PyAny>,
    iid: &Bound<'py, PyAny>,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let h = fixed_bytes::<8>(history, "history")?;
    let i = Iid::new(fixed_bytes::<8>(iid, "iid")?);
    let (t, next) = tmp::md5_history(h, i);
    let py = history.py();
    Ok((PyBytes::new(py, &t.octets()), PyBytes::new(py, &next)))
}

/// Adds the submodule `temporary` to `parent`.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ipv6kit.temporary")?;
    m.add(
        "__doc__",
        "Temporary addresses (RFC 8981): random interface identifiers and their lifetimes.",
    )?;
    m.add("MAX_DRAWS", tmp::MAX_DRAWS)?;
    m.add("TEMP_VALID_LIFETIME", tmp::TEMP_VALID_LIFETIME)?;
    m.add("TEMP_PREFERRED_LIFETIME", tmp::TEMP_PREFERRED_LIFETIME)?;
    m.add("TEMP_IDGEN_RETRIES", tmp::TEMP_IDGEN_RETRIES)?;
    m.add("RETRANS_TIMER_MS", tmp::RETRANS_TIMER_MS)?;
    m.add("DUP_ADDR_DETECT_TRANSMITS", tmp::DUP_ADDR_DETECT_TRANSMITS)?;
    m.add_class::<PyTempAddrConfig>()?;
    m.add_class::<PyTempSchedule>()?;
    m.add_function(wrap_pyfunction!(random_iid, &m)?)?;
    m.add_function(wrap_pyfunction!(schedule, &m)?)?;
    m.add_function(wrap_pyfunction!(refresh, &m)?)?;
    m.add_function(wrap_pyfunction!(md5_history, &m)?)?;
    parent.setattr("temporary", m)?;
    Ok(())
}
