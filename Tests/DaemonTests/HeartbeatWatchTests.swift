@testable import Daemon
import LineModel
import ModbusKit
import Testing

/// The heartbeat is judged on good reads only, by the monotonic time of the reads.
@Suite struct HeartbeatWatchTests {
    static func read(_ value: Double?, atMilliseconds ms: UInt64, quality: Quality = .good) -> PointReading {
        PointReading(
            name: "device:plc#heartbeat", value: value.map { .number($0) }, quality: quality,
            time: SampleTime(wall: Double(ms) / 1000, monotonicNanos: ms * 1_000_000))
    }

    @Test func aStillHeartbeatIsLostOnceAfterItsTimeoutAndRestoredByTheNextChange() {
        var watch = HeartbeatWatch(timeoutMilliseconds: 1000)
        #expect(watch.observe(Self.read(7, atMilliseconds: 0)) == nil, "first sight is not judged")
        #expect(watch.observe(Self.read(8, atMilliseconds: 250)) == nil)
        #expect(watch.observe(Self.read(8, atMilliseconds: 750)) == nil)
        #expect(watch.observe(Self.read(8, atMilliseconds: 1249)) == nil, "999 ms unchanged: within the timeout")
        #expect(watch.observe(Self.read(8, atMilliseconds: 1250)) == .lost(value: "8.0", seconds: 1.0))
        #expect(watch.isLost)
        #expect(watch.observe(Self.read(8, atMilliseconds: 5000)) == nil, "reported once per episode")
        #expect(watch.observe(Self.read(9, atMilliseconds: 6250)) == .restored(seconds: 5.0))
        #expect(!watch.isLost)
        #expect(watch.observe(Self.read(9, atMilliseconds: 7000)) == nil, "the timeout starts again at the change")
    }

    @Test func failedReadsNeitherLoseNorRestoreTheHeartbeat() {
        var watch = HeartbeatWatch(timeoutMilliseconds: 500)
        _ = watch.observe(Self.read(1, atMilliseconds: 0))
        #expect(watch.observe(Self.read(nil, atMilliseconds: 2000, quality: .commError)) == nil)
        #expect(watch.observe(Self.read(nil, atMilliseconds: 3000, quality: .deviceException(code: 6))) == nil)
        #expect(!watch.isLost, "a device that cannot be read is a comm problem, not a lost heartbeat")
        // Back on the link but hung at the same value: lost at once (unchanged since 0 ms).
        #expect(watch.observe(Self.read(1, atMilliseconds: 3100)) == .lost(value: "1.0", seconds: 3.1))
        #expect(watch.observe(Self.read(nil, atMilliseconds: 3200, quality: .commError)) == nil)
        #expect(watch.isLost, "a failed read does not restore it either")
    }

    @Test func aWrappingCounterAndAToggledBitAreChanges() {
        var counter = HeartbeatWatch(timeoutMilliseconds: 300)
        _ = counter.observe(Self.read(65535, atMilliseconds: 0))
        #expect(counter.observe(Self.read(0, atMilliseconds: 200)) == nil)
        #expect(counter.observe(Self.read(0, atMilliseconds: 400)) == nil)
        #expect(counter.observe(Self.read(0, atMilliseconds: 500)) != nil)

        var bit = HeartbeatWatch(timeoutMilliseconds: 300)
        let toggles: [(Bool, UInt64)] = [(true, 0), (false, 200), (true, 400), (false, 600)]
        for (value, ms) in toggles {
            let reading = PointReading(
                name: "hb", value: .bool(value), quality: .good, time: SampleTime(wall: 0, monotonicNanos: ms * 1_000_000))
            #expect(bit.observe(reading) == nil)
        }
        let still = PointReading(name: "hb", value: .bool(false), quality: .good, time: SampleTime(wall: 0, monotonicNanos: 900_000_000))
        #expect(bit.observe(still) == .lost(value: "false", seconds: 0.3))
    }
}
