/// The counters of a controller that may reboot (`plc_restart`): after a restart its heartbeat
/// and its unit sequence count again from 0, so it shows counts relative to the restart.
struct RestartCounters: Sendable {
    /// Ids of restart faults in progress.
    private var restarting: Set<String> = []
    private var heartbeatBase = 0
    private var sequenceBase: UInt64 = 0
    /// Latest sequence the line made at the station, including results lost while the
    /// controller was down (the base of the next restart).
    private var latestSequence: UInt64 = 0

    /// Notes a result the line made (whether or not the controller could take it).
    mutating func made(_ sequence: UInt64) { latestSequence = max(latestSequence, sequence) }

    /// Notes the faults acting now; a restart whose window just closed rebases the counters.
    mutating func update(dataFaults: [FaultDefinition], heartbeatTicks: Int) {
        let active = Set(dataFaults.filter { $0.kind == .plcRestart }.map(\.id))
        if !restarting.subtracting(active).isEmpty {
            heartbeatBase = heartbeatTicks
            sequenceBase = latestSequence
        }
        restarting = active
    }

    /// The heartbeat the controller shows (100 ms ticks since it last started).
    func heartbeat(_ ticks: Int) -> Int { max(0, ticks - heartbeatBase) }

    /// The sequence the controller shows for the line's `sequence` (0 for results from before
    /// the restart).
    func sequence(_ sequence: UInt64) -> UInt64 { sequence > sequenceBase ? sequence - sequenceBase : 0 }

    /// The line's sequence (low 16 bits) for an acknowledge a poller wrote in the controller's count.
    func acknowledged(_ value: UInt16) -> UInt16 { value &+ UInt16(truncatingIfNeeded: sequenceBase) }
}
