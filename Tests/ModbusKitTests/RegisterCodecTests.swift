import LineModel
import Testing
@testable import ModbusKit

@Suite("Register codec: every type and order, golden vectors")
struct RegisterCodecTests {
    /// 123.45 = 0x42F6E666 as the vendors spell the four orders (field notes).
    @Test(arguments: [
        (ByteOrder.abcd, [UInt16(0x42F6), 0xE666]),
        (.cdab, [0xE666, 0x42F6]),
        (.badc, [0xF642, 0x66E6]),
        (.dcba, [0x66E6, 0xF642]),
    ])
    func float123_45(order: ByteOrder, registers: [UInt16]) throws {
        #expect(RegisterCodec.encode(123.45, as: .float32, order: order) == registers)
        let value = try RegisterCodec.decode(registers, as: .float32, order: order)
        #expect(value == .number(Double(Float(123.45))))
    }

    /// 123456.0 = 0x47F12000: the register vectors of libmodbus's (fixed) unit tests.
    @Test(arguments: [
        (ByteOrder.abcd, [UInt16(0x47F1), 0x2000]),
        (.dcba, [0x0020, 0xF147]),
        (.badc, [0xF147, 0x0020]),
        (.cdab, [0x2000, 0x47F1]),
    ])
    func float123456(order: ByteOrder, registers: [UInt16]) throws {
        #expect(RegisterCodec.encode(123456, as: .float32, order: order) == registers)
        #expect(try RegisterCodec.decode(registers, as: .float32, order: order) == .number(123456))
    }

    @Test func sixtyFourBitOrders() throws {
        // 0x0102030405060708 in each order.
        let bits = UInt64(0x0102_0304_0506_0708)
        let expected: [ByteOrder: [UInt16]] = [
            .abcd: [0x0102, 0x0304, 0x0506, 0x0708],
            .cdab: [0x0708, 0x0506, 0x0304, 0x0102],
            .badc: [0x0201, 0x0403, 0x0605, 0x0807],
            .dcba: [0x0807, 0x0605, 0x0403, 0x0201],
        ]
        for (order, registers) in expected {
            #expect(RegisterCodec.encode(bitPattern: bits, as: .uint64, order: order) == registers, "\(order)")
            #expect(RegisterCodec.unsignedBits(registers, order: order) == bits)
            #expect(try RegisterCodec.decode(registers, as: .uint64, order: order) == .number(Double(bits)))
        }
        let pi = [UInt16(0x4009), 0x21FB, 0x5444, 0x2D18]   // 3.141592653589793
        #expect(try RegisterCodec.decode(pi, as: .float64, order: .abcd) == .number(Double.pi))
        #expect(RegisterCodec.encode(Double.pi, as: .float64, order: .cdab) == pi.reversed())
    }

    @Test(arguments: [ValueType.int16, .uint16, .int32, .uint32, .int64, .uint64, .float32, .float64])
    func roundTripsInEveryOrder(type: ValueType) throws {
        let samples: [Double] =
            switch type {
            case .uint16, .uint32, .uint64: [0, 1, 255, 65535, 40000]
            case .float32, .float64: [0, -1.5, 24.25, 1e6, -3.75e-3]
            default: [0, -1, 1, -32768, 32767, 12345]
            }
        for order in ByteOrder.allCases {
            for sample in samples {
                let registers = RegisterCodec.encode(sample, as: type, order: order)
                #expect(registers.count == type.registersNeeded)
                let decoded = try RegisterCodec.decode(registers, as: type, order: order)
                if type == .float32 {
                    #expect(decoded == .number(Double(Float(sample))))
                } else {
                    #expect(decoded == .number(sample), "\(type) \(order) \(sample)")
                }
            }
        }
    }

    @Test func integersClampAndSignsExtend() throws {
        #expect(RegisterCodec.encode(70000, as: .int16, order: .abcd) == [0x7FFF])
        #expect(RegisterCodec.encode(-5, as: .uint16, order: .abcd) == [0])
        #expect(try RegisterCodec.decode([0xFFFF], as: .int16, order: .abcd) == .number(-1))
        #expect(try RegisterCodec.decode([0xFFFF], as: .uint16, order: .abcd) == .number(65535))
        #expect(try RegisterCodec.decode([0xFFFF, 0xFFFE], as: .int32, order: .abcd) == .number(-2))
        #expect(try RegisterCodec.decode([0xFFFE, 0xFFFF], as: .int32, order: .cdab) == .number(-2))
    }

    @Test func nanAndInfinityAreDecodeProblems() {
        #expect(throws: DecodeFailure(problem: .notANumber)) {
            try RegisterCodec.decode([0x7FC0, 0x0000], as: .float32, order: .abcd)
        }
        #expect(throws: DecodeFailure(problem: .infinite)) {
            try RegisterCodec.decode([0x7F80, 0x0000], as: .float32, order: .abcd)
        }
        #expect(throws: DecodeFailure(problem: .infinite)) {
            try RegisterCodec.decode([0, 0, 0, 0xFFF0], as: .float64, order: .cdab)
        }
    }

    @Test func stringsAndBits() throws {
        #expect(RegisterCodec.encode(string: "AB", registers: 2) == [0x4142, 0x0000])
        #expect(RegisterCodec.encode(string: "AB", registers: 1, bytes: .lowFirst) == [0x4241])
        #expect(try RegisterCodec.decode([0x4142, 0x4300], as: .string(registers: 2), order: .abcd) == .text("ABC"))
        #expect(
            try RegisterCodec.decode([0x4241, 0x0043], as: .string(registers: 2), order: .abcd, stringBytes: .lowFirst)
                == .text("ABC"))
        #expect(try RegisterCodec.decode([0x4120, 0x2020], as: .string(registers: 2), order: .abcd) == .text("A"))
        #expect(throws: DecodeFailure(problem: .badString)) {
            try RegisterCodec.decode([0x41FF], as: .string(registers: 1), order: .abcd)
        }
        #expect(try RegisterCodec.decode([0b1000_0000_0000_0100], as: .bit(2), order: .abcd) == .bool(true))
        #expect(try RegisterCodec.decode([0b1000_0000_0000_0100], as: .bit(3), order: .abcd) == .bool(false))
        #expect(try RegisterCodec.decode([0b1000_0000_0000_0100], as: .bit(15), order: .abcd) == .bool(true))
        #expect(RegisterCodec.encode(1, as: .bit(15), order: .abcd) == [0x8000])
    }

    @Test func scaleOffsetAndPhysicalRange() {
        let time = SampleTime(wall: 0, monotonicNanos: 0)
        let gauge = point("gauge", .holdingRegister, 0, .int16, scale: 0.1, offset: -40, range: -40...125)
        let good = PointDecoder.reading(gauge, raw: RegisterCodec.encode(engineering: 21.5, for: gauge), time: time)
        #expect(good.quality == .good)
        #expect(abs((good.value?.doubleValue ?? 0) - 21.5) < 1e-9)
        let absurd = PointDecoder.reading(gauge, raw: [0x7FFF], time: time)
        #expect(absurd.quality == .decodeError(.outOfPhysicalRange))
        let wrongOrder = point("flow", .holdingRegister, 0, .float32, range: 0...1000)
        // 24.2 sent word-swapped but read as ABCD: absurd, so not good.
        let swapped = RegisterCodec.encode(24.2, as: .float32, order: .cdab)
        #expect(!PointDecoder.reading(wrongOrder, raw: swapped, time: time).quality.isGood)
    }
}
