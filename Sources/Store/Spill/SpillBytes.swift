/// Little-endian encoding of the spill's fields into a byte array.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 128) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func i64(_ value: Int64) { u64(UInt64(bitPattern: value)) }

    /// The IEEE 754 bit pattern: every value (NaN, -0.0) comes back exactly.
    mutating func double(_ value: Double) { u64(value.bitPattern) }

    mutating func bool(_ value: Bool) { u8(value ? 1 : 0) }

    /// UTF-8 bytes after their count.
    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        bytes.append(contentsOf: value.utf8)
    }

    /// A presence byte (0 absent, 1 present), then the value when present.
    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        guard let value else { return u8(0) }
        u8(1)
        write(&self, value)
    }

    mutating func append(_ other: some Collection<UInt8>) { bytes.append(contentsOf: other) }

    /// Zero bytes up to the next multiple of `alignment`.
    mutating func pad(to alignment: Int) {
        let remainder = bytes.count % alignment
        if remainder != 0 { bytes.append(contentsOf: repeatElement(0, count: alignment - remainder)) }
    }
}

/// Why a payload could not be decoded: it ended early or holds a value no writer produces.
struct SpillDecodingError: Error, Sendable, Hashable {
    var reason: String
}

/// Reads what `ByteWriter` wrote; every read checks the bounds.
struct ByteReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    var isAtEnd: Bool { position == bytes.endIndex }

    private mutating func take(_ count: Int) throws(SpillDecodingError) -> ArraySlice<UInt8> {
        guard count >= 0, bytes.endIndex - position >= count else {
            throw SpillDecodingError(reason: "payload ends early")
        }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func u8() throws(SpillDecodingError) -> UInt8 { try take(1).first! }

    mutating func u32() throws(SpillDecodingError) -> UInt32 {
        try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func u64() throws(SpillDecodingError) -> UInt64 {
        try take(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func i64() throws(SpillDecodingError) -> Int64 { Int64(bitPattern: try u64()) }

    mutating func double() throws(SpillDecodingError) -> Double { Double(bitPattern: try u64()) }

    mutating func bool() throws(SpillDecodingError) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        case let other: throw SpillDecodingError(reason: "boolean byte \(other)")
        }
    }

    mutating func string() throws(SpillDecodingError) -> String {
        let count = Int(try u32())
        let utf8 = try take(count)
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw SpillDecodingError(reason: "text is not UTF-8")
        }
        return text
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws(SpillDecodingError) -> T) throws(SpillDecodingError) -> T? {
        switch try u8() {
        case 0: return nil
        case 1: return try read(&self)
        case let other: throw SpillDecodingError(reason: "presence byte \(other)")
        }
    }
}
