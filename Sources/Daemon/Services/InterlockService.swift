import Logging
import LineModel
import ModbusKit
import ServiceLifecycle
import Store

/// Writes PLC interlocks, and only after the hold that calls for them was committed: when a
/// lot of a station goes on hold, each interlock of that station gets its hold value; when no
/// lot of the station is held any more, its release value. Each write is read back by
/// ModbusKit and logged; a failed write is logged as an error and retried on the next change.
final class InterlockService: Service, Sendable {
    enum Request: Sendable {
        case held(lot: LotID, station: String)
        case released(station: String)
    }

    private let configuration: ConfigurationHolder
    private let registry: DeviceRegistry
    private let databasePath: String
    private let logger: Logger
    private let requests: AsyncStream<Request>
    private let continuation: AsyncStream<Request>.Continuation

    init(configuration: ConfigurationHolder, registry: DeviceRegistry, databasePath: String, logger: Logger) {
        self.configuration = configuration
        self.registry = registry
        self.databasePath = databasePath
        self.logger = logger
        (requests, continuation) = AsyncStream.makeStream(of: Request.self)
    }

    /// Asks for the interlocks of `station` (call only after the hold was committed).
    func lotHeld(_ lot: LotID, station: String) { continuation.yield(.held(lot: lot, station: station)) }

    /// Asks to clear the interlocks of `station` if none of its lots is held any more.
    func lotReleased(station: String) { continuation.yield(.released(station: station)) }

    func run() async throws {
        await withGracefulShutdownHandler {
            for await request in requests { await perform(request) }
        } onGracefulShutdown: { [continuation] in
            continuation.finish()
        }
    }

    private func perform(_ request: Request) async {
        let current = configuration.current
        switch request {
        case .held(let lot, let station):
            for interlock in current.interlocks where interlock.station == station {
                await write(interlock, value: interlock.holdValue, configuration: current, because: "lot \(lot) on hold")
            }
        case .released(let station):
            let interlocks = current.interlocks.filter { $0.station == station }
            guard !interlocks.isEmpty else { return }
            let stillHeld: Bool
            do {
                let reader = try StoreReader(path: databasePath)
                stillHeld = try reader.lots(status: .onHold).contains { $0.station == station }
                    || (try reader.lots(status: .quarantined).contains { $0.station == station })
            } catch {
                logger.error("interlock: cannot read held lots; interlock left set", metadata: ["error": "\(error)"])
                return
            }
            guard !stillHeld else { return }
            for interlock in interlocks {
                await write(interlock, value: interlock.releaseValue, configuration: current, because: "no lot of \(station) on hold")
            }
        }
    }

    private func write(_ interlock: InterlockSettings, value: UInt16, configuration: DaemonConfiguration, because reason: String) async {
        guard let settings = configuration.device(named: interlock.device),
            let device = registry.existing(settings.endpoint)
        else {
            logger.error("interlock: device not connected", metadata: ["device.name": "\(interlock.device)"])
            return
        }
        let metadata: Logger.Metadata = [
            "device.name": "\(interlock.device)", "interlock.register": "\(interlock.kind.rawValue)",
            "interlock.address": "\(interlock.address)", "interlock.value": "\(value)", "reason": "\(reason)",
        ]
        do {
            if interlock.kind == .coil {
                try await device.writeCoil(unit: settings.unit, address: interlock.address, value: value != 0)
            } else {
                try await device.writeRegister(unit: settings.unit, address: interlock.address, value: value)
            }
            logger.notice("interlock written and read back", metadata: metadata)
        } catch {
            logger.error("interlock write failed", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }
}
