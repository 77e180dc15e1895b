import Logging

extension ModbusDevice {
    /// Polls `group` at its interval on the monotonic clock until the task is cancelled, handing
    /// each cycle's readings to `deliver`. A cycle that overruns skips the ticks it missed (they
    /// are counted in `health.skippedCycles[group.name]`) instead of stacking them. The plan is
    /// computed once, here.
    public nonisolated func run(
        _ group: PollGroup, deliver: @Sendable ([PointReading]) async -> Void
    ) async {
        let plan = RequestPlanner.plan(group, options: options)
        await PollScheduler.run(every: group.interval) { cycle in
            if cycle.skippedBefore > 0 { await self.recordSkippedCycles(cycle.skippedBefore, group: group.name) }
            await deliver(await self.poll(plan))
        }
    }

    /// Counts ticks a group's scheduler dropped (for callers running their own scheduler).
    public func recordSkippedCycles(_ count: Int, group: String) {
        health.skippedCycles[group, default: 0] += count
        logger.warning(
            "poll cycle overran its interval; ticks skipped",
            metadata: ["poll.group": "\(group)", "skipped": "\(count)"])
    }

    /// The socket of the open connection (tests check its options).
    func socketDescriptor() -> Int32? {
        connection.socketDescriptor
    }
}
