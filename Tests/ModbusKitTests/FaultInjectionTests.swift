import LineModel
import Testing
@testable import ModbusKit

/// Every fault the server injects, and the device's recovery from it. Each test checks that the
/// failure stays with the request it hit and that the next request gets its own (right) data.
@Suite("Fault injection against our libmodbus server")
struct FaultInjectionTests {
    static let a = point("a", 10)
    static let b = point("b", 300)

    /// A two-request plan whose values differ (so a misdelivered reply would show).
    func twoRequests(_ loop: Loopback) -> [ReadRequest] {
        loop.server.withRegisters { bank in
            bank.holdingRegisters[10] = 111
            bank.holdingRegisters[300] = 222
        }
        let plan = RequestPlanner.plan([Self.a, Self.b], options: Loopback.fastOptions)
        #expect(plan.count == 2)
        return plan
    }

    @Test func busyIsRetriedOnTheSameConnection() async throws {
        let loop = try Loopback()
        let plan = twoRequests(loop)
        loop.server.faults = FaultPlan(rules: [.busy(times: 2)])
        let readings = await loop.device.poll(plan)
        #expect(readings.map(\.quality) == [.good, .good])
        #expect(readings.map(\.value) == [.number(111), .number(222)])
        let health = await loop.device.health
        #expect(health.errorCount(.busy) == 2)
        #expect(health.connects == 1)
        loop.server.faults = FaultPlan(rules: [FaultRule(addresses: 10...10, action: .exception(6))])
        let stillBusy = await loop.device.poll(plan)
        #expect(stillBusy.map(\.quality) == [.deviceException(code: 6), .good])
        #expect(await loop.device.health.state == .degraded)
        await loop.stop()
    }

    @Test(arguments: [FaultAction.delay(.milliseconds(400)), .badTransactionID, .dropConnection, .garbage, .truncated, .noReply])
    func linkFaultsResynchroniseBeforeTheNextRequest(_ fault: FaultAction) async throws {
        let loop = try Loopback()
        let plan = twoRequests(loop)
        loop.server.faults = FaultPlan(rules: [FaultRule(addresses: 10...10, action: fault, remaining: 1)])
        let readings = await loop.device.poll(plan)
        #expect(readings[0].quality == .commError, "\(fault)")
        #expect(readings[0].value == nil)
        #expect(readings[1].quality == .good)
        #expect(readings[1].value == .number(222), "a late or stray reply must never be taken for the next one")
        let again = await loop.device.poll(plan)
        #expect(again.map(\.value) == [.number(111), .number(222)])
        let health = await loop.device.health
        #expect(health.connects == 2)
        #expect(health.errorCount(.timeout) + health.errorCount(.protocolError) + health.errorCount(.socket) == 1)
        await loop.stop()
    }

    @Test func illegalAddressIsSplitToFindTheCulprit() async throws {
        let loop = try Loopback()
        let points = [point("x", 0), point("hole", 5), point("y", 8, .uint32)]
        loop.server.withRegisters { bank in
            bank.holdingRegisters[0] = 7
            bank.set([0, 9], .holdingRegister, at: 8)
        }
        loop.server.faults = FaultPlan(rules: [.illegalAddress(.holdingRegister, 5...5)])
        let plan = RequestPlanner.plan(points, options: Loopback.fastOptions)
        #expect(plan.count == 1)
        for _ in 0..<2 {
            let readings = await loop.device.poll(plan)
            #expect(readings[name: "x"]?.value == .number(7))
            #expect(readings[name: "y"]?.value == .number(9))
            #expect(readings[name: "hole"]?.quality == .deviceException(code: 2))
        }
        var options = Loopback.fastOptions
        options.splitOnIllegalAddress = false
        let unsplit = try Loopback(options: options)
        unsplit.server.faults = FaultPlan(rules: [.illegalAddress(.holdingRegister, 5...5)])
        let readings = await unsplit.device.poll(plan)
        #expect(readings.allSatisfy { $0.quality == .deviceException(code: 2) })
        #expect(await unsplit.device.health.connects == 1)
        await loop.stop()
        await unsplit.stop()
    }

    @Test func gatewayExceptionMarksOnlyThatUnit() async throws {
        let loop = try Loopback()
        loop.server.faults = FaultPlan(rules: [.unreachable(unit: 2)])
        loop.server.withRegisters { $0.holdingRegisters[1] = 5 }
        let points = [point("u1", 1, unit: 1), point("u2a", 1, unit: 2), point("u2b", 400, unit: 2)]
        let plan = RequestPlanner.plan(points, options: Loopback.fastOptions)
        let readings = await loop.device.poll(plan)
        #expect(readings[name: "u1"]?.quality == .good)
        #expect(readings[name: "u2a"]?.quality == .deviceException(code: 11))
        #expect(readings[name: "u2b"]?.quality == .deviceException(code: 11))
        let health = await loop.device.health
        #expect(health.connects == 1)
        #expect(health.state == .degraded)
        // Only the first request to unit 2 went on the wire.
        #expect(loop.server.statistics.requests == 2)
        await loop.stop()
    }

    @Test func serverUnitFilterAnswersGatewayTargetFailed() async throws {
        let loop = try Loopback(unit: 3)
        let readings = await loop.device.poll(RequestPlanner.plan([point("on3", 0, unit: 3), point("on4", 0, unit: 4)], options: Loopback.fastOptions))
        #expect(readings.map(\.quality) == [.good, .deviceException(code: 11)])
        await loop.stop()
    }

    @Test func decodeProblemsStayWithTheirValue() async throws {
        let loop = try Loopback()
        let points = [point("nan", 0, .float32), point("range", 2, .int16, range: 0...100), point("fine", 3)]
        loop.server.withRegisters { bank in
            bank.set([0x7FC0, 0], .holdingRegister, at: 0)
            bank.holdingRegisters[2] = 500
            bank.holdingRegisters[3] = 42
        }
        let readings = await loop.device.poll(RequestPlanner.plan(points, options: Loopback.fastOptions))
        #expect(readings[name: "nan"]?.quality == .decodeError(.notANumber))
        #expect(readings[name: "range"]?.quality == .decodeError(.outOfPhysicalRange))
        #expect(readings[name: "fine"]?.quality == .good)
        await loop.stop()
    }

    @Test func frozenAfterRepeatedIdenticalReads() async throws {
        let loop = try Loopback()
        let sensor = point("sensor", 0, .float32, frozenAfter: 3)
        let plan = RequestPlanner.plan([sensor], options: Loopback.fastOptions)
        loop.server.withRegisters { $0.set(engineering: 21.5, for: sensor) }
        var qualities: [Quality] = []
        for _ in 0..<4 { qualities.append(await loop.device.poll(plan)[0].quality) }
        #expect(qualities == [.good, .good, .frozen, .frozen])
        loop.server.withRegisters { $0.set(engineering: 21.6, for: sensor) }
        #expect(await loop.device.poll(plan)[0].quality == .good)
        await loop.stop()
    }

    @Test func downDeviceBacksOffAndRecovers() async throws {
        let loop = try Loopback()
        let plan = RequestPlanner.plan([Self.a], options: Loopback.fastOptions)
        #expect(await loop.device.poll(plan)[0].quality == .good)
        loop.server.stop()
        #expect(await loop.device.poll(plan)[0].quality == .commError)
        // The next connect fails: DOWN, and the following poll waits out the backoff without I/O.
        #expect(await loop.device.poll(plan)[0].quality == .commError)
        var health = await loop.device.health
        #expect(health.state == .down)
        // At least one failed connect; on a loaded machine the backoff may already have run out.
        let connects = health.errorCount(.connect)
        #expect(connects >= 1)
        #expect(health.nextConnectAttempt != nil)
        let requests = health.requests
        #expect(await loop.device.poll(plan)[0].quality == .commError)
        health = await loop.device.health
        #expect(health.requests == requests)
        // Within the backoff no new connect is tried (at most one more if it just ran out).
        #expect(health.errorCount(.connect) <= connects + 1)
        let revived = try ModbusServer(host: "127.0.0.1", port: loop.port)
        try revived.start()
        revived.withRegisters { $0.holdingRegisters[10] = 5 }
        try await Task.sleep(for: .milliseconds(150))
        #expect(await loop.device.poll(plan)[0].value == .number(5))
        #expect(await loop.device.health.state == .up)
        await loop.device.close()
        revived.stop()
    }

    @Test func oneBadDeviceCostsAnotherNothing() async throws {
        let good = try Loopback()
        let bad = try Loopback()
        bad.server.stop()
        good.server.withRegisters { $0.holdingRegisters[10] = 1 }
        let plan = RequestPlanner.plan([Self.a], options: Loopback.fastOptions)
        async let fromBad = bad.device.poll(plan)
        async let fromGood = good.device.poll(plan)
        let (badReadings, goodReadings) = await (fromBad, fromGood)
        #expect(badReadings[0].quality == .commError)
        #expect(goodReadings[0].value == .number(1))
        await good.stop()
        await bad.device.close()
    }

    @Test func singleMasterDeviceRefusesASecondConnection() async throws {
        let loop = try Loopback()
        loop.server.maxConnections = 1
        let plan = RequestPlanner.plan([Self.a], options: Loopback.fastOptions)
        #expect(await loop.device.poll(plan)[0].quality == .good)
        let second = ModbusDevice(endpoint: ModbusEndpoint(host: "127.0.0.1", port: loop.port), options: Loopback.fastOptions, logger: quietLogger)
        #expect(await second.poll(plan)[0].quality == .commError)
        #expect(loop.server.statistics.connectionsRefused >= 1)
        #expect(await loop.device.poll(plan)[0].quality == .good)
        await second.close()
        await loop.stop()
    }

    @Test func pacingAndCloseAfterPoll() async throws {
        var options = Loopback.fastOptions
        options.pauseBetweenRequests = .milliseconds(30)
        options.closeAfterPoll = true
        let loop = try Loopback(options: options)
        let plan = RequestPlanner.plan([point("p", 0), point("q", 200), point("r", 400)], options: options)
        let clock = ContinuousClock()
        let elapsed = await clock.measure { _ = await loop.device.poll(plan) }
        #expect(elapsed >= .milliseconds(60))
        _ = await loop.device.poll(plan)
        #expect(await loop.device.health.connects == 2)
        #expect(loop.server.statistics.connectionsAccepted == 2)
        await loop.stop()
    }
}
