import CModbus
import Dispatch
public import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A Modbus TCP server (libmodbus) for the simulator and the tests: one thread runs a poll loop
/// over the listening socket and every client; the register map is shared with value generators
/// under a lock; faults are injected per request (`faults`). Serves any unit id, or only `unit`
/// (other units are answered with exception 11, as a gateway would).
public final class ModbusServer: Sendable {
    public let host: String
    public let requestedPort: Int
    public let unit: UInt8?
    let core: ServerCore
    private let logger: Logger

    /// Creates the map (sizes are table lengths: addresses 0 ..< size). Nothing listens until
    /// `start()`.
    public init(
        host: String = "127.0.0.1", port: Int = 0, unit: UInt8? = nil, coils: Int = 65536,
        discreteInputs: Int = 65536, holdingRegisters: Int = 65536, inputRegisters: Int = 65536,
        logger: Logger = Logger(label: "lineguard.modbus.server")
    ) throws(ModbusServerError) {
        self.host = host
        self.requestedPort = port
        self.unit = unit
        self.logger = logger
        let sizes = [coils, discreteInputs, holdingRegisters, inputRegisters]
        guard sizes.allSatisfy({ (0...65536).contains($0) }),
            let mapping = modbus_mapping_new(Int32(coils), Int32(discreteInputs), Int32(holdingRegisters), Int32(inputRegisters))
        else {
            throw ModbusServerError(
                operation: "allocate map", host: host, port: port, errno: 0,
                message: "table sizes must be 0...65536 and memory available, got \(sizes)")
        }
        self.core = ServerCore(mapping: mapping, sizes: sizes)
    }

    deinit {
        stop()
    }

    /// Binds, listens and starts the loop thread; returns the bound port (the ephemeral one when
    /// `port` was 0). Calling it on a running server returns the port in use.
    @discardableResult
    public func start() throws(ModbusServerError) -> Int {
        if let port = core.state.withLock({ $0.loop?.port }) { return port }
        let listening = try Listener.open(host: host, port: requestedPort)
        var pipeFDs: [Int32] = [-1, -1]
        guard pipe(&pipeFDs) == 0 else {
            let error = ModbusServerError.lastError("pipe", host: host, port: listening.port)
            close(listening.fd)
            throw error
        }
        let done = DispatchSemaphore(value: 0)
        let handle = LoopHandle(port: listening.port, wakeFD: pipeFDs[1], done: done)
        core.state.withLock { $0.loop = handle }
        let loop = ServerLoop(
            core: core, listenFD: listening.fd, wakeFD: pipeFDs[0], unit: unit, logger: logger)
        DispatchQueue(label: "lineguard.modbus.server.\(listening.port)").async {
            loop.run()
            done.signal()
        }
        logger.debug("modbus server listening", metadata: ["server.port": "\(listening.port)"])
        return listening.port
    }

    /// Stops the loop, closes every connection and waits until the thread has finished. Must not
    /// be called from a write handler (it runs on the loop thread).
    public func stop() {
        guard let handle = core.state.withLock({ state -> LoopHandle? in
            defer { state.loop = nil }
            return state.loop
        }) else { return }
        var byte: UInt8 = 1
        _ = write(handle.wakeFD, &byte, 1)
        handle.done.wait()
        close(handle.wakeFD)
    }

    /// The bound port while running.
    public var port: Int? { core.state.withLock { $0.loop?.port } }

    /// Runs `body` with the register map under the server's lock (the loop does not answer
    /// meanwhile). Do not let the bank escape the closure.
    public func withRegisters<T, E: Error>(_ body: (inout RegisterBank) throws(E) -> T) throws(E) -> T {
        try core.state.withLock { (state: inout ServerState) throws(E) -> T in
            var bank = state.bank
            return try body(&bank)
        }
    }

    /// The faults injected into replies; changes apply from the next request.
    public var faults: FaultPlan {
        get { core.state.withLock { $0.faults } }
        set { core.state.withLock { $0.faults = newValue } }
    }

    /// Changes the fault plan atomically (for read-modify-write from several threads).
    public func updateFaults(_ body: (inout FaultPlan) -> Void) {
        core.state.withLock { body(&$0.faults) }
    }

    /// Calls `handler` on the server thread after each applied client write (coils, registers),
    /// outside the lock, so it may call `withRegisters`. Replaces any previous handler; nil removes.
    public func onWrite(_ handler: (@Sendable (ModbusWriteEvent) -> Void)?) {
        core.state.withLock { $0.writeHandler = handler }
    }

    /// At most this many clients at once (devices that accept one master); further connections are
    /// closed on accept. nil: no limit.
    public var maxConnections: Int? {
        get { core.state.withLock { $0.maxConnections } }
        set { core.state.withLock { $0.maxConnections = newValue } }
    }

    /// Counters since creation.
    public var statistics: ServerStatistics { core.state.withLock { $0.statistics } }
}

/// What `stop()` needs to reach a running loop.
struct LoopHandle: Sendable {
    var port: Int
    var wakeFD: Int32
    var done: DispatchSemaphore
}

/// The state shared by the loop thread and the server's callers, always under the lock.
struct ServerState {
    /// Owned by `ServerCore`; freed in its `deinit`, after the loop has stopped.
    var mapping: UnsafeMutablePointer<modbus_mapping_t>
    var bank: RegisterBank
    var faults = FaultPlan()
    var writeHandler: (@Sendable (ModbusWriteEvent) -> Void)?
    var maxConnections: Int?
    var statistics = ServerStatistics()
    var loop: LoopHandle?
}

/// Owns the libmodbus map. Sendable because every access to the map (and to the pointers in
/// `ServerState`) happens inside `state.withLock`; the map is freed only in `deinit`, when no
/// server and no loop (each holds a strong reference while running) can reach it any more.
final class ServerCore: Sendable {
    let state: LockedState<ServerState>

    init(mapping: UnsafeMutablePointer<modbus_mapping_t>, sizes: [Int]) {
        let table = mapping.pointee
        let bank = RegisterBank(
            coils: BitTable(storage: UnsafeMutableBufferPointer(start: table.tab_bits, count: sizes[0])),
            discreteInputs: BitTable(storage: UnsafeMutableBufferPointer(start: table.tab_input_bits, count: sizes[1])),
            holdingRegisters: RegisterTable(storage: UnsafeMutableBufferPointer(start: table.tab_registers, count: sizes[2])),
            inputRegisters: RegisterTable(storage: UnsafeMutableBufferPointer(start: table.tab_input_registers, count: sizes[3])))
        state = LockedState(ServerState(mapping: mapping, bank: bank))
    }

    deinit {
        state.withLock { modbus_mapping_free($0.mapping) }
    }
}
