extension FaultKind {
    /// True for the faults the simulator injects on the Modbus link (as the station server's
    /// `FaultPlan`) rather than on the registers.
    public var isLinkLevel: Bool {
        switch self {
        case .offline, .slow, .exception, .garbage, .truncated, .lateReply, .halfOpen, .plcRestart: true
        default: false
        }
    }

    /// True while the fault is active when the controller writes nothing new to its registers
    /// (a hung or switched-off controller, a reboot in progress).
    var silencesController: Bool {
        switch self {
        case .heartbeatStop, .offline, .plcRestart: true
        default: false
        }
    }
}
