import Testing
@testable import ModbusKit

@Suite("Scheduling and backoff")
struct SchedulingTests {
    @Test func tickScheduleSkipsRatherThanStacks() {
        let start = ContinuousClock.now
        var schedule = TickSchedule(start: start, interval: .milliseconds(100))
        #expect(schedule.advance(finishedAt: start + .milliseconds(30)) == 0)
        #expect(schedule.deadline == start + .milliseconds(100))
        // Cycle at 100 overran to 350: ticks 200 and 300 are dropped, next is 400.
        #expect(schedule.advance(finishedAt: start + .milliseconds(350)) == 2)
        #expect(schedule.deadline == start + .milliseconds(400))
        // Finishing exactly on a tick runs that tick.
        #expect(schedule.advance(finishedAt: start + .milliseconds(500)) == 0)
        #expect(schedule.deadline == start + .milliseconds(500))
        #expect(schedule.advance(finishedAt: start + .milliseconds(700)) == 1)
        #expect(schedule.deadline == start + .milliseconds(700))
        #expect(schedule.skipped == 3)
    }

    @Test func pollSchedulerCountsSkippedCycles() async {
        let cycles = CycleLog()
        let task = Task {
            await PollScheduler.run(every: .milliseconds(20)) { cycle in
                cycles.append(cycle)
                if cycle.index == 1 { try? await Task.sleep(for: .milliseconds(70)) }
                if cycle.index == 3 { withUnsafeCurrentTask { $0?.cancel() } }
            }
        }
        await task.value
        let seen = cycles.all
        #expect(seen.map(\.index) == [0, 1, 2, 3])
        #expect(seen[2].skippedBefore >= 2)
        #expect(seen[3].skippedTotal == seen[2].skippedTotal + seen[3].skippedBefore)
    }

    @Test func backoffGrowsCapsAndJitters() {
        var generator = SplitMix(seed: 1)
        var plain = Backoff(initial: .milliseconds(100), maximum: .seconds(1), jitter: 0)
        let waits = (0..<6).map { _ in plain.nextDelay(using: &generator) }
        #expect(waits == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .seconds(1), .seconds(1)])
        plain.reset()
        #expect(plain.nextDelay(using: &generator) == .milliseconds(100))
        var jittered = Backoff(initial: .milliseconds(100), maximum: .seconds(1), jitter: 0.25)
        let spread = (0..<50).map { _ -> Duration in
            jittered.reset()
            return jittered.nextDelay(using: &generator)
        }
        #expect(spread.allSatisfy { $0 >= .milliseconds(75) && $0 <= .milliseconds(125) })
        #expect(Set(spread).count > 10)
    }
}

/// Collects cycles from the scheduler's body.
final class CycleLog: Sendable {
    private let state = LockedState<[PollScheduler.Cycle]>([])
    func append(_ cycle: PollScheduler.Cycle) { state.withLock { $0.append(cycle) } }
    var all: [PollScheduler.Cycle] { state.withLock { $0 } }
}

@Suite("Scheduled polling of a group")
struct GroupScheduleTests {
    @Test func runsAGroupAndCountsOverruns() async throws {
        let loop = try Loopback()
        loop.server.withRegisters { $0.holdingRegisters[1] = 9 }
        // Every other request is delayed beyond the 20 ms interval: ticks must be skipped.
        loop.server.faults = FaultPlan(rules: [FaultRule(action: .delay(.milliseconds(50)), remaining: 1)])
        let group = PollGroup(name: "fast", interval: .milliseconds(20), points: [point("v", 1)])
        let collected = CycleReadings()
        let device = loop.device
        let task = Task { await device.run(group) { collected.append($0) } }
        while collected.count < 4 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        await task.value
        #expect(collected.all.allSatisfy { $0.first?.value == .number(9) })
        #expect(await loop.device.health.skippedCycles["fast", default: 0] >= 1)
        await loop.stop()
    }
}

/// Collects readings from a scheduled group.
final class CycleReadings: Sendable {
    private let state = LockedState<[[PointReading]]>([])
    func append(_ readings: [PointReading]) { state.withLock { $0.append(readings) } }
    var all: [[PointReading]] { state.withLock { $0 } }
    var count: Int { state.withLock { $0.count } }
}
