import LineModel
import Synchronization

/// The configuration in force, replaced as a whole by a successful reload.
final class ConfigurationHolder: Sendable {
    private let state: Mutex<DaemonConfiguration>

    init(_ configuration: DaemonConfiguration) { state = Mutex(configuration) }

    var current: DaemonConfiguration { state.withLock { $0 } }

    func replace(with configuration: DaemonConfiguration) { state.withLock { $0 = configuration } }

    func station(of characteristic: CharacteristicID) -> String? {
        state.withLock { configuration in configuration.characteristics.first { $0.id == characteristic }?.station }
    }
}
