/// The verdict on one injected fault of a campaign run (see `FaultCampaign`).
public struct FaultCheck: Sendable, Hashable, Codable {
    public var fault: String
    public var kind: String
    public var station: String
    /// The fault's window in wall seconds from the start of the run.
    public var startSeconds: Double
    public var endSeconds: Double
    /// The daemon was still running and storing samples after the fault's end.
    public var daemonUp: Bool
    /// Unit-counter gaps on the other stations' characteristics during the window (+ 2 s).
    public var otherStationsLostUnits: Int
    /// The loss tolerated on a starved machine: three times what the same characteristics
    /// lost per second outside every fault window, over this window (0 on a quiet machine).
    public var otherStationsAllowedUnits: Int
    /// Wall seconds from the fault's end to the faulted station's first good sample after it
    /// (nil: none came before the run ended).
    public var recoverySeconds: Double?
    /// Charted or defect-making points on the faulted station in the window that the ground
    /// truth does not explain (a non-good sample, or a defect no truly out-of-spec unit backs).
    public var unexplainedSPC: Int
    /// Data-quality events of the faulted station's device in the window (+ 2 s).
    public var dataQualityEvents: Int

    /// The recovery bound of the campaign: back within 2 s of the fault's end (wall).
    public static let recoveryLimitSeconds = 2.0

    public var recovered: Bool { recoverySeconds.map { $0 <= Self.recoveryLimitSeconds } ?? false }

    /// Every check holds.
    public var passed: Bool {
        daemonUp && otherStationsLostUnits <= otherStationsAllowedUnits && recovered && unexplainedSPC == 0 && dataQualityEvents > 0
    }

    enum CodingKeys: String, CodingKey {
        case fault, kind, station, startSeconds = "start_s", endSeconds = "end_s", daemonUp = "daemon_up"
        case otherStationsLostUnits = "other_stations_lost_units", otherStationsAllowedUnits = "other_stations_allowed_units"
        case recoverySeconds = "recovery_s"
        case unexplainedSPC = "unexplained_spc", dataQualityEvents = "data_quality_events"
    }
}
