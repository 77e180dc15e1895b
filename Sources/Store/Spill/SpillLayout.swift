/// The on-disk layout of a spill file (all integers little-endian):
///
/// - bytes 0..<4096: the header region, two header slots at 0 and 2048. A header is
///   `"LGSPILL\0"`, format version (u32), reserved (u32), generation (u64), capacity (u64),
///   CRC-32 of the 32 bytes before (u32). A reset writes generation + 1 into the slot the
///   new generation selects (generation % 2), so a torn header write leaves the other slot
///   valid; the valid slot with the higher generation is the current one.
/// - from byte 4096: frames, each aligned to 8 bytes: magic `0x4553474C` (u32), payload length
///   (u32), generation (u64), CRC-32 of length, generation and payload (u32), reserved (u32),
///   payload, zero padding. The valid frames of the current generation form the spill; the
///   first frame that is not (zeros, a torn tail, a frame of an older generation) ends it.
enum SpillLayout {
    static let magic: [UInt8] = Array("LGSPILL\0".utf8)
    static let formatVersion: UInt32 = 1
    static let headerRegion = 4096
    static let headerSlots = [0, 2048]
    static let headerSize = 36
    static let frameMagic: UInt32 = 0x4553_474C
    static let frameHeaderSize = 24
    static let frameAlignment = 8
    /// The smallest capacity that makes sense: the header region and a few frames.
    static let minimumCapacity = 64 * 1024

    /// One header slot's content.
    struct Header: Hashable {
        var generation: UInt64
        var capacity: UInt64

        func encoded() -> [UInt8] {
            var out = ByteWriter(capacity: SpillLayout.headerSize)
            out.append(SpillLayout.magic)
            out.u32(SpillLayout.formatVersion)
            out.u32(0)
            out.u64(generation)
            out.u64(capacity)
            out.u32(CRC32.checksum(out.bytes))
            return out.bytes
        }

        /// The header in `bytes` (at least `headerSize` of them), or nil when the slot does not
        /// hold a valid header of this format.
        init?(decoding bytes: ArraySlice<UInt8>) {
            guard bytes.count >= SpillLayout.headerSize,
                bytes.prefix(SpillLayout.magic.count).elementsEqual(SpillLayout.magic)
            else { return nil }
            let body = bytes.prefix(SpillLayout.headerSize - 4)
            var input = ByteReader(bytes.dropFirst(SpillLayout.magic.count).prefix(SpillLayout.headerSize - SpillLayout.magic.count))
            guard let version = try? input.u32(), version == SpillLayout.formatVersion,
                (try? input.u32()) != nil,
                let generation = try? input.u64(), let capacity = try? input.u64(),
                let checksum = try? input.u32(), checksum == CRC32.checksum(body)
            else { return nil }
            self.generation = generation
            self.capacity = capacity
        }

        init(generation: UInt64, capacity: UInt64) {
            self.generation = generation
            self.capacity = capacity
        }
    }

    /// The bytes of one frame holding `payload`, padded to the frame alignment.
    static func frame(payload: [UInt8], generation: UInt64) -> [UInt8] {
        var out = ByteWriter(capacity: frameSize(length: payload.count))
        out.u32(frameMagic)
        out.u32(UInt32(payload.count))
        out.u64(generation)
        out.u32(checksum(payload: payload[...], length: payload.count, generation: generation))
        out.u32(0)
        out.append(payload)
        out.pad(to: frameAlignment)
        return out.bytes
    }

    /// What a frame header announces: payload length, generation and checksum; nil when the
    /// bytes do not start a frame.
    static func frameHeader(_ bytes: ArraySlice<UInt8>) -> (length: Int, generation: UInt64, checksum: UInt32)? {
        var input = ByteReader(bytes.prefix(frameHeaderSize))
        guard let magic = try? input.u32(), magic == frameMagic,
            let length = try? input.u32(), let generation = try? input.u64(), let checksum = try? input.u32()
        else { return nil }
        return (Int(length), generation, checksum)
    }

    /// The checksum a frame of `payload` must carry.
    static func checksum(payload: ArraySlice<UInt8>, length: Int, generation: UInt64) -> UInt32 {
        var prefix = ByteWriter(capacity: 12)
        prefix.u32(UInt32(length))
        prefix.u64(generation)
        return CRC32.checksum(payload, continuing: CRC32.checksum(prefix.bytes))
    }

    /// The size on disk of a frame with `length` payload bytes.
    static func frameSize(length: Int) -> Int {
        let raw = frameHeaderSize + length
        return (raw + frameAlignment - 1) / frameAlignment * frameAlignment
    }
}
