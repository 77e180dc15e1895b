public import LineModel

/// Pure conversion between values and 16-bit registers, for every type and word/byte order.
/// Done in Swift on purpose: libmodbus 3.1.6's float helpers do not round-trip and name the
/// orders differently from the vendors.
public enum RegisterCodec {
    // MARK: Orders

    /// Puts registers as they arrived into canonical big-endian order (most significant register
    /// first, most significant byte high), undoing `order`. The transform is its own inverse.
    public static func canonical(_ registers: [UInt16], order: ByteOrder) -> [UInt16] {
        var words = order.wordsSwapped ? Array(registers.reversed()) : registers
        if order.bytesSwapped {
            for index in words.indices { words[index] = words[index].byteSwapped }
        }
        return words
    }

    /// Splits the low `count * 16` bits into canonical registers.
    static func words(_ bits: UInt64, count: Int) -> [UInt16] {
        (0..<count).map { UInt16(truncatingIfNeeded: bits >> (16 * UInt64(count - 1 - $0))) }
    }

    // MARK: Encoding

    /// Registers carrying `value` (a raw, unscaled number) as `type` in `order`. Integers are
    /// rounded to the nearest and clamped to the type's range; bits and bools encode `value != 0`;
    /// strings encode the number's text.
    public static func encode(_ value: Double, as type: ValueType, order: ByteOrder) -> [UInt16] {
        let rounded = value.isFinite ? value.rounded() : 0
        let canonicalWords: [UInt16]
        switch type {
        case .bool:
            canonicalWords = [value != 0 ? 1 : 0]
        case .bit(let bit):
            canonicalWords = [value != 0 ? UInt16(1) << UInt16(bit) : 0]
        case .int16:
            canonicalWords = [UInt16(bitPattern: Int16(clamping: clampedInt64(rounded)))]
        case .uint16:
            canonicalWords = [UInt16(clamping: clampedInt64(rounded))]
        case .int32:
            canonicalWords = words(UInt64(UInt32(bitPattern: Int32(clamping: clampedInt64(rounded)))), count: 2)
        case .uint32:
            canonicalWords = words(UInt64(UInt32(clamping: clampedInt64(rounded))), count: 2)
        case .int64:
            canonicalWords = words(UInt64(bitPattern: clampedInt64(rounded)), count: 4)
        case .uint64:
            canonicalWords = words(clampedUInt64(rounded), count: 4)
        case .float32:
            canonicalWords = words(UInt64(Float(value).bitPattern), count: 2)
        case .float64:
            canonicalWords = words(value.bitPattern, count: 4)
        case .string(let registers):
            return encode(string: String(describing: value), registers: registers)
        }
        return canonical(canonicalWords, order: order)
    }

    /// Registers carrying an integer's exact bit pattern (two's complement for signed types) as
    /// `type` in `order`: for 64-bit counters beyond 2^53, which a `Double` cannot hold. Only the
    /// low 16, 32 or 64 bits are used; non-integer types get the pattern unchanged.
    public static func encode(bitPattern value: UInt64, as type: ValueType, order: ByteOrder) -> [UInt16] {
        let count = min(type.registersNeeded, 4)
        return canonical(words(value, count: count), order: order)
    }

    /// Registers carrying an engineering value for `point`: undoes its scale and offset first.
    public static func encode(engineering value: Double, for point: PointDefinition) -> [UInt16] {
        encode((value - point.offset) / point.scale, as: point.type, order: point.order)
    }

    /// ASCII text over exactly `registers` registers, NUL-padded (longer text is cut). Characters
    /// outside printable ASCII are sent as `?`.
    public static func encode(string: String, registers: Int, bytes: StringByteOrder = .highFirst) -> [UInt16] {
        var ascii = string.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? UInt8($0.value) : UInt8(ascii: "?") }
        ascii = Array(ascii.prefix(registers * 2))
        ascii += Array(repeating: 0, count: registers * 2 - ascii.count)
        return (0..<registers).map { index in
            let first = UInt16(ascii[2 * index])
            let second = UInt16(ascii[2 * index + 1])
            return bytes == .highFirst ? (first << 8) | second : (second << 8) | first
        }
    }

    private static func clampedInt64(_ value: Double) -> Int64 {
        if value >= 0x1p63 { return .max }
        if value <= -0x1p63 { return .min }
        return Int64(value)
    }

    private static func clampedUInt64(_ value: Double) -> UInt64 {
        if value >= 0x1p64 { return .max }
        if value <= 0 { return 0 }
        return UInt64(value)
    }

    // MARK: Decoding

    /// The raw (unscaled) value of `registers` read as `type` in `order`; throws the reason when
    /// they are not a value. `registers` must hold `type.registersNeeded` registers. Floats that
    /// are NaN or infinite are reported as decode problems; 64-bit integers beyond 2^53 lose
    /// precision.
    public static func decode(
        _ registers: [UInt16], as type: ValueType, order: ByteOrder, stringBytes: StringByteOrder = .highFirst
    ) throws(DecodeFailure) -> PointValue {
        try decode(registers[...], as: type, order: order, stringBytes: stringBytes)
    }

    /// `decode` over a slice of a reply buffer, without copying it (the polling path).
    static func decode(
        _ registers: ArraySlice<UInt16>, as type: ValueType, order: ByteOrder, stringBytes: StringByteOrder
    ) throws(DecodeFailure) -> PointValue {
        precondition(registers.count == type.registersNeeded, "decode needs \(type.registersNeeded) registers")
        let first = registers.startIndex
        switch type {
        case .bool:
            return .bool(registers[first] != 0)
        case .bit(let bit):
            return .bool(registers[first] & (UInt16(1) << UInt16(bit)) != 0)
        case .string:
            return try decodeString(registers, bytes: stringBytes)
        default:
            break
        }
        let raw = canonicalBits(registers, order: order)
        let number: Double
        switch type {
        case .int16: number = Double(Int16(bitPattern: UInt16(truncatingIfNeeded: raw)))
        case .uint16: number = Double(UInt16(truncatingIfNeeded: raw))
        case .int32: number = Double(Int32(bitPattern: UInt32(truncatingIfNeeded: raw)))
        case .uint32: number = Double(UInt32(truncatingIfNeeded: raw))
        case .int64: number = Double(Int64(bitPattern: raw))
        case .uint64: number = Double(raw)
        case .float32: number = Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
        case .float64: number = Double(bitPattern: raw)
        case .bool, .bit, .string: preconditionFailure("handled above")
        }
        if number.isNaN { throw DecodeFailure(problem: .notANumber) }
        if number.isInfinite { throw DecodeFailure(problem: .infinite) }
        return .number(number)
    }

    /// Up to four registers as one unsigned integer in canonical order, without allocating.
    static func canonicalBits(_ registers: ArraySlice<UInt16>, order: ByteOrder) -> UInt64 {
        var bits: UInt64 = 0
        let count = registers.count
        for position in 0..<count {
            let index = registers.startIndex + (order.wordsSwapped ? count - 1 - position : position)
            let word = order.bytesSwapped ? registers[index].byteSwapped : registers[index]
            bits = (bits << 16) | UInt64(word)
        }
        return bits
    }

    /// Exact integer bits of a register group (for sequence counters): canonical order applied,
    /// up to four registers.
    public static func unsignedBits(_ registers: [UInt16], order: ByteOrder) -> UInt64 {
        canonicalBits(registers[...], order: order)
    }

    private static func decodeString(_ registers: ArraySlice<UInt16>, bytes: StringByteOrder) throws(DecodeFailure) -> PointValue {
        var ascii: [UInt8] = []
        ascii.reserveCapacity(registers.count * 2)
        for register in registers {
            let high = UInt8(register >> 8)
            let low = UInt8(register & 0xFF)
            if bytes == .highFirst { ascii += [high, low] } else { ascii += [low, high] }
        }
        if let end = ascii.firstIndex(of: 0) { ascii.removeSubrange(end...) }
        while ascii.last == UInt8(ascii: " ") { ascii.removeLast() }
        guard ascii.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { throw DecodeFailure(problem: .badString) }
        return .text(String(decoding: ascii, as: UTF8.self))
    }
}

/// Why registers did not decode into a value.
public struct DecodeFailure: Error, Sendable, Hashable {
    public var problem: Quality.DecodeProblem

    public init(problem: Quality.DecodeProblem) { self.problem = problem }
}
