import FuzzSupport
import LineModel
import ModbusKit

/// libFuzzer's entry: one register decoding case, then one request plan, both built from the
/// input bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    var input = FuzzInput(data: data, count: count)
    DecodeCase.check(&input)
    PlanCase.check(&input)
    return 0
}

/// The value types a configuration can name (strings of 1-125 registers, bits 0-15).
func valueType(_ input: inout FuzzInput) -> ValueType {
    switch input.byte() % 11 {
    case 0: .bool
    case 1: .int16
    case 2: .uint16
    case 3: .int32
    case 4: .uint32
    case 5: .int64
    case 6: .uint64
    case 7: .float32
    case 8: .float64
    case 9: .string(registers: input.byte() < 224 ? 1 + Int(input.byte() % 8) : input.int(in: 1...125))
    default: .bit(Int(input.byte() % 16))
    }
}

/// Register decoding: every type x word/byte order x string byte order, checked against an
/// independent reading of the same registers, and scale/offset round trips.
enum DecodeCase {
    static func check(_ input: inout FuzzInput) {
        let type = valueType(&input)
        let order = input.choose(ByteOrder.allCases)
        let stringBytes = input.choose(StringByteOrder.allCases)
        let registers = (0..<type.registersNeeded).map { _ in input.word() }
        invariant(RegisterCodec.canonical(RegisterCodec.canonical(registers, order: order), order: order) == registers,
                  "canonical(\(order)) is not its own inverse")
        let decoded: PointValue
        do {
            decoded = try RegisterCodec.decode(registers, as: type, order: order, stringBytes: stringBytes)
        } catch {
            checkFailure(error.problem, registers: registers, type: type, order: order)
            return
        }
        switch decoded {
        case .bool(let value):
            switch type {
            case .bool: invariant(value == (registers[0] != 0), "bool \(registers[0]) decoded as \(value)")
            case .bit(let bit): invariant(value == ((registers[0] >> UInt16(bit)) & 1 == 1), "bit \(bit) of \(registers[0])")
            default: invariant(false, "\(type.name) decoded as a bool")
            }
        case .text(let text):
            checkText(text, registers: registers, type: type, bytes: stringBytes)
        case .number(let value):
            checkNumber(value, registers: registers, type: type, order: order)
            checkScaled(value, type: type, order: order, input: &input)
        }
    }

    /// A decode failure must be the right one: NaN/infinity only for floats, bad strings only
    /// for strings holding a byte outside printable ASCII.
    static func checkFailure(_ problem: Quality.DecodeProblem, registers: [UInt16], type: ValueType, order: ByteOrder) {
        switch type {
        case .float32:
            let float = Float(bitPattern: UInt32(truncatingIfNeeded: RegisterCodec.unsignedBits(registers, order: order)))
            invariant(problem == (float.isNaN ? .notANumber : .infinite) && !float.isFinite, "float32 refused as \(problem)")
        case .float64:
            let double = Double(bitPattern: RegisterCodec.unsignedBits(registers, order: order))
            invariant(problem == (double.isNaN ? .notANumber : .infinite) && !double.isFinite, "float64 refused as \(problem)")
        case .string:
            invariant(problem == .badString, "string refused as \(problem)")
        default:
            invariant(false, "\(type.name) \(registers) refused as \(problem)")
        }
    }

    static func checkText(_ text: String, registers: [UInt16], type: ValueType, bytes: StringByteOrder) {
        invariant(text.utf8.count <= registers.count * 2, "text longer than its registers")
        invariant(text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, "text holds a non-printable byte")
        invariant(text.last != " ", "trailing space kept")
        let again = RegisterCodec.encode(string: text, registers: registers.count, bytes: bytes)
        let back = try? RegisterCodec.decode(again, as: type, order: .abcd, stringBytes: bytes)
        invariant(back == .text(text), "text \(text) does not round-trip")
    }

    /// Numbers: finite, integral and in range for integer types, and the same registers again
    /// when encoded back (exact for every value a Double holds exactly).
    static func checkNumber(_ value: Double, registers: [UInt16], type: ValueType, order: ByteOrder) {
        invariant(value.isFinite, "decoded \(value)")
        let bits = RegisterCodec.unsignedBits(registers, order: order)
        invariant(RegisterCodec.encode(bitPattern: bits, as: type, order: order) == registers, "bit pattern round trip")
        let range: ClosedRange<Double>?
        switch type {
        case .int16: range = -32768...32767
        case .uint16: range = 0...65535
        case .int32: range = -2147483648...2147483647
        case .uint32: range = 0...4294967295
        case .int64: range = -0x1p63...0x1p63
        case .uint64: range = 0...0x1p64
        default: range = nil
        }
        if let range {
            invariant(value.rounded() == value && range.contains(value), "\(type.name) decoded as \(value)")
        }
        let exact: Bool
        switch type {
        case .float32, .float64: exact = true
        default: exact = value.magnitude < 0x1p53
        }
        if exact {
            invariant(RegisterCodec.encode(value, as: type, order: order) == registers,
                      "\(type.name) \(order) \(value) does not round-trip")
        }
    }

    /// Engineering values through a point's scale and offset: encoding never traps, and with
    /// scales that are powers of two and whole offsets an integer value round-trips exactly.
    static func checkScaled(_ raw: Double, type: ValueType, order: ByteOrder, input: inout FuzzInput) {
        let exactScale = input.byte() & 1 == 0
        let scale = exactScale ? input.choose([1, 2, 4, 1024, 0.5, 0.25, 0x1p-10, -1, -0.5]) : input.double()
        let offset = exactScale ? Double(input.int(in: 0...2000) - 1000) : input.double()
        let point = PointDefinition(
            name: "p", unit: 1, kind: .holdingRegister, address: 0, type: type, order: order, scale: scale, offset: offset)
        guard (try? point.validate()) != nil else { return }
        let engineering = raw * scale + offset
        guard engineering.isFinite else { return }
        let registers = RegisterCodec.encode(engineering: engineering, for: point)
        invariant(registers.count == type.registersNeeded, "encode(engineering:) gave \(registers.count) registers")
        guard exactScale, type != .float32, type != .float64, raw.magnitude < 0x1p40 else { return }
        let back = try? RegisterCodec.decode(registers, as: type, order: order)
        invariant(back == .number(raw), "\(raw) x \(scale) + \(offset) as \(type.name) came back as \(String(describing: back))")
    }
}

/// The request planner on a point list from the input: caps respected, no value split, every
/// point in exactly one request, no hole wider than `maxGap`, requests in address order.
enum PlanCase {
    static func check(_ input: inout FuzzInput) {
        let options = DeviceOptions(
            maxRegistersPerRequest: input.int(in: 1...ModbusLimits.maxReadRegisters),
            maxBitsPerRequest: input.int(in: 1...ModbusLimits.maxReadBits),
            maxGap: input.int(in: 0...80),
            oneRequestPerValue: input.byte() % 8 == 0)
        invariant((try? options.validate()) != nil, "options refused")
        var points: [PointDefinition] = []
        let wanted = Int(input.byte() % 48)
        while points.count < wanted, !input.isExhausted {
            let kind = input.choose(RegisterKind.allCases)
            let near = input.byte() < 200
            let address = near ? UInt16(input.byte()) + 256 * UInt16(input.byte() % 2) : input.word()
            let point = PointDefinition(
                name: "p\(points.count)", unit: input.choose([1, 1, 1, 2, 0, 247]), kind: kind, address: address,
                type: kind.isBit ? .bool : valueType(&input))
            if (try? point.validate()) != nil { points.append(point) }
        }
        let requests = RequestPlanner.plan(points, options: options)
        var seen: [String: Int] = [:]
        for (index, request) in requests.enumerated() {
            checkRequest(request, options: options)
            for point in request.points { seen[point.name, default: 0] += 1 }
            if index > 0 {
                let previous = requests[index - 1]
                invariant(previous.unit <= request.unit, "requests not ordered by unit")
                if previous.unit == request.unit, previous.kind == request.kind {
                    invariant(previous.address <= request.address, "requests not in address order")
                }
            }
        }
        invariant(seen.count == points.count && seen.values.allSatisfy { $0 == 1 },
                  "\(points.count) points, covered \(seen)")
    }

    static func checkRequest(_ request: ReadRequest, options: DeviceOptions) {
        invariant(!request.points.isEmpty && request.count >= 1, "empty request \(request)")
        let cap = request.kind.isBit ? options.maxBitsPerRequest : options.maxRegistersPerRequest
        let limit = request.kind.isBit ? ModbusLimits.maxReadBits : ModbusLimits.maxReadRegisters
        let single = request.points.count == 1 && request.count == request.points[0].span
        invariant(request.count <= cap || single, "\(request) exceeds the cap \(cap)")
        invariant(request.count <= limit, "\(request) exceeds the protocol's \(limit)")
        invariant(request.lastAddress <= 65535, "\(request) runs past address 65535")
        for point in request.points {
            invariant(point.unit == request.unit && point.kind == request.kind, "\(point.name) in \(request)")
            invariant(Int(point.address) >= Int(request.address) && point.lastAddress <= request.lastAddress,
                      "\(point.name) at \(point.address)+\(point.span) split by \(request)")
        }
        invariant(Int(request.address) == request.points.map { Int($0.address) }.min(), "\(request) starts before its values")
        invariant(request.lastAddress == request.points.map(\.lastAddress).max(), "\(request) reads past its values")
        if options.oneRequestPerValue { invariant(single, "\(request) is not one value") }
        var reached = -1
        for point in request.points.sorted(by: { $0.address < $1.address }) {
            if reached >= 0 {
                invariant(Int(point.address) - reached - 1 <= options.maxGap, "a hole wider than \(options.maxGap) in \(request)")
            }
            reached = max(reached, point.lastAddress)
        }
    }
}
