//! `ipv6kit.plan`: address plans checked, with free space, JSON, and HTML/SVG for notebooks.

use crate::convert::{error, ipv6_addr, ipv6_net, py_ipv6_net, Error, IntArg};
use ipv6kit::plan::{self as core_plan, check as checks, render, space, Finding, Format, Plan};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

fn severity_colour(severity: &str) -> &'static str {
    match severity {
        "error" => "#b00020",
        "warning" => "#9a6700",
        _ => "#0b6e99",
    }
}

/// One finding of a plan check.
#[pyclass(module = "ipv6kit.plan", frozen)]
pub(crate) struct Diagnostic {
    finding: Finding,
}

#[pymethods]
impl Diagnostic {
    /// The check's stable code (``"P101"``).
    #[getter]
    fn code(&self) -> String {
        self.finding.code.to_string()
    }
    /// ``"error"``, ``"warning"`` or ``"note"``.
    #[getter]
    fn severity(&self) -> &'static str {
        self.finding.severity.as_str()
    }
    /// What is wrong, in a sentence.
    #[getter]
    fn message(&self) -> &str {
        &self.finding.message
    }
    /// The line of the entry (from 1; 0 for entries not read from text).
    #[getter]
    fn line(&self) -> u32 {
        self.finding.location.line
    }
    /// The column of the entry (from 1).
    #[getter]
    fn column(&self) -> u32 {
        self.finding.location.column
    }
    /// The entry's prefix as written (host bits kept), as text.
    #[getter]
    fn prefix(&self) -> String {
        self.finding.prefix.to_string()
    }
    /// What to write instead, when it is obvious.
    #[getter]
    fn fix(&self) -> Option<&str> {
        self.finding.fix.as_deref()
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(code='{}', severity='{}', line={}, prefix='{}', message={:?})",
            self.finding.code,
            self.finding.severity,
            self.finding.location.line,
            self.finding.prefix,
            self.finding.message
        )
    }

    fn __str__(&self) -> String {
        format!(
            "{}[{}] line {}: {}",
            self.finding.severity, self.finding.code, self.finding.location.line, self.finding.message
        )
    }

    /// The finding as HTML (Jupyter).
    fn _repr_html_(&self) -> String {
        let sev = self.finding.severity.as_str();
        let fix = self
            .finding
            .fix
            .as_deref()
            .map(|f| format!("<br><i>fix:</i> {}", html_escape(f)))
            .unwrap_or_default();
        format!(
            "<div><b style=\"color:{}\">{}[{}]</b> line {}: <code>{}</code> {}{}</div>",
            severity_colour(sev),
            sev,
            self.finding.code,
            self.finding.location.line,
            html_escape(&self.finding.prefix.to_string()),
            html_escape(&self.finding.message),
            fix
        )
    }
}

/// The result of :func:`check`: the plan's tree and its findings.
///
/// ``.ok``, ``.diagnostics``, ``.entries`` (the tree, in order, with depths), ``.free(prefix)``,
/// ``.to_json()``, ``.to_svg()``; ``str()`` is the text report. In Jupyter it renders as HTML;
/// ``.map`` renders as the SVG map.
#[pyclass(module = "ipv6kit.plan", frozen)]
pub(crate) struct Report {
    plan: Plan,
    findings: Vec<Finding>,
}

impl Report {
    /// The index of the entry with this prefix.
    fn node(&self, prefix: &Bound<'_, PyAny>) -> PyResult<usize> {
        let p = ipv6_net(prefix, "prefix")?;
        self.plan
            .find(p)
            .ok_or_else(|| Error::new_err(format!("{p} is not an entry of the plan")))
    }
}

#[pymethods]
impl Report {
    /// True when no finding is an error.
    #[getter]
    fn ok(&self) -> bool {
        checks::Summary::of(&self.findings).errors == 0
    }

    /// The findings, as :class:`Diagnostic` objects.
    #[getter]
    fn diagnostics(&self) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .map(|f| Diagnostic { finding: f.clone() })
            .collect()
    }

    /// The plan's entries in tree order: dicts with ``prefix`` (as written), ``network``
    /// (``IPv6Network``), ``name``, ``role``, ``description``, ``tags``, ``depth``, ``parent``
    /// (index or ``None``) and ``line``.
    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for (i, e) in self.plan.iter() {
            let d = PyDict::new(py);
            d.set_item("prefix", e.prefix.to_string())?;
            d.set_item("network", py_ipv6_net(py, e.network())?)?;
            d.set_item("name", e.name.as_deref())?;
            d.set_item("role", e.role.map(|r| r.to_string()))?;
            d.set_item("description", &e.description)?;
            d.set_item("tags", e.tags.clone())?;
            d.set_item("depth", self.plan.depth(i))?;
            d.set_item("parent", self.plan.parent(i))?;
            d.set_item("line", e.location.line)?;
            out.append(d)?;
        }
        Ok(out)
    }

    /// The free space left under the entry with this prefix, as the fewest prefixes.
    fn free<'py>(&self, prefix: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let node = self.node(prefix)?;
        let out = PyList::empty(prefix.py());
        for net in space::free(&self.plan, node) {
            out.append(py_ipv6_net(prefix.py(), net)?)?;
        }
        Ok(out)
    }

    /// The first free /``length`` inside the entry with this prefix.
    ///
    /// Raises:
    ///     ipv6kit.Error: no such entry, ``length`` shorter than the entry, or no free
    ///         /``length`` is left.
    ///
    /// >>> r = ipv6kit.plan.check("2001:db8:ebbd:9900::/56\n2001:db8:ebbd:9908::/62\n")
    /// >>> r.next_free("2001:db8:ebbd:9900::/56", 64)
    /// IPv6Network('2001:db8:ebbd:9900::/64')
    fn next_free<'py>(&self, prefix: &Bound<'py, PyAny>, length: IntArg) -> PyResult<Bound<'py, PyAny>> {
        let length = length.for_core("length", "0 to 128")?;
        let node = self.node(prefix)?;
        py_ipv6_net(prefix.py(), space::next_free(&self.plan, node, length).map_err(error)?)
    }

    /// The share of the entry's space its children take, from 0.0 to 1.0 (duplicates count once).
    ///
    /// >>> r = ipv6kit.plan.check("2001:db8:ebbd:9900::/56\n2001:db8:ebbd:9908::/62\n")
    /// >>> r.utilisation("2001:db8:ebbd:9900::/56")
    /// 0.015625
    fn utilisation(&self, prefix: &Bound<'_, PyAny>) -> PyResult<f64> {
        Ok(space::utilisation(&self.plan, self.node(prefix)?))
    }

    /// The smallest delegation that holds the entry's children, or ``None`` for a leaf.
    ///
    /// >>> r = ipv6kit.plan.check("2001:db8:ebbd:9900::/56\n2001:db8:ebbd:9908::/62\n")
    /// >>> s = r.smallest_delegation("2001:db8:ebbd:9900::/56")
    /// >>> s.packed_len, s.nibble_len, s.in_place
    /// (62, 60, IPv6Network('2001:db8:ebbd:9908::/62'))
    fn smallest_delegation(&self, prefix: &Bound<'_, PyAny>) -> PyResult<Option<Sizing>> {
        Ok(space::smallest_delegation(&self.plan, self.node(prefix)?).map(|sizing| Sizing { sizing }))
    }

    /// Renumbers every entry inside ``from_prefix`` into ``to_prefix`` (a new ISP prefix, or a
    /// /48 plan into a /56), keeping subnet IDs where possible; entries outside stay.
    ///
    /// Returns:
    ///     A :class:`Renumbered`: ``.strategy``, ``.moved`` and ``.report`` (the new plan, checked).
    ///
    /// Raises:
    ///     ipv6kit.Error: the plan does not fit (the message names the length it needs).
    ///
    /// >>> r = ipv6kit.plan.check("2001:db8:ebbd::/48 [delegation]\n2001:db8:ebbd:9908::/62\n")
    /// >>> n = r.renumber("2001:db8:ebbd::/48", "2001:db8:77:1200::/56")
    /// >>> n.strategy, n.moved[1]
    /// ('keep-low-bits', (IPv6Network('2001:db8:ebbd:9908::/62'), IPv6Network('2001:db8:77:1208::/62')))
    fn renumber(&self, from_prefix: &Bound<'_, PyAny>, to_prefix: &Bound<'_, PyAny>) -> PyResult<Renumbered> {
        let from = ipv6_net(from_prefix, "from_prefix")?;
        let to = ipv6_net(to_prefix, "to_prefix")?;
        let r = space::renumber(&self.plan, from, to).map_err(error)?;
        let strategy = match r.strategy {
            space::Strategy::KeepOffsets => "keep-offsets",
            space::Strategy::KeepLowBits => "keep-low-bits",
            space::Strategy::Packed => "packed",
        };
        let findings = checks::check(&r.plan);
        Ok(Renumbered {
            strategy,
            moved: r.moved,
            plan: r.plan,
            findings,
        })
    }

    /// The reverse-DNS zones of the entry (RFC 3596 §2.5): one for a nibble-aligned prefix, else
    /// the 2, 4 or 8 zones at the next nibble that cover it, as ``(IPv6Network, name)`` pairs.
    ///
    /// >>> r = ipv6kit.plan.check("2001:db8:ebbd::/48\n")
    /// >>> [name for _, name in r.reverse_zones("2001:db8:ebbd::/48")]
    /// ['d.b.b.e.8.b.d.0.1.0.0.2.ip6.arpa']
    fn reverse_zones<'py>(&self, prefix: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let py = prefix.py();
        let node = self.node(prefix)?;
        let out = PyList::empty(py);
        for (net, name) in space::reverse_zones(&self.plan, node).into_iter().flatten() {
            out.append((py_ipv6_net(py, net)?, name.to_string()))?;
        }
        Ok(out)
    }

    /// The report as JSON text (the same document as ``ipv6kit plan --json``).
    fn to_json(&self) -> String {
        render::json::report(&self.plan, &self.findings)
    }

    /// The SVG map of the plan, findings marked.
    #[pyo3(signature = (width = 1000.0))]
    fn to_svg(&self, width: f64) -> String {
        render::svg::map(&self.plan, &self.findings, &render::svg::SvgOptions { width })
    }

    /// An object that renders as the SVG map in Jupyter.
    #[getter]
    fn map(&self) -> PlanMap {
        PlanMap {
            svg: self.to_svg(1000.0),
        }
    }

    fn __str__(&self) -> String {
        render::text::report(&self.plan, &self.findings, &render::ReportOptions::default())
    }

    fn __repr__(&self) -> String {
        let s = checks::Summary::of(&self.findings);
        format!(
            "<ipv6kit.plan.Report: {} prefixes, {} errors, {} warnings, {} notes>",
            self.plan.len(),
            s.errors,
            s.warnings,
            s.notes
        )
    }

    /// The text report as HTML, severities coloured (Jupyter).
    fn _repr_html_(&self) -> String {
        let text = html_escape(&self.__str__());
        let mut out = String::from("<pre style=\"line-height:1.3\">");
        for line in text.lines() {
            let sev = ["error", "warning", "note"]
                .into_iter()
                .find(|s| line.starts_with(&format!("{s}[")));
            match sev {
                Some(s) => out.push_str(&format!("<b style=\"color:{}\">{}</b>\n", severity_colour(s), line)),
                None => {
                    out.push_str(line);
                    out.push('\n');
                }
            }
        }
        out.push_str("</pre>");
        out
    }

    /// The SVG map (Jupyter shows the HTML report first; ``report.map`` shows the map).
    fn _repr_svg_(&self) -> String {
        self.to_svg(1000.0)
    }
}

/// How much space the children of a plan entry need (:meth:`Report.smallest_delegation`).
///
/// ``str()`` is the core's sentence.
#[pyclass(module = "ipv6kit.plan", frozen)]
pub(crate) struct Sizing {
    sizing: space::Sizing,
}

#[pymethods]
impl Sizing {
    /// The entry sized.
    #[getter]
    fn node<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6_net(py, self.sizing.node)
    }
    /// How many children of each length it holds: ``(length, count)``, shortest first.
    #[getter]
    fn demand(&self) -> Vec<(u8, u64)> {
        self.sizing.demand.clone()
    }
    /// The longest prefix that holds all children when they may be renumbered.
    #[getter]
    fn packed_len(&self) -> u8 {
        self.sizing.packed_len
    }
    /// ``packed_len`` rounded down to a nibble.
    #[getter]
    fn nibble_len(&self) -> u8 {
        self.sizing.nibble_len
    }
    /// The smallest prefix that holds all children where they are now.
    #[getter]
    fn in_place<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6_net(py, self.sizing.in_place)
    }

    fn __str__(&self) -> String {
        self.sizing.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<ipv6kit.plan.Sizing: {}>", self.sizing)
    }
}

/// A plan renumbered into another delegation (:meth:`Report.renumber`).
#[pyclass(module = "ipv6kit.plan", frozen)]
pub(crate) struct Renumbered {
    strategy: &'static str,
    moved: Vec<(ipnet::Ipv6Net, ipnet::Ipv6Net)>,
    plan: Plan,
    findings: Vec<Finding>,
}

#[pymethods]
impl Renumbered {
    /// How subnet IDs were kept: ``"keep-offsets"`` (only the delegation's bits changed),
    /// ``"keep-low-bits"`` (into a smaller delegation, low bits kept) or ``"packed"``
    /// (top-level blocks packed, largest first).
    #[getter]
    fn strategy(&self) -> &'static str {
        self.strategy
    }
    /// Every prefix that moved: ``(old, new)``, in the old plan's order.
    #[getter]
    fn moved<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for (old, new) in &self.moved {
            out.append((py_ipv6_net(py, *old)?, py_ipv6_net(py, *new)?))?;
        }
        Ok(out)
    }
    /// The renumbered plan, checked: a :class:`Report`.
    #[getter]
    fn report(&self) -> Report {
        Report {
            plan: self.plan.clone(),
            findings: self.findings.clone(),
        }
    }

    fn __repr__(&self) -> String {
        format!(
            "<ipv6kit.plan.Renumbered: {}, {} prefixes moved>",
            self.strategy,
            self.moved.len()
        )
    }
}

/// The SVG map of a plan, displayed as an image in Jupyter.
#[pyclass(module = "ipv6kit.plan", frozen)]
pub(crate) struct PlanMap {
    svg: String,
}

#[pymethods]
impl PlanMap {
    /// The SVG text.
    fn _repr_svg_(&self) -> String {
        self.svg.clone()
    }

    fn __str__(&self) -> String {
        self.svg.clone()
    }
}

/// Reads and checks an address plan.
///
/// Args:
///     text: the plan: plain text (one prefix a line with an optional ``[role]``, name and
///         description), TOML or JSON.
///     format: ``"text"``, ``"toml"``, ``"json"``, or ``"auto"`` (JSON when the text starts with
///         ``{``, else plain text, then TOML; the core decides, and reports the error of the
///         format the input looks like when none reads it).
///
/// Returns:
///     A :class:`Report`.
///
/// Raises:
///     ipv6kit.Error: the plan does not parse (the message gives line and column).
///
/// >>> report = ipv6kit.plan.check("2001:db8:ebbd::/48 house\n2001:db8:ebbd:9900::/56 DMZ\n")
/// >>> report.ok
/// True
#[pyfunction]
#[pyo3(signature = (text, format = "auto"))]
fn check(text: &str, format: &str) -> PyResult<Report> {
    let plan = match format {
        "text" => core_plan::read(text, Format::Text),
        "toml" => core_plan::read(text, Format::Toml),
        "json" => core_plan::read(text, Format::Json),
        "auto" => core_plan::read_auto(text).map(|(plan, _)| plan),
        other => {
            return Err(Error::new_err(format!(
                "format {other:?}: \"auto\", \"text\", \"toml\" or \"json\" was expected"
            )))
        }
    }
    .map_err(error)?;
    let findings = checks::check(&plan);
    Ok(Report { plan, findings })
}

/// The blocks of the inclusive range ``first``–``last`` as the fewest prefixes, in order (empty
/// when ``last`` comes before ``first``).
///
/// >>> ipv6kit.plan.range_to_prefixes("2001:db8::1", "2001:db8::6")
/// [IPv6Network('2001:db8::1/128'), IPv6Network('2001:db8::2/127'), IPv6Network('2001:db8::4/127'), IPv6Network('2001:db8::6/128')]
#[pyfunction]
fn range_to_prefixes<'py>(first: &Bound<'py, PyAny>, last: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = first.py();
    let out = PyList::empty(py);
    for net in space::range_to_prefixes(ipv6_addr(first, "first")?, ipv6_addr(last, "last")?) {
        out.append(py_ipv6_net(py, net)?)?;
    }
    Ok(out)
}

mod build;

/// Adds the submodule `plan` to `parent`.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ipv6kit.plan")?;
    m.add("__doc__", "Address plans: read (text, TOML, JSON), check against the RFCs and RIPE-690, free space, JSON and SVG reports.")?;
    m.add_function(wrap_pyfunction!(check, &m)?)?;
    m.add_function(wrap_pyfunction!(range_to_prefixes, &m)?)?;
    m.add_class::<Report>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<PlanMap>()?;
    m.add_class::<Sizing>()?;
    m.add_class::<Renumbered>()?;
    build::register(&m)?;
    parent.setattr("plan", m)?;
    Ok(())
}
