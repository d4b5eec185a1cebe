//! `ipv6kit.ndp.parse_ipv6`, `emit_ipv6`, `emit_ethernet` and `MessageWriter`: IPv6 packets
//! without Ethernet, framing for any ICMPv6 bytes, and any ND message written option by option
//! with the core's checksum modes.

use super::{
    ethernet_frame, ipv6_packet, opt_addr, py_message, raw_option, Core, NeighborAdvertisement, NeighborSolicitation,
    Owned, Redirect, RouterAdvertisement, RouterSolicitation,
};
use crate::convert::{error, ipv6_addr, Error, IntArg};
use core::net::Ipv6Addr;
use ipv6kit::ndp::{frame, ChecksumMode, Header, Message, MessageWriter, NdpError};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

/// Parses an IPv6 packet carrying an ICMPv6 Neighbor Discovery message (no Ethernet header:
/// a raw-IP capture, a TUN device, ``LINKTYPE_RAW``).
///
/// Hop-by-Hop, Routing and Destination Options headers are skipped; bytes after the Payload
/// Length (link padding) are ignored.
///
/// Returns:
///     The message, with ``.src``, ``.dst`` and ``.hop_limit`` from the IPv6 header (so
///     ``validate()`` needs no arguments).
///
/// Raises:
///     ipv6kit.Error: not IPv6, cut short, not ICMPv6, or a malformed ND message (the message
///         says what and where).
///
/// >>> rs = ipv6kit.ndp.build_router_solicitation("fe80::2", "02:00:00:00:00:02")
/// >>> msg = ipv6kit.ndp.parse_ipv6(rs.to_ipv6())
/// >>> msg.src, msg.dst, msg.hop_limit, msg.validate()
/// (IPv6Address('fe80::2'), IPv6Address('ff02::2'), 255, [])
#[pyfunction]
pub(super) fn parse_ipv6(py: Python<'_>, data: &[u8]) -> PyResult<Py<PyAny>> {
    let p = frame::parse_ipv6(data).map_err(error)?;
    let msg = Message::parse(p.payload).map_err(error)?;
    py_message(
        py,
        Core {
            msg,
            src: Some(p.source),
            dst: Some(p.destination),
            hop_limit: Some(p.hop_limit),
        },
    )
}

/// The IPv6 packet carrying an ICMPv6 message: a 40-byte header (traffic class and flow label
/// 0, Next Header 58, the hop limit given) in front of ``data`` (the core's ``frame::emit_ipv6``).
///
/// Args:
///     data: the ICMPv6 message, e.g. from :meth:`MessageWriter.finish`.
///     src, dst: the IPv6 addresses.
///     hop_limit: 255 for every ND message (RFC 4861).
///
/// >>> msg = ipv6kit.ndp.MessageWriter(ipv6kit.ndp.RouterSolicitation()).finish("fe80::1", "ff02::2")
/// >>> ipv6kit.ndp.parse_ipv6(ipv6kit.ndp.emit_ipv6(msg, "fe80::1", "ff02::2")).dst
/// IPv6Address('ff02::2')
#[pyfunction]
#[pyo3(signature = (data, src, dst, hop_limit = IntArg::Fits(255)), text_signature = "(data, src, dst, hop_limit=255)")]
fn emit_ipv6<'py>(
    py: Python<'py>,
    data: &[u8],
    src: &Bound<'py, PyAny>,
    dst: &Bound<'py, PyAny>,
    hop_limit: IntArg,
) -> PyResult<Bound<'py, PyBytes>> {
    let env = envelope(src, dst, &hop_limit)?;
    ipv6_packet(py, &env, data)
}

/// The Ethernet frame carrying an ICMPv6 message: Ethernet II header, the IPv6 header of
/// :func:`emit_ipv6`, then ``data`` (the core's ``frame::emit_ethernet``; no padding to 60
/// bytes). ``destination_mac`` defaults to the multicast mapping of ``dst`` (RFC 2464 §7); a
/// unicast ``dst`` needs it.
///
/// >>> msg = ipv6kit.ndp.MessageWriter(ipv6kit.ndp.RouterSolicitation()).finish("fe80::1", "ff02::2")
/// >>> ipv6kit.ndp.emit_ethernet(msg, "fe80::1", "ff02::2", "02:00:00:00:00:01")[:14].hex()
/// '33330000000202000000000186dd'
#[pyfunction]
#[pyo3(
    signature = (data, src, dst, source_mac, destination_mac = None, hop_limit = IntArg::Fits(255)),
    text_signature = "(data, src, dst, source_mac, destination_mac=None, hop_limit=255)"
)]
fn emit_ethernet<'py>(
    py: Python<'py>,
    data: &[u8],
    src: &Bound<'py, PyAny>,
    dst: &Bound<'py, PyAny>,
    source_mac: &Bound<'py, PyAny>,
    destination_mac: Option<&Bound<'py, PyAny>>,
    hop_limit: IntArg,
) -> PyResult<Bound<'py, PyBytes>> {
    let env = envelope(src, dst, &hop_limit)?;
    ethernet_frame(py, &env, data, source_mac, destination_mac)
}

/// The IPv6 header fields of `emit_ipv6` and `emit_ethernet`, from their arguments.
fn envelope(src: &Bound<'_, PyAny>, dst: &Bound<'_, PyAny>, hop_limit: &IntArg) -> PyResult<frame::Envelope> {
    Ok(frame::Envelope {
        source: ipv6_addr(src, "src")?,
        destination: ipv6_addr(dst, "dst")?,
        hop_limit: hop_limit.get("hop_limit")?,
    })
}

/// One push of a [`PyMessageWriter`], made through the core's `MessageWriter`.
enum Step {
    Option(Owned),
    Rdnss(u32, Vec<Ipv6Addr>),
    Dnssl(u32, Vec<String>),
}

impl Step {
    /// At least the bytes this step writes (the writer says exactly when a buffer is short).
    fn size_hint(&self) -> usize {
        match self {
            Step::Option(o) => o.buffer_len(),
            Step::Rdnss(_, s) => 8 + 16 * s.len(),
            Step::Dnssl(_, names) => 16 + names.iter().map(|n| n.len() + 2).sum::<usize>(),
        }
    }

    fn push(&self, w: &mut MessageWriter<'_>) -> Result<(), NdpError> {
        match self {
            Step::Option(o) => w.push(o).map(|_| ()),
            Step::Rdnss(lifetime, servers) => w.push_rdnss(*lifetime, servers).map(|_| ()),
            Step::Dnssl(lifetime, names) => {
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                w.push_dnssl(*lifetime, &names).map(|_| ())
            }
        }
    }
}

/// The fixed part and options of any message object.
fn message_parts(obj: &Bound<'_, PyAny>) -> PyResult<(Header, Vec<Owned>)> {
    macro_rules! try_message {
        ($($t:ty),*) => {
            $(if let Ok(m) = obj.cast::<$t>() {
                let msg = &m.get().core.msg;
                return Ok((msg.header, msg.options.clone()));
            })*
        };
    }
    try_message!(
        RouterSolicitation,
        RouterAdvertisement,
        NeighborSolicitation,
        NeighborAdvertisement,
        Redirect
    );
    let found = obj.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    Err(PyTypeError::new_err(format!(
        "header must be an ipv6kit.ndp message (RouterSolicitation, ..., Redirect), not {found}"
    )))
}

/// The checksum mode `finish` was asked for.
fn checksum_mode(src: Option<Ipv6Addr>, dst: Option<Ipv6Addr>, checksum: Option<u16>) -> PyResult<ChecksumMode> {
    match (src, dst, checksum) {
        (Some(source), Some(destination), None) => Ok(ChecksumMode::Compute { source, destination }),
        (None, None, Some(v)) => Ok(ChecksumMode::Keep(v)),
        (None, None, None) => Ok(ChecksumMode::LeaveZero),
        (Some(_), Some(_), Some(_)) => Err(Error::new_err(
            "give src and dst (the checksum is computed) or checksum (written as given), not both",
        )),
        _ => Err(Error::new_err(
            "src and dst go together: the checksum covers both addresses (RFC 4443 §2.3)",
        )),
    }
}

/// Writes an ND message the way the core's ``MessageWriter`` does: the fixed part of
/// ``header``, then options in the order pushed, every reserved and padding byte zero, then
/// the checksum.
///
/// Args:
///     header: any message object (:class:`RouterSolicitation`, :class:`RouterAdvertisement`,
///         :class:`NeighborSolicitation`, :class:`NeighborAdvertisement`, :class:`Redirect`),
///         made or parsed; its fixed part is written first, then its own options.
///     options: option objects to push after those.
///
/// Each push is checked at once (an empty RDNSS, a bad domain name, an option over 2040 bytes,
/// a message over 65535 bytes raise ``ipv6kit.Error`` and leave the writer as it was).
/// :meth:`finish` gives the bytes with the checksum chosen: computed from ``src`` and ``dst``,
/// left zero (a ``SOCK_RAW`` ICMPv6 socket fills it in), or an exact value (a test of a bad
/// checksum). ``len()`` is the bytes written so far.
///
/// >>> w = ipv6kit.ndp.MessageWriter(ipv6kit.ndp.RouterSolicitation())
/// >>> w.push(ipv6kit.ndp.SourceLinkLayerAddress("02:00:00:00:00:01")).finish().hex()
/// '85000000000000000101020000000001'
/// >>> len(w), w.finish(src="fe80::1", dst="ff02::2").hex()[4:8]
/// (16, '7a2c')
#[pyclass(module = "ipv6kit.ndp", name = "MessageWriter")]
pub(crate) struct PyMessageWriter {
    /// The message type, for `repr`.
    header: Header,
    /// The message written so far (checksum zero): each push resumes the core writer on it.
    buf: Vec<u8>,
}

impl PyMessageWriter {
    /// Pushes `step` through the core writer resumed on the message so far. A failed push
    /// leaves the message as it was.
    fn add(&mut self, step: Step) -> PyResult<()> {
        let len = self.buf.len();
        let mut size = len + step.size_hint();
        // One retry: the writer names the exact size when the hint was short.
        for _ in 0..2 {
            self.buf.resize(size, 0);
            let pushed = MessageWriter::resume(&mut self.buf, len).and_then(|mut w| {
                step.push(&mut w)?;
                Ok(w.len())
            });
            match pushed {
                Ok(n) => {
                    self.buf.truncate(n);
                    return Ok(());
                }
                Err(NdpError::BufferTooSmall { needed, .. }) if needed > size => size = needed,
                Err(e) => {
                    self.buf.truncate(len);
                    return Err(error(e));
                }
            }
        }
        self.buf.truncate(len);
        Err(error(NdpError::BufferTooSmall {
            needed: size,
            available: size,
        }))
    }
}

#[pymethods]
impl PyMessageWriter {
    #[new]
    #[pyo3(signature = (header, options = None))]
    fn py_new(header: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let (header, own) = message_parts(header)?;
        let mut buf = vec![0u8; header.buffer_len()];
        MessageWriter::new(&header, &mut buf).map_err(error)?;
        let mut w = PyMessageWriter { header, buf };
        for o in own {
            w.add(Step::Option(o))?;
        }
        if let Some(options) = options {
            for item in options.try_iter()? {
                w.add(Step::Option(raw_option(&item?)?))?;
            }
        }
        Ok(w)
    }

    /// Appends an option object; returns the writer (calls chain).
    fn push<'py>(mut slf: PyRefMut<'py, Self>, option: &Bound<'py, PyAny>) -> PyResult<PyRefMut<'py, Self>> {
        slf.add(Step::Option(raw_option(option)?))?;
        Ok(slf)
    }

    /// Appends a Recursive DNS Server option (RFC 8106) for 1 to 127 servers, written by the
    /// core's ``push_rdnss``; returns the writer.
    #[pyo3(signature = (servers, lifetime = IntArg::Fits(1800)), text_signature = "($self, servers, lifetime=1800)")]
    fn push_rdnss<'py>(
        mut slf: PyRefMut<'py, Self>,
        servers: Vec<Bound<'py, PyAny>>,
        lifetime: IntArg,
    ) -> PyResult<PyRefMut<'py, Self>> {
        let lifetime = lifetime.get("lifetime")?;
        let addrs = servers
            .iter()
            .map(|s| ipv6_addr(s, "servers"))
            .collect::<PyResult<Vec<_>>>()?;
        slf.add(Step::Rdnss(lifetime, addrs))?;
        Ok(slf)
    }

    /// Appends a DNS Search List option (RFC 8106) for these domains (dotted text), written by
    /// the core's ``push_dnssl``; returns the writer.
    #[pyo3(signature = (domains, lifetime = IntArg::Fits(1800)), text_signature = "($self, domains, lifetime=1800)")]
    fn push_dnssl<'py>(
        mut slf: PyRefMut<'py, Self>,
        domains: Vec<String>,
        lifetime: IntArg,
    ) -> PyResult<PyRefMut<'py, Self>> {
        slf.add(Step::Dnssl(lifetime.get("lifetime")?, domains))?;
        Ok(slf)
    }

    /// The message (``bytes``) with its checksum: computed over the pseudo-header of ``src`` →
    /// ``dst`` when both are given; written as ``checksum`` when that is given; else zero. The
    /// writer stays usable (push more, finish again).
    ///
    /// Raises:
    ///     ipv6kit.Error: only one of ``src`` and ``dst``, or both and ``checksum``; a
    ///         ``checksum`` that does not fit in 16 bits.
    #[pyo3(signature = (src = None, dst = None, *, checksum = None))]
    fn finish<'py>(
        &self,
        py: Python<'py>,
        src: Option<&Bound<'py, PyAny>>,
        dst: Option<&Bound<'py, PyAny>>,
        checksum: Option<IntArg>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let checksum = checksum.map(|c| c.get("checksum")).transpose()?;
        let mode = checksum_mode(opt_addr(src, "src")?, opt_addr(dst, "dst")?, checksum)?;
        let mut bytes = self.buf.clone();
        let msg = MessageWriter::resume(&mut bytes, self.buf.len())
            .and_then(|w| w.finish(mode))
            .map_err(error)?;
        Ok(PyBytes::new(py, msg))
    }

    fn __len__(&self) -> usize {
        self.buf.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<ipv6kit.ndp.MessageWriter: {}, {} bytes>",
            self.header.message_type().short_name(),
            self.buf.len()
        )
    }
}

/// Adds `parse_ipv6`, `emit_ipv6`, `emit_ethernet` and `MessageWriter` to the `ndp` submodule.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_ipv6, m)?)?;
    m.add_function(wrap_pyfunction!(emit_ipv6, m)?)?;
    m.add_function(wrap_pyfunction!(emit_ethernet, m)?)?;
    m.add_class::<PyMessageWriter>()?;
    Ok(())
}
