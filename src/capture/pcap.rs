//! The capture as a pcapng file (Wireshark and tcpdump open it), written as it goes,
//! with each packet's comment naming the REPL line that caused it.

use super::Packet;
use pcap_file::pcapng::blocks::enhanced_packet::{EnhancedPacketBlock, EnhancedPacketOption};
use pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionBlock;
use pcap_file::pcapng::PcapNgWriter;
use pcap_file::DataLink;
use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// A pcapng file being written.
pub struct PcapFile {
    writer: PcapNgWriter<BufWriter<File>>,
}

fn io(e: pcap_file::PcapError) -> std::io::Error {
    match e {
        pcap_file::PcapError::IoError(e) => e,
        other => std::io::Error::other(other.to_string()),
    }
}

impl PcapFile {
    /// Create `path` (replacing it) with loopback's one interface.
    pub fn create(path: &Path) -> std::io::Result<PcapFile> {
        let file = crate::net::sys::file_out_of_the_way(File::create(path)?);
        let mut writer = PcapNgWriter::new(BufWriter::new(file)).map_err(io)?;
        let mut interface = InterfaceDescriptionBlock::new(DataLink::ETHERNET, 0);
        interface.options.push(
            pcap_file::pcapng::blocks::interface_description::InterfaceDescriptionOption::IfName(
                Cow::Borrowed("lo"),
            ),
        );
        writer
            .write_pcapng_block(interface.into_owned())
            .map_err(io)?;
        Ok(PcapFile { writer })
    }

    /// Add one packet, its cause as the comment.
    pub fn write(&mut self, packet: &Packet) -> std::io::Result<()> {
        let mut options = Vec::new();
        if let Some(cause) = &packet.cause {
            options.push(EnhancedPacketOption::Comment(Cow::Owned(format!(
                ">>> {cause}"
            ))));
        }
        let block = EnhancedPacketBlock {
            interface_id: 0,
            timestamp: packet
                .at
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default(),
            original_len: packet.data.len() as u32,
            data: Cow::Borrowed(&packet.data),
            options,
        };
        self.writer.write_pcapng_block(block).map_err(io)?;
        Ok(())
    }

    /// Push what is buffered to the file.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.writer.get_mut().flush()
    }

    /// Write everything out and make sure it reached the disk (a full disk shows here).
    pub fn finish(mut self) -> std::io::Result<()> {
        self.flush()?;
        self.writer.get_mut().get_ref().sync_all()
    }
}

/// Write `packets` to `path` as one pcapng file.
pub fn save(path: &Path, packets: &[Packet]) -> std::io::Result<()> {
    let mut file = PcapFile::create(path)?;
    for p in packets {
        file.write(p)?;
    }
    file.finish()
}
