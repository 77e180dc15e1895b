import LineModel
public import Logging

/// One Modbus TCP endpoint: owns its connection (shared by every unit id behind it) and runs on
/// its own serial executor, off Swift's cooperative pool, so its blocking libmodbus calls and
/// pauses never stall other work. Requests are strictly serialised: a poll runs to its end
/// before the next call starts (pauses block the device's own thread rather than suspending).
public actor ModbusDevice {
    public nonisolated let endpoint: ModbusEndpoint
    public nonisolated let options: DeviceOptions
    let logger: Logger
    private let executor: DispatchQueueExecutor
    let connection: ModbusConnection
    /// The device's state and counters.
    public internal(set) var health = DeviceHealth()
    var backoff: Backoff
    var frozen = FrozenTracker()
    /// Merged requests that answered exception 2 and are read value by value since.
    var splitRequests: Set<RequestKey> = []
    /// Requests whose illegal-address error was already logged (report once per request).
    var reportedIllegal: Set<RequestKey> = []
    /// Handshake state by handshake name.
    var handshakes: [String: HandshakeState] = [:]
    /// Quality of the last failed handshake counter read.
    var lastCounterFailure: Quality?
    /// Time of the last request, for the pause between requests.
    var lastRequestEnd: ContinuousClock.Instant?

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    public init(endpoint: ModbusEndpoint, options: DeviceOptions = DeviceOptions(), logger: Logger) {
        self.endpoint = endpoint
        self.options = options
        var logger = logger
        logger[metadataKey: "device.endpoint"] = "\(endpoint)"
        self.logger = logger
        self.executor = DispatchQueueExecutor(label: "lineguard.modbus.\(endpoint)")
        self.connection = ModbusConnection(endpoint: endpoint)
        self.backoff = Backoff(
            initial: options.backoffInitial, maximum: options.backoffMax, jitter: options.backoffJitter)
    }

    /// Closes the connection; the next poll or write reconnects.
    public func close() {
        connection.close()
        health.state = .down
    }

    /// Connects when not connected, honouring the reconnect backoff. Throws `.backoff` without
    /// touching the network while a wait is pending.
    func ensureConnected() throws(ModbusError) {
        if connection.isConnected { return }
        let now = ContinuousClock.now
        if let next = health.nextConnectAttempt, now < next {
            throw ModbusError(
                kind: .backoff, endpoint: endpoint.description, operation: "connect",
                message: "reconnect backoff: next attempt in \(next - now)")
        }
        do {
            try connection.connect(options: options)
        } catch {
            health.consecutiveConnectFailures += 1
            let delay = backoff.nextDelay()
            health.nextConnectAttempt = ContinuousClock.now + delay
            record(error)
            health.state = .down
            logger.warning(
                "modbus connect failed",
                metadata: ["error": "\(error)", "retry.in": "\(delay)"])
            throw error
        }
        health.connects += 1
        health.consecutiveConnectFailures = 0
        health.nextConnectAttempt = nil
        backoff.reset()
        lastRequestEnd = nil
        logger.debug("modbus connected")
        WallClock.blockingSleep(options.pauseAfterConnect)
    }

    /// Counts a failure and remembers it.
    func record(_ error: ModbusError) {
        health.errors[error.kind, default: 0] += 1
        health.lastError = error
    }

    /// Waits out the configured pause since the previous request on this connection.
    func pace() {
        guard options.pauseBetweenRequests > .zero, let last = lastRequestEnd else { return }
        let elapsed = ContinuousClock.now - last
        if elapsed < options.pauseBetweenRequests {
            WallClock.blockingSleep(options.pauseBetweenRequests - elapsed)
        }
    }

    /// Runs one request with pacing, busy retries, round-trip timing and resynchronisation after
    /// link errors. `operation` performs the libmodbus call.
    func perform<T>(_ operation: () throws(ModbusError) -> T) throws(ModbusError) -> T {
        var busyLeft = options.busyRetries
        while true {
            pace()
            let start = ContinuousClock.now
            health.requests += 1
            do {
                let value = try operation()
                let end = ContinuousClock.now
                lastRequestEnd = end
                health.successes += 1
                health.lastRoundTrip = end - start
                return value
            } catch {
                lastRequestEnd = ContinuousClock.now
                record(error)
                if error.kind == .busy, busyLeft > 0 {
                    busyLeft -= 1
                    WallClock.blockingSleep(options.busyRetryDelay)
                    continue
                }
                if error.kind.needsResync {
                    // A late reply would otherwise be taken for the answer to the next request.
                    connection.close()
                }
                throw error
            }
        }
    }
}

/// Identifies a planned request across polls (for split and report-once bookkeeping).
struct RequestKey: Hashable {
    var unit: UInt8
    var kind: RegisterKind
    var address: UInt16
    var count: Int

    init(_ request: ReadRequest) {
        unit = request.unit
        kind = request.kind
        address = request.address
        count = request.count
    }
}
