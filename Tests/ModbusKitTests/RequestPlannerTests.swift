import Testing
@testable import ModbusKit

@Suite("Request planner: table-driven, no sockets")
struct RequestPlannerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var points: [PointDefinition]
        var options: DeviceOptions
        /// Expected (unit, kind, address, count) per request.
        var expected: [(UInt8, RegisterKind, UInt16, Int)]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "contiguous values merge", points: [point("a", 0), point("b", 1), point("c", 2, .float32)],
            options: DeviceOptions(), expected: [(1, .holdingRegister, 0, 4)]),
        Case(name: "small hole is filled", points: [point("a", 0), point("b", 5)],
            options: DeviceOptions(maxGap: 4), expected: [(1, .holdingRegister, 0, 6)]),
        Case(name: "hole wider than max gap splits", points: [point("a", 0), point("b", 6)],
            options: DeviceOptions(maxGap: 4), expected: [(1, .holdingRegister, 0, 1), (1, .holdingRegister, 6, 1)]),
        Case(name: "gap zero merges only adjacent", points: [point("a", 0), point("b", 1), point("c", 3)],
            options: DeviceOptions(maxGap: 0), expected: [(1, .holdingRegister, 0, 2), (1, .holdingRegister, 3, 1)]),
        Case(name: "cap of 125 registers", points: (0..<130).map { point("p\($0)", UInt16($0)) },
            options: DeviceOptions(), expected: [(1, .holdingRegister, 0, 125), (1, .holdingRegister, 125, 5)]),
        Case(name: "lowered cap", points: (0..<10).map { point("p\($0)", UInt16($0)) },
            options: DeviceOptions(maxRegistersPerRequest: 4),
            expected: [(1, .holdingRegister, 0, 4), (1, .holdingRegister, 4, 4), (1, .holdingRegister, 8, 2)]),
        Case(name: "multi-register value is never split",
            points: [point("a", 0, .float64), point("b", 4, .float64), point("c", 8, .float64)],
            options: DeviceOptions(maxRegistersPerRequest: 10),
            expected: [(1, .holdingRegister, 0, 8), (1, .holdingRegister, 8, 4)]),
        Case(name: "units and tables never mix",
            points: [point("a", 0), point("b", 1, unit: 2), point("c", .inputRegister, 1), point("d", .coil, 0, .bool)],
            options: DeviceOptions(),
            expected: [(1, .coil, 0, 1), (1, .holdingRegister, 0, 1), (1, .inputRegister, 1, 1), (2, .holdingRegister, 1, 1)]),
        Case(name: "bits use the bit cap", points: (0..<2100).map { point("c\($0)", .coil, UInt16($0), .bool) },
            options: DeviceOptions(), expected: [(1, .coil, 0, 2000), (1, .coil, 2000, 100)]),
        Case(name: "one request per value", points: [point("a", 0), point("b", 1)],
            options: DeviceOptions(oneRequestPerValue: true),
            expected: [(1, .holdingRegister, 0, 1), (1, .holdingRegister, 1, 1)]),
        Case(name: "overlapping values share a request", points: [point("word", 10), point("bit3", 10, .bit(3)), point("f", 10, .float32)],
            options: DeviceOptions(), expected: [(1, .holdingRegister, 10, 2)]),
        Case(name: "unsorted input is sorted", points: [point("z", 50), point("a", 48, .uint32)],
            options: DeviceOptions(), expected: [(1, .holdingRegister, 48, 3)]),
        Case(name: "value at the top of the address space", points: [point("top", 65534, .uint32)],
            options: DeviceOptions(), expected: [(1, .holdingRegister, 65534, 2)]),
    ]

    @Test(arguments: cases)
    func plans(_ testCase: Case) {
        let plan = RequestPlanner.plan(testCase.points, options: testCase.options)
        let shape = plan.map { "\($0.unit) \($0.kind.rawValue) \($0.address)+\($0.count)" }
        let expected = testCase.expected.map { "\($0.0) \($0.1.rawValue) \($0.2)+\($0.3)" }
        #expect(shape == expected)
        #expect(plan.reduce(0) { $0 + $1.points.count } == testCase.points.count)
        for request in plan {
            for covered in request.points {
                #expect(Int(covered.address) >= Int(request.address))
                #expect(covered.lastAddress <= request.lastAddress)
            }
        }
    }

    /// 100 scattered values on one device: as few requests as the caps allow.
    @Test func hundredScatteredValues() {
        var generator = SplitMix(seed: 7)
        let points = (0..<100).map { index in
            point("v\(index)", UInt16(generator.next() % 1000), index % 3 == 0 ? .float32 : .uint16)
        }
        let options = DeviceOptions(maxGap: 20)
        let plan = RequestPlanner.plan(points, options: options)
        #expect(plan.count == optimalRequestCount(points, options: options))
        #expect(RequestPlanner.plan(points, options: DeviceOptions(oneRequestPerValue: true)).count == 100)
        let lowered = DeviceOptions(maxRegistersPerRequest: 32, maxGap: 8)
        #expect(RequestPlanner.plan(points, options: lowered).count == optimalRequestCount(points, options: lowered))
        #expect(plan.allSatisfy { $0.count <= 125 })
    }

    @Test func worstCaseWarnings() {
        let options = DeviceOptions(responseTimeout: .milliseconds(500), connectTimeout: .seconds(1))
        let fast = PollGroup(name: "fast", interval: .milliseconds(500), points: [point("a", 0), point("b", 500)])
        let slow = PollGroup(name: "slow", interval: .seconds(60), points: [point("c", 1000)])
        let warnings = RequestPlanner.fitWarnings(groups: [fast, slow], options: options)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("fast") == true)
    }
}

/// The fewest requests for `points` (one unit and table) by dynamic programming over every
/// partition of the sorted values into feasible requests: an independent check of the greedy plan.
func optimalRequestCount(_ points: [PointDefinition], options: DeviceOptions) -> Int {
    let sorted = points.sorted { ($0.address, -$0.span) < ($1.address, -$1.span) }
    var best = [Int](repeating: Int.max, count: sorted.count + 1)
    best[0] = 0
    for end in 1...sorted.count {
        for start in 0..<end where best[start] != Int.max {
            var last = sorted[start].lastAddress
            var feasible = true
            for index in (start + 1)..<max(end, start + 1) where index < end {
                if Int(sorted[index].address) - last - 1 > options.maxGap { feasible = false; break }
                last = max(last, sorted[index].lastAddress)
            }
            let cap = options.maxRegistersPerRequest
            if feasible, last - Int(sorted[start].address) + 1 <= cap || end - start == 1 {
                best[end] = min(best[end], best[start] + 1)
            }
        }
    }
    return best[sorted.count]
}

/// A small deterministic generator for test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
