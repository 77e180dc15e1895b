/// Per-device behaviour: timeouts, pacing, request caps and the recovery policy. The defaults
/// suit a PLC on a plant network; lower the caps or turn on `oneRequestPerValue` for devices that
/// reject large or gap-spanning reads.
public struct DeviceOptions: Sendable, Hashable {
    /// How long to wait for a reply (libmodbus's response timeout).
    public var responseTimeout: Duration
    /// How long a TCP connect may take.
    public var connectTimeout: Duration
    /// A pause after a (re)connect before the first request, for devices that need it.
    public var pauseAfterConnect: Duration
    /// A pause between two requests to the same endpoint.
    public var pauseBetweenRequests: Duration
    /// Registers per read request (1...125).
    public var maxRegistersPerRequest: Int
    /// Bits per read request (1...2000).
    public var maxBitsPerRequest: Int
    /// The largest run of unconfigured registers (or bits) a merged read may span.
    public var maxGap: Int
    /// Read every value with its own request (for devices that reject any range read).
    public var oneRequestPerValue: Bool
    /// Close the connection after every poll (devices that take one short session at a time).
    public var closeAfterPoll: Bool
    /// On exception 2 for a merged read, read its values one by one to find the culprit (and keep
    /// reading that range value by value afterwards).
    public var splitOnIllegalAddress: Bool
    /// How often a request answered "server busy" (exception 6) is retried, and the wait between.
    public var busyRetries: Int
    public var busyRetryDelay: Duration
    /// Reconnect backoff: first wait, cap, and jitter fraction (0...1) applied to each wait.
    public var backoffInitial: Duration
    public var backoffMax: Duration
    public var backoffJitter: Double
    /// TCP keepalive on the socket: idle time before probes, interval and count; also used for
    /// TCP_USER_TIMEOUT (idle + interval * count). nil: leave the kernel defaults.
    public var keepalive: Keepalive?
    /// The only coils and registers `ModbusDevice` may write.
    public var writeTargets: [WriteTarget]

    /// TCP keepalive settings.
    public struct Keepalive: Sendable, Hashable {
        public var idle: Duration
        public var interval: Duration
        public var count: Int

        public init(idle: Duration = .seconds(10), interval: Duration = .seconds(2), count: Int = 3) {
            self.idle = idle
            self.interval = interval
            self.count = count
        }
    }

    public init(
        responseTimeout: Duration = .milliseconds(500),
        connectTimeout: Duration = .seconds(2),
        pauseAfterConnect: Duration = .zero,
        pauseBetweenRequests: Duration = .zero,
        maxRegistersPerRequest: Int = ModbusLimits.maxReadRegisters,
        maxBitsPerRequest: Int = ModbusLimits.maxReadBits,
        maxGap: Int = 10,
        oneRequestPerValue: Bool = false,
        closeAfterPoll: Bool = false,
        splitOnIllegalAddress: Bool = true,
        busyRetries: Int = 2,
        busyRetryDelay: Duration = .milliseconds(50),
        backoffInitial: Duration = .milliseconds(250),
        backoffMax: Duration = .seconds(30),
        backoffJitter: Double = 0.2,
        keepalive: Keepalive? = Keepalive(),
        writeTargets: [WriteTarget] = []
    ) {
        self.responseTimeout = responseTimeout
        self.connectTimeout = connectTimeout
        self.pauseAfterConnect = pauseAfterConnect
        self.pauseBetweenRequests = pauseBetweenRequests
        self.maxRegistersPerRequest = maxRegistersPerRequest
        self.maxBitsPerRequest = maxBitsPerRequest
        self.maxGap = maxGap
        self.oneRequestPerValue = oneRequestPerValue
        self.closeAfterPoll = closeAfterPoll
        self.splitOnIllegalAddress = splitOnIllegalAddress
        self.busyRetries = busyRetries
        self.busyRetryDelay = busyRetryDelay
        self.backoffInitial = backoffInitial
        self.backoffMax = backoffMax
        self.backoffJitter = backoffJitter
        self.keepalive = keepalive
        self.writeTargets = writeTargets
    }

    /// Checks the options as a whole; the error names the field.
    public func validate() throws(ModbusConfigurationError) {
        func fail(_ key: String, _ value: String, _ expected: String) -> ModbusConfigurationError {
            ModbusConfigurationError(key: "device.\(key)", value: value, expected: expected)
        }
        guard (1...ModbusLimits.maxReadRegisters).contains(maxRegistersPerRequest) else {
            throw fail("max_registers_per_request", String(maxRegistersPerRequest), "1...125")
        }
        guard (1...ModbusLimits.maxReadBits).contains(maxBitsPerRequest) else {
            throw fail("max_bits_per_request", String(maxBitsPerRequest), "1...2000")
        }
        guard maxGap >= 0 else { throw fail("max_gap", String(maxGap), "0 or more") }
        guard responseTimeout > .zero else { throw fail("response_timeout", "\(responseTimeout)", "more than 0") }
        guard connectTimeout > .zero else { throw fail("connect_timeout", "\(connectTimeout)", "more than 0") }
        guard busyRetries >= 0 else { throw fail("busy_retries", String(busyRetries), "0 or more") }
        guard backoffInitial > .zero, backoffMax >= backoffInitial else {
            throw fail("backoff", "\(backoffInitial)...\(backoffMax)", "0 < initial <= max")
        }
        guard (0...1).contains(backoffJitter) else { throw fail("backoff_jitter", "\(backoffJitter)", "0...1") }
        for target in writeTargets where !target.kind.isWritable {
            throw fail("write_targets", target.kind.rawValue, "coil or holding")
        }
    }
}
