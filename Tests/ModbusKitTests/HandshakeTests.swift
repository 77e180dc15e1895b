import Dispatch
import LineModel
import Testing
@testable import ModbusKit

@Suite("Result-ready handshake")
struct HandshakeTests {
    static let counter = point("seq", 100, .uint16)
    static let weight = point("fill_weight", 101, .float32, scale: 1)
    static let serial = point("cell", 103, .string(registers: 4))

    static func handshake(ack: ResultHandshake.Acknowledge? = .echoSequence(unit: 1, address: 110), resumeAfter: UInt64? = nil) -> ResultHandshake {
        ResultHandshake(name: "filling", sequence: counter, block: [weight, serial], acknowledge: ack, resumeAfter: resumeAfter)
    }

    static func latch(_ server: ModbusServer, sequence: Int, weight: Double, cell: String) {
        server.withRegisters { bank in
            bank.set(engineering: weight, for: Self.weight)
            bank.set(text: cell, for: Self.serial)
            bank.set(engineering: Double(sequence), for: Self.counter)
        }
    }

    @Test func readsEachResultOnceCountsSkipsAndAcknowledges() async throws {
        var options = Loopback.fastOptions
        options.writeTargets = [WriteTarget(unit: 1, kind: .holdingRegister, address: 110)]
        let loop = try Loopback(options: options)
        let handshake = Self.handshake()
        try handshake.validate()
        Self.latch(loop.server, sequence: 7, weight: 51.25, cell: "C0007")
        #expect(await loop.device.pollHandshake(handshake).outcome == .baseline)
        #expect(await loop.device.pollHandshake(handshake).outcome == .unchanged)

        Self.latch(loop.server, sequence: 8, weight: 50.5, cell: "C0008")
        let first = await loop.device.pollHandshake(handshake)
        #expect(first.outcome == .result)
        #expect(first.sequence == 8)
        #expect(first.skipped == 0)
        #expect(first.readings[name: "fill_weight"]?.value == .number(50.5))
        #expect(first.readings[name: "cell"]?.value == .text("C0008"))
        #expect(first.readings.count == 2)
        #expect(first.acknowledgeError == nil)
        #expect(loop.server.withRegisters { $0.holdingRegisters[110] } == 8)
        #expect(await loop.device.pollHandshake(handshake).outcome == .unchanged)

        Self.latch(loop.server, sequence: 11, weight: 49.0, cell: "C0011")
        let jumped = await loop.device.pollHandshake(handshake)
        #expect(jumped.outcome == .result)
        #expect(jumped.skipped == 2)
        let statistics = await loop.device.handshakeStatistics("filling")
        #expect(statistics.results == 2)
        #expect(statistics.skippedSequences == 2)
        await loop.stop()
    }

    @Test func counterWrapsAndResumesAfterRestart() async throws {
        let loop = try Loopback()
        let handshake = Self.handshake(ack: nil, resumeAfter: 65534)
        Self.latch(loop.server, sequence: 65534, weight: 1, cell: "A")
        #expect(await loop.device.pollHandshake(handshake).outcome == .unchanged)
        Self.latch(loop.server, sequence: 0, weight: 2, cell: "B")
        let wrapped = await loop.device.pollHandshake(handshake)
        #expect(wrapped.outcome == .result)
        #expect(wrapped.skipped == 1)   // 65535 was missed
        #expect(wrapped.counterReset == false)
        Self.latch(loop.server, sequence: 30_000, weight: 3, cell: "C")
        let reset = await loop.device.pollHandshake(handshake)
        #expect(reset.counterReset)
        #expect(reset.skipped == 0)
        await loop.stop()
    }

    @Test func failedBlockReadIsRetriedNotLost() async throws {
        let loop = try Loopback()
        let handshake = Self.handshake(ack: nil, resumeAfter: 1)
        Self.latch(loop.server, sequence: 2, weight: 10, cell: "X")
        loop.server.faults = FaultPlan(rules: [FaultRule(addresses: 101...101, action: .exception(4), remaining: 1)])
        let failed = await loop.device.pollHandshake(handshake)
        #expect(failed.outcome == .failed(.deviceException(code: 4)))
        let retried = await loop.device.pollHandshake(handshake)
        #expect(retried.outcome == .result)
        #expect(retried.sequence == 2)
        #expect(await loop.device.pollHandshake(handshake).outcome == .unchanged)
        await loop.stop()
    }

    @Test func acknowledgeOutsideWriteTargetsIsRefusedButResultKept() async throws {
        let loop = try Loopback()
        let handshake = Self.handshake(ack: .setCoil(unit: 1, address: 5), resumeAfter: 0)
        Self.latch(loop.server, sequence: 1, weight: 10, cell: "X")
        let result = await loop.device.pollHandshake(handshake)
        #expect(result.outcome == .result)
        #expect(result.acknowledgeError?.kind == .notPermitted)
        #expect(loop.server.withRegisters { $0.coils[5] } == false)
        #expect(await loop.device.handshakeStatistics("filling").acknowledgeFailures == 1)
        await loop.stop()
    }

    @Test func tornBlockAcrossRequestsIsDetected() async throws {
        // Block far from the counter: two requests. The block read is delayed while the "PLC"
        // latches the next result, so the counter moves under the read: it must be discarded and
        // read again, and the result delivered is the consistent one.
        var options = Loopback.fastOptions
        options.maxGap = 0
        options.responseTimeout = .seconds(2)
        let loop = try Loopback(options: options)
        let far = point("far", 500, .uint16)
        let handshake = ResultHandshake(name: "far", sequence: Self.counter, block: [far], resumeAfter: 0)
        loop.server.withRegisters { bank in
            bank.holdingRegisters[100] = 1
            bank.holdingRegisters[500] = 41
        }
        loop.server.faults = FaultPlan(rules: [FaultRule(addresses: 500...500, action: .delay(.milliseconds(400)), remaining: 1)])
        let server = loop.server
        // The "PLC" runs on its own thread, independent of the cooperative pool.
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(40)) {
            server.withRegisters { bank in
                bank.holdingRegisters[500] = 42
                bank.holdingRegisters[100] = 2
            }
        }
        let result = await loop.device.pollHandshake(handshake)
        #expect(result.outcome == .result)
        #expect(result.sequence == 2)
        #expect(result.skipped == 1)
        #expect(result.readings[name: "far"]?.value == .number(42))
        #expect(await loop.device.handshakeStatistics("far").tornReads == 1)
        await loop.stop()
    }
}
