import LineModel
import Synchronization

/// The current lot of each station whose lot is set through the control API (stations with a
/// lot register follow the register instead). Pollers read it for every sample.
final class LotBoard: Sendable {
    private let lots = Mutex<[String: LotID]>([:])

    func current(station: String) -> LotID? { lots.withLock { $0[station] } }

    /// Sets the station's lot; returns the lot it replaces.
    @discardableResult
    func set(_ lot: LotID?, station: String) -> LotID? {
        lots.withLock { lots in
            let old = lots[station]
            lots[station] = lot
            return old
        }
    }
}
