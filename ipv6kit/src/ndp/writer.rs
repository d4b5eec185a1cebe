//! Emitting a message into a caller's buffer, option by option, without allocation.

use super::header::{field, Header};
use super::option::{dnssl_encoded_len, encode_dnssl, round8, types, NdpOption};
use super::{checksum, NdpError, MAX_OPTIONS, MAX_OPTION_LEN, MAX_RDNSS_SERVERS};
use core::net::Ipv6Addr;

/// What to put in the checksum field when finishing a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChecksumMode {
    /// Compute it over the pseudo-header of `source` → `destination`.
    Compute {
        /// IPv6 source address.
        source: Ipv6Addr,
        /// IPv6 destination address.
        destination: Ipv6Addr,
    },
    /// Leave it zero: for `SOCK_RAW`/`IPPROTO_ICMPV6` sockets, where the kernel fills it in.
    LeaveZero,
    /// Write this value (re-emitting a parsed message unchanged).
    Keep(u16),
}

/// Writes an ND message into a caller's buffer: the fixed part first, then options in the order
/// pushed, then the checksum. Every reserved and padding byte is zeroed. It writes only what
/// [`super::Packet::parse`] accepts: at most [`MAX_OPTIONS`] options, 65535 bytes.
///
/// ```
/// use ipv6kit::ndp::{ChecksumMode, Header, MessageWriter, NdpOption, Packet, RouterSolicitation};
/// use ipv6kit::ndp::option::LinkLayerAddress;
/// let mut buf = [0xaa_u8; 64];
/// let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf).unwrap();
/// let mac = "02:00:00:00:00:01".parse().unwrap();
/// w.push(&NdpOption::SourceLinkLayerAddress(LinkLayerAddress::from_mac(mac))).unwrap();
/// let msg = w.finish(ChecksumMode::LeaveZero).unwrap();
/// assert_eq!(msg, &[133, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 1]);
/// assert!(Packet::parse(msg).is_ok());
/// ```
#[derive(Debug)]
pub struct MessageWriter<'b> {
    buf: &'b mut [u8],
    len: usize,
    /// Options written so far.
    options: usize,
}

impl<'b> MessageWriter<'b> {
    /// Starts a message with `header` (checksum zero for now).
    pub fn new(header: &Header, buf: &'b mut [u8]) -> Result<Self, NdpError> {
        header.write(0, buf)?;
        Ok(MessageWriter {
            len: header.buffer_len(),
            buf,
            options: 0,
        })
    }

    /// Continues a message begun earlier in `buf`: its first `len` bytes must be a
    /// structurally valid ND message, as [`super::Packet::parse`] checks (what a writer has
    /// written always is). For callers that keep only the buffer and the length between
    /// pushes, such as the C and Python bindings.
    ///
    /// ```
    /// use ipv6kit::ndp::{ChecksumMode, Header, MessageWriter, NdpOption, RouterSolicitation};
    /// use ipv6kit::ndp::option::Mtu;
    /// let mut buf = [0u8; 32];
    /// let len = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf)
    ///     .unwrap()
    ///     .len();
    /// let mut w = MessageWriter::resume(&mut buf, len).unwrap();
    /// w.push(&NdpOption::<&[u8]>::Mtu(Mtu::new(1500))).unwrap();
    /// assert_eq!(w.finish(ChecksumMode::LeaveZero).unwrap().len(), 16);
    /// // Not a message: refused.
    /// assert!(MessageWriter::resume(&mut [0u8; 8], 8).is_err());
    /// ```
    pub fn resume(buf: &'b mut [u8], len: usize) -> Result<Self, NdpError> {
        if len > usize::from(u16::MAX) {
            return Err(NdpError::MessageTooLong { length: len });
        }
        let available = buf.len();
        let written = buf
            .get(..len)
            .ok_or(NdpError::BufferTooSmall { needed: len, available })?;
        let options = super::Packet::parse(written)?.option_count();
        Ok(MessageWriter { buf, len, options })
    }

    /// Bytes written so far.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false: a message has at least its fixed part.
    pub fn is_empty(&self) -> bool {
        false
    }

    fn rest(&mut self) -> &mut [u8] {
        let at = self.len;
        self.buf.get_mut(at..).unwrap_or(&mut [])
    }

    fn advance(&mut self, n: usize) -> Result<(), NdpError> {
        let len = self.len + n;
        if len > usize::from(u16::MAX) {
            return Err(NdpError::MessageTooLong { length: len });
        }
        self.len = len;
        self.options += 1;
        Ok(())
    }

    /// Refuses an option beyond [`MAX_OPTIONS`], before anything is written.
    fn room_for_option(&self) -> Result<(), NdpError> {
        if self.options >= MAX_OPTIONS {
            return Err(NdpError::TooManyOptions { limit: MAX_OPTIONS });
        }
        Ok(())
    }

    /// Appends an option.
    pub fn push<B: AsRef<[u8]>>(&mut self, option: &NdpOption<B>) -> Result<&mut Self, NdpError> {
        self.room_for_option()?;
        let n = option.emit(self.rest()).map_err(|e| self.shift(e))?;
        self.advance(n)?;
        Ok(self)
    }

    /// Makes a buffer-size error count from the start of the message.
    fn shift(&self, e: NdpError) -> NdpError {
        match e {
            NdpError::BufferTooSmall { needed, .. } => NdpError::BufferTooSmall {
                needed: self.len + needed,
                available: self.buf.len(),
            },
            other => other,
        }
    }

    fn start_option(&mut self, option_type: u8, content: usize, max: usize) -> Result<&mut [u8], NdpError> {
        let len = round8(content);
        if len > max {
            return Err(NdpError::OptionTooLong {
                option_type,
                length: len,
            });
        }
        let needed = self.len + len;
        let available = self.buf.len();
        let at = self.len;
        let out = self
            .buf
            .get_mut(at..needed)
            .ok_or(NdpError::BufferTooSmall { needed, available })?;
        out.fill(0);
        if let [t, l, ..] = out {
            *t = option_type;
            *l = u8::try_from(len / 8).unwrap_or(u8::MAX);
        }
        Ok(out)
    }

    /// Appends an RDNSS option for 1 to 127 servers.
    pub fn push_rdnss(&mut self, lifetime: u32, servers: &[Ipv6Addr]) -> Result<&mut Self, NdpError> {
        self.room_for_option()?;
        if servers.is_empty() || servers.len() > MAX_RDNSS_SERVERS {
            return Err(NdpError::RdnssServerCount { count: servers.len() });
        }
        let content = 8 + 16 * servers.len();
        let out = self.start_option(types::RECURSIVE_DNS_SERVER, content, MAX_OPTION_LEN)?;
        super::header::put(out, 4, &lifetime.to_be_bytes());
        for (i, s) in servers.iter().enumerate() {
            super::header::put(out, 8 + 16 * i, &s.octets());
        }
        self.advance(content)?;
        Ok(self)
    }

    /// Appends a DNSSL option for `names` (dotted text, one or more: RFC 8106 §5.2), zero-padded.
    pub fn push_dnssl(&mut self, lifetime: u32, names: &[&str]) -> Result<&mut Self, NdpError> {
        self.room_for_option()?;
        if names.is_empty() {
            return Err(NdpError::EmptySearchList);
        }
        let content = 8 + dnssl_encoded_len(names)?;
        let out = self.start_option(types::DNS_SEARCH_LIST, content, MAX_OPTION_LEN)?;
        super::header::put(out, 4, &lifetime.to_be_bytes());
        encode_dnssl(names, out.get_mut(8..).unwrap_or(&mut []))?;
        self.advance(round8(content))?;
        Ok(self)
    }

    /// Writes the checksum and returns the finished message.
    pub fn finish(self, mode: ChecksumMode) -> Result<&'b mut [u8], NdpError> {
        let len = self.len;
        let msg = self.buf.get_mut(..len).ok_or(NdpError::BufferTooSmall {
            needed: len,
            available: 0,
        })?;
        let value = match mode {
            ChecksumMode::Compute { source, destination } => checksum::compute(source, destination, msg),
            ChecksumMode::LeaveZero => 0,
            ChecksumMode::Keep(v) => v,
        };
        super::header::put(msg, field::CHECKSUM.start, &value.to_be_bytes());
        Ok(msg)
    }
}

/// Emits `header` and `options` into `buf` in one call; returns the length. Lossless: for a
/// parsed [`super::Packet`] `p`, `emit(&p.header(), p.decoded_options(), ChecksumMode::Keep(p.checksum()), buf)`
/// writes `p.as_bytes()` again.
pub fn emit<B: AsRef<[u8]>>(
    header: &Header,
    options: impl IntoIterator<Item = NdpOption<B>>,
    mode: ChecksumMode,
    buf: &mut [u8],
) -> Result<usize, NdpError> {
    let mut w = MessageWriter::new(header, buf)?;
    for o in options {
        w.push(&o)?;
    }
    Ok(w.finish(mode)?.len())
}
