import LineModel
import Synchronization

/// Recomputed control limits waiting for an engineer's approval (in memory: a proposal does
/// not survive a restart, an approval does).
final class LimitProposals: Sendable {
    private let proposals = Mutex<[CharacteristicID: [ControlLimits]]>([:])

    func set(_ limits: [ControlLimits], for id: CharacteristicID) { proposals.withLock { $0[id] = limits } }

    func take(_ id: CharacteristicID) -> [ControlLimits]? { proposals.withLock { $0.removeValue(forKey: id) } }
}
