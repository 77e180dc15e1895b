/// The fuzzer's bytes read front to back as the values a target needs. Reading past the end
/// yields zeros, so every input, even an empty one, is a complete test case (libFuzzer shrinks
/// inputs freely).
public struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The bytes handed to `LLVMFuzzerTestOneInput`.
    public init(data: UnsafePointer<UInt8>?, count: Int) {
        if let data, count > 0 {
            self.init(Array(UnsafeBufferPointer(start: data, count: count)))
        } else {
            self.init([])
        }
    }

    /// True once every byte was read.
    public var isExhausted: Bool { position >= bytes.count }

    /// The bytes not read yet.
    public var remaining: ArraySlice<UInt8> { bytes[min(position, bytes.count)...] }

    /// The next byte (0 past the end).
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next two bytes, big-endian.
    public mutating func word() -> UInt16 {
        UInt16(byte()) << 8 | UInt16(byte())
    }

    /// The next eight bytes, big-endian.
    public mutating func bits64() -> UInt64 {
        (0..<4).reduce(UInt64(0)) { bits, _ in bits << 16 | UInt64(word()) }
    }

    /// A number chosen by one byte from `choices` (so that interesting values are common).
    public mutating func choose<T>(_ choices: [T]) -> T {
        choices[Int(byte()) % choices.count]
    }

    /// A whole number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(UInt64(word()) % span)
    }

    /// A Double from eight raw bytes: any bit pattern, NaN and infinities included.
    public mutating func double() -> Double { Double(bitPattern: bits64()) }
}
