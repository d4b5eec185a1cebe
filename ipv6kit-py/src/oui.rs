//! `ipv6kit.oui`: the IEEE registries of MAC address blocks (MA-L, MA-M, MA-S, IAB) as a
//! database to look up, count and iterate (`ipv6kit::oui`).

use crate::convert::{error, mac, mac_str};
use ipv6kit::oui::{self as core_oui, Assignment, OuiDb};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use std::hash::{Hash, Hasher};

/// One IEEE assignment: a block of MAC addresses and the organisation holding it.
///
/// ``str()`` is ``"MA-L b8:27:eb/24 Raspberry Pi Foundation"``: the registry, the block's
/// leading bytes over its length, the organisation.
///
/// >>> a = ipv6kit.oui.parse_csv("Registry,Assignment,Organization Name,Organization Address\n"
/// ...                           "MA-M,741AE09,Private,\n")[0]
/// >>> a.registry, hex(a.prefix), a.bits, a.organization, a.first
/// ('MA-M', '0x741ae09', 28, 'Private', '74:1a:e0:90:00:00')
/// >>> a.contains("74:1a:e0:9f:ff:ff"), a.contains("74:1a:e0:a0:00:00")
/// (True, False)
#[pyclass(module = "ipv6kit.oui", name = "Assignment", frozen)]
pub(crate) struct PyAssignment(Assignment);

#[pymethods]
impl PyAssignment {
    /// The registry: ``"MA-L"`` (24-bit blocks), ``"MA-M"`` (28), ``"MA-S"`` or ``"IAB"`` (36).
    #[getter]
    fn registry(&self) -> &'static str {
        self.0.registry.name()
    }
    /// The block's leading bits as an ``int`` of :attr:`bits` bits (``0xB827EB``).
    #[getter]
    fn prefix(&self) -> u64 {
        self.0.prefix
    }
    /// How many leading MAC bits the block fixes: 24, 28 or 36.
    #[getter]
    fn bits(&self) -> u8 {
        self.0.bits()
    }
    /// The organisation's name as registered (``"Private"`` for hidden holders).
    #[getter]
    fn organization(&self) -> &str {
        &self.0.organization
    }
    /// The first MAC of the block, lowercase.
    #[getter]
    fn first(&self) -> String {
        mac_str(self.0.first())
    }
    /// True when the MAC (any common notation) lies in this block.
    fn contains(&self, mac: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.contains(crate::convert::mac(mac, "mac")?))
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<ipv6kit.oui.Assignment {}>", self.0)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyAssignment>()
            .map(|o| o.get().0 == self.0)
            .unwrap_or(false)
    }

    fn __hash__(&self) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.0.registry, self.0.prefix, &self.0.organization).hash(&mut h);
        h.finish()
    }
}

/// A set of IEEE assignments, looked up by longest match (an MA-S block inside an MA-M block
/// inside an MA-L block belongs to the MA-S holder).
///
/// ``OuiDb()`` is empty: fill it with :meth:`add_csv` or :meth:`add_file`, or use :func:`load`
/// for the registries of a folder. ``len()`` counts the assignments; iterating gives them as
/// :class:`Assignment` objects, shortest blocks first (MA-L, then MA-M, then MA-S/IAB), each
/// length by prefix.
///
/// >>> db = ipv6kit.oui.OuiDb()
/// >>> db.add_csv("Registry,Assignment,Organization Name,Organization Address\n"
/// ...            "MA-L,B827EB,Raspberry Pi Foundation,Cambridge GB\n")
/// 1
/// >>> len(db), db.lookup("b8:27:eb:89:bc:51").organization
/// (1, 'Raspberry Pi Foundation')
#[pyclass(module = "ipv6kit.oui", name = "OuiDb")]
pub(crate) struct PyOuiDb(OuiDb);

#[pymethods]
impl PyOuiDb {
    /// An empty database.
    #[new]
    fn py_new() -> Self {
        PyOuiDb(OuiDb::new())
    }

    /// Adds every record of one registry CSV text (header line included); returns how many
    /// were read. A block already present is replaced. On an error nothing from the text is
    /// kept.
    ///
    /// Raises:
    ///     ipv6kit.Error: a bad header or record (the message gives its line).
    fn add_csv(&mut self, text: &str) -> PyResult<usize> {
        self.0.add_csv(text).map_err(error)
    }

    /// Reads one registry CSV file into the database; returns how many records were read.
    fn add_file(&mut self, path: std::path::PathBuf) -> PyResult<usize> {
        self.0.add_file(&path).map_err(error)
    }

    /// The assignment holding the MAC (the longest block containing it), or ``None``.
    fn lookup(&self, mac: &Bound<'_, PyAny>) -> PyResult<Option<PyAssignment>> {
        let m = self::mac(mac, "mac")?;
        Ok(self.0.lookup(m).cloned().map(PyAssignment))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let all = PyList::empty(py);
        for a in self.0.iter() {
            all.append(PyAssignment(a.clone()))?;
        }
        all.try_iter().map(|i| i.into_any())
    }

    fn __repr__(&self) -> String {
        format!("<ipv6kit.oui.OuiDb: {} assignments>", self.0.len())
    }
}

/// Reads the IEEE registries of a folder: ``oui.csv`` (MA-L, required), and ``mam.csv``,
/// ``oui36.csv`` and ``iab.csv`` when present.
///
/// Args:
///     registry_dir: the folder; by default Debian's ``ieee-data`` (:data:`DEBIAN_DIR`).
///
/// Raises:
///     ipv6kit.Error: a file cannot be read or holds a bad record.
///
/// >>> db = ipv6kit.oui.load()  # doctest: +SKIP
/// >>> db.lookup("b8:27:eb:89:bc:51")  # doctest: +SKIP
/// <ipv6kit.oui.Assignment MA-L b8:27:eb/24 Raspberry Pi Foundation>
#[pyfunction]
#[pyo3(signature = (registry_dir = None))]
fn load(registry_dir: Option<std::path::PathBuf>) -> PyResult<PyOuiDb> {
    match registry_dir {
        Some(dir) => OuiDb::load_dir(&dir),
        None => OuiDb::load_debian(),
    }
    .map(PyOuiDb)
    .map_err(error)
}

/// The records of one registry CSV text (header line first), in file order.
///
/// Raises:
///     ipv6kit.Error: a bad header or record (the message gives its line).
///
/// >>> [str(a) for a in ipv6kit.oui.parse_csv("Registry,Assignment,Organization Name\n"
/// ...                                        "MA-S,70B3D5F2F,TELEPLATFORMS\n")]
/// ['MA-S 70:b3:d5:f2:f0/36 TELEPLATFORMS']
#[pyfunction]
fn parse_csv(text: &str) -> PyResult<Vec<PyAssignment>> {
    Ok(core_oui::parse_csv(text)
        .map_err(error)?
        .into_iter()
        .map(PyAssignment)
        .collect())
}

/// Adds the submodule `oui` to `parent`.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = parent.py();
    let m = PyModule::new(py, "ipv6kit.oui")?;
    m.add(
        "__doc__",
        "The IEEE MAC address registries (MA-L, MA-M, MA-S, IAB): lookup, count, iterate.",
    )?;
    m.add("DEBIAN_DIR", core_oui::DEBIAN_DIR)?;
    m.add("DEBIAN_FILES", PyTuple::new(py, core_oui::DEBIAN_FILES)?)?;
    m.add_function(wrap_pyfunction!(load, &m)?)?;
    m.add_function(wrap_pyfunction!(parse_csv, &m)?)?;
    m.add_class::<PyOuiDb>()?;
    m.add_class::<PyAssignment>()?;
    parent.setattr("oui", m)?;
    Ok(())
}
