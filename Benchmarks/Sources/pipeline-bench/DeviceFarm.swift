import Foundation
import ModbusKit
import Synchronization

/// The simulated line of `pipeline.end_to_end`: `devices` Modbus TCP servers on loopback (one
/// endpoint each, as separate PLCs would be), each with `characteristics` float32 values at
/// holding registers 2c (ABCD) and their uint32 unit counters at 100 + 2c.
///
/// A ticker thread makes one unit per characteristic every `period`: it writes every value and
/// bumps every counter under the server's lock, so a poll sees either the old unit or the new
/// one. Values alternate around the target within one sigma of any Phase I estimate, so the
/// Western Electric rules never fire on them; a probe instead writes a value far above the
/// specification and records when it was written, so the signal it causes can be timed.
final class DeviceFarm: Sendable {
    static let devices = 20
    static let characteristics = 50
    static let target = 78.0
    static let probeValue = 90.0

    /// One probe: the characteristic and unit counter whose value was set out of limits, and
    /// the monotonic time the registers held it.
    struct Probe: Sendable, Hashable {
        var characteristic: String
        var sequence: Int64
        var writtenAt: Double
    }

    private struct TickState {
        var running = false
        var counter: UInt32 = 1
        var ticks = 0
        var probeEvery = 0
        var probeCount = 0
        var random: UInt64 = 0x5EED_2026
        var probes: [Probe] = []
    }

    let servers: [ModbusServer]
    let ports: [Int]
    private let state = Mutex(TickState())
    private let finished = Mutex<DispatchSemaphore?>(nil)

    init() throws {
        var servers: [ModbusServer] = []
        var ports: [Int] = []
        for _ in 0..<Self.devices {
            let server = try ModbusServer(
                host: "127.0.0.1", port: 0, coils: 0, discreteInputs: 0, holdingRegisters: 100 + 2 * Self.characteristics,
                inputRegisters: 0)
            ports.append(try server.start())
            servers.append(server)
        }
        self.servers = servers
        self.ports = ports
    }

    /// The characteristic id of device `d`, characteristic `c` (both 0-based) in every subject.
    static func characteristicID(device: Int, characteristic: Int) -> String {
        "dev\(String(format: "%02d", device + 1)).weight.c\(String(format: "%02d", characteristic + 1))"
    }

    /// Units made so far (every characteristic makes one per tick).
    var ticks: Int { state.withLock { $0.ticks } }

    /// Probes written so far.
    var probes: [Probe] { state.withLock { $0.probes } }

    /// Starts making a unit every `period` seconds on a thread of its own.
    func start(period: Double) {
        state.withLock {
            $0.running = true
            $0.probeEvery = 0
            $0.probes = []
        }
        let done = DispatchSemaphore(value: 0)
        finished.withLock { $0 = done }
        let thread = Thread { [self] in
            var next = Monotonic.now() + period
            while state.withLock({ $0.running }) {
                Monotonic.sleep(until: next)
                tick()
                next += period
                let now = Monotonic.now()
                // A late ticker skips slots instead of making units back to back.
                if next < now { next += ((now - next) / period).rounded(.up) * period }
            }
            done.signal()
        }
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    /// From now on, about one unit in `everyTicks` (chosen at random, so probes fall at every
    /// phase of the subject's poll cycle) of one characteristic (rotating over devices and
    /// characteristics) is a probe.
    func startProbing(everyTicks: Int) {
        state.withLock { $0.probeEvery = max(everyTicks, 1) }
    }

    /// No more probes (the units go on).
    func stopProbing() {
        state.withLock { $0.probeEvery = 0 }
    }

    /// Stops the ticker and waits for its thread.
    func stop() {
        state.withLock { $0.running = false }
        finished.withLock { $0 }?.wait()
        finished.withLock { $0 = nil }
    }

    private func tick() {
        let (counter, probe) = state.withLock { state -> (UInt32, (device: Int, characteristic: Int)?) in
            state.counter &+= 1
            state.ticks += 1
            state.random = state.random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            guard state.probeEvery > 0, (state.random >> 33) % UInt64(state.probeEvery) == 0 else { return (state.counter, nil) }
            let k = state.probeCount
            state.probeCount += 1
            return (state.counter, (k % Self.devices, (k / Self.devices * 7 + k) % Self.characteristics))
        }
        for (d, server) in servers.enumerated() {
            server.withRegisters { bank in
                for c in 0..<Self.characteristics {
                    var value = Self.value(counter: counter, device: d, characteristic: c)
                    if let probe, probe.device == d, probe.characteristic == c { value = Self.probeValue }
                    let bits = Float(value).bitPattern
                    bank.holdingRegisters[UInt16(2 * c)] = UInt16(bits >> 16)
                    bank.holdingRegisters[UInt16(2 * c + 1)] = UInt16(bits & 0xFFFF)
                    bank.holdingRegisters[UInt16(100 + 2 * c)] = UInt16(counter >> 16)
                    bank.holdingRegisters[UInt16(100 + 2 * c + 1)] = UInt16(counter & 0xFFFF)
                }
            }
        }
        if let probe {
            let record = Probe(
                characteristic: Self.characteristicID(device: probe.device, characteristic: probe.characteristic),
                sequence: Int64(counter), writtenAt: Monotonic.now())
            state.withLock { $0.probes.append(record) }
        }
    }

    /// target +- (0.18 ... 0.27) g, alternating sides unit by unit: the moving range stays
    /// between 0.36 and 0.54, so any Phase I sigma (MR-bar / 1.128 >= 0.32) exceeds every
    /// deviation and no Western Electric rule (nor the MR chart) ever fires on these values.
    static func value(counter: UInt32, device: Int, characteristic: Int) -> Double {
        var z = UInt64(counter) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(device * 64 + characteristic) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 31)) &* 0x94D0_49BB_1331_11EB
        let u = Double(z >> 11) * 0x1p-53
        let side: Double = (Int(counter) + characteristic) % 2 == 0 ? 1 : -1
        return target + side * (0.18 + 0.09 * u)
    }
}
