import CoreMetrics
import LineModel
import ModbusKit

/// The daemon's metrics, through swift-metrics (the executable bootstraps the Prometheus
/// backend). Names follow Prometheus conventions; labels are low-cardinality (device, quality
/// class, error class), never lot ids.
enum DaemonMetrics {
    static func sample(quality: Quality) {
        let label: String
        switch quality {
        case .good: label = "good"
        case .stale: label = "stale"
        case .commError: label = "comm_error"
        case .deviceException: label = "exception"
        case .decodeError: label = "decode_error"
        case .frozen: label = "frozen"
        }
        Counter(label: "lineguard_samples_total", dimensions: [("quality", label)]).increment()
    }

    static func signal() { Counter(label: "lineguard_signals_total").increment() }
    static func defect() { Counter(label: "lineguard_defects_total").increment() }
    static func hold(count: Int = 1) { Counter(label: "lineguard_holds_total").increment(by: count) }
    static func dropped(_ count: Int) {
        Counter(label: "lineguard_samples_dropped_total", dimensions: [("reason", "queue")]).increment(by: count)
    }
    /// A unit counter moved between the requests of one poll cycle (the cycle was read again).
    static func tornRead(endpoint: String) {
        Counter(label: "lineguard_torn_reads_total", dimensions: [("endpoint", endpoint)]).increment()
    }
    /// Results acknowledged to a device's result handshake, and acknowledge writes that failed.
    static func acknowledged(device: String) {
        Counter(label: "lineguard_results_acknowledged_total", dimensions: [("device", device)]).increment()
    }
    static func acknowledgeFailed(device: String) {
        Counter(label: "lineguard_acknowledge_failures_total", dimensions: [("device", device)]).increment()
    }
    static func skippedCycles(endpoint: String, _ count: Int) {
        Counter(label: "lineguard_poll_cycles_skipped_total", dimensions: [("endpoint", endpoint)]).increment(by: count)
    }

    /// A device-level data-quality condition (`heartbeat` lost, `status` word invalid): 1 while
    /// it lasts, 0 otherwise; the device's values are kept out of SPC meanwhile.
    static func deviceCondition(device: String, reason: String, active: Bool) {
        Gauge(label: "lineguard_device_data_invalid", dimensions: [("device", device), ("reason", reason)]).record(active ? 1 : 0)
    }

    static func queueDepth(_ depth: Int) { Gauge(label: "lineguard_store_queue_depth").record(depth) }

    static func commit(seconds: Double, rows: Int) {
        Timer(label: "lineguard_store_commit_seconds").recordNanoseconds(Int64(seconds * 1e9))
        Counter(label: "lineguard_store_rows_total").increment(by: rows)
    }

    /// Device health after a poll: state (1 up, 0.5 degraded, 0 down), round trip, and the
    /// growth of its request and error counters since `previous`.
    static func device(endpoint: String, health: DeviceHealth, previous: DeviceHealth?) {
        let dimensions = [("endpoint", endpoint)]
        let state: Double
        switch health.state {
        case .up: state = 1
        case .degraded: state = 0.5
        case .down: state = 0
        }
        Gauge(label: "lineguard_device_up", dimensions: dimensions).record(state)
        if let roundTrip = health.lastRoundTrip {
            let (seconds, attoseconds) = roundTrip.components
            Timer(label: "lineguard_modbus_round_trip_seconds", dimensions: dimensions)
                .recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }
        let requests = health.requests - (previous?.requests ?? 0)
        if requests > 0 { Counter(label: "lineguard_modbus_requests_total", dimensions: dimensions).increment(by: requests) }
        for (kind, count) in health.errors {
            let delta = count - (previous?.errorCount(kind) ?? 0)
            if delta > 0 {
                Counter(label: "lineguard_modbus_errors_total", dimensions: dimensions + [("class", kind.rawValue)])
                    .increment(by: delta)
            }
        }
    }

    /// The store's health after a writer pass: degraded (1) while writes fail, the records
    /// waiting in memory, and raw samples lost because the store refused their batch.
    static func store(degraded: Bool, pending: Int, lostSamples: Int) {
        Gauge(label: "lineguard_store_degraded").record(degraded ? 1 : 0)
        Gauge(label: "lineguard_store_pending_records").record(pending)
        if lostSamples > 0 {
            Counter(label: "lineguard_samples_dropped_total", dimensions: [("reason", "store")]).increment(by: lostSamples)
        }
        if degraded { Counter(label: "lineguard_store_write_failures_total").increment() }
    }

    /// The spill's fill level (bytes of entries waiting for the database) and whether it
    /// could not take the last records (1: they wait in memory only).
    static func spill(usedBytes: Int, full: Bool) {
        Gauge(label: "lineguard_store_spill_bytes").record(usedBytes)
        Gauge(label: "lineguard_store_spill_full").record(full ? 1 : 0)
    }

    static func buildInfo(version: String) {
        Gauge(label: "lineguard_build_info", dimensions: [("version", version)]).record(1)
    }
}
