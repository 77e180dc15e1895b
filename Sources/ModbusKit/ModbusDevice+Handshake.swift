import LineModel
import Logging

extension ModbusDevice {
    /// Polls a result-ready handshake once: reads the counter; when it moved, reads the block
    /// (with the counter, in as few requests as the caps allow), checks that the counter did not
    /// move meanwhile, counts lost sequence numbers, acknowledges, and returns the result. A
    /// result is returned once: the counter is only remembered after its block was read.
    public func pollHandshake(_ handshake: ResultHandshake) -> HandshakeResult {
        var state = handshakes[handshake.name] ?? HandshakeState(last: handshake.resumeAfter)
        defer { handshakes[handshake.name] = state }
        let counterPlan = RequestPlanner.plan([handshake.sequence], options: options)
        guard case .success(let current) = readCounter(handshake, plan: counterPlan) else {
            state.statistics.failures += 1
            return HandshakeResult(outcome: .failed(lastCounterQuality))
        }
        guard let last = state.last else {
            state.last = current
            return HandshakeResult(outcome: .baseline, sequence: current)
        }
        if current == last { return HandshakeResult(outcome: .unchanged, sequence: current) }

        let blockNames = Set(handshake.block.map(\.name))
        let withCounter = blockNames.contains(handshake.sequence.name) ? handshake.block : handshake.block + [handshake.sequence]
        let blockPlan = RequestPlanner.plan(withCounter, options: options)
        for _ in 0..<3 {
            let readings = poll(blockPlan)
            guard let counterReading = readings.first(where: { $0.name == handshake.sequence.name }),
                let sequence = Self.counterValue(counterReading, bits: handshake.sequenceBits)
            else {
                state.statistics.failures += 1
                let quality = readings.first(where: { !$0.quality.isGood })?.quality ?? .commError
                return HandshakeResult(outcome: .failed(quality))
            }
            let block = readings.filter { blockNames.contains($0.name) }
            if let bad = block.first(where: { !$0.quality.isGood && $0.quality != .frozen }) {
                state.statistics.failures += 1
                return HandshakeResult(outcome: .failed(bad.quality), sequence: sequence)
            }
            // One request is atomic at the device; several must be bracketed by an unchanged counter.
            if blockPlan.count > 1 {
                guard case .success(let after) = readCounter(handshake, plan: counterPlan) else {
                    state.statistics.failures += 1
                    return HandshakeResult(outcome: .failed(lastCounterQuality))
                }
                if after != sequence {
                    state.statistics.tornReads += 1
                    continue
                }
            }
            if sequence == last { return HandshakeResult(outcome: .unchanged, sequence: sequence) }
            var result = HandshakeResult(outcome: .result, sequence: sequence, readings: block)
            let distance = Self.distance(from: last, to: sequence, bits: handshake.sequenceBits)
            if distance - 1 > handshake.maxPlausibleSkip {
                result.counterReset = true
                state.statistics.counterResets += 1
                logger.warning(
                    "handshake counter jumped: taken as a reset",
                    metadata: ["handshake": "\(handshake.name)", "from": "\(last)", "to": "\(sequence)"])
            } else {
                result.skipped = distance - 1
                state.statistics.skippedSequences += distance - 1
                if distance > 1 {
                    logger.warning(
                        "handshake results were missed",
                        metadata: ["handshake": "\(handshake.name)", "skipped": "\(distance - 1)"])
                }
            }
            state.last = sequence
            state.statistics.results += 1
            if let acknowledge = handshake.acknowledge {
                do {
                    switch acknowledge {
                    case .echoSequence(let unit, let address):
                        try writeRegister(unit: unit, address: address, value: UInt16(truncatingIfNeeded: sequence))
                    case .setCoil(let unit, let address):
                        try writeCoil(unit: unit, address: address, value: true)
                    }
                } catch {
                    state.statistics.acknowledgeFailures += 1
                    result.acknowledgeError = error
                }
            }
            return result
        }
        state.statistics.failures += 1
        return HandshakeResult(outcome: .failed(.stale))
    }

    /// Counters of a handshake (zero before its first poll).
    public func handshakeStatistics(_ name: String) -> HandshakeStatistics {
        handshakes[name]?.statistics ?? HandshakeStatistics()
    }

    private var lastCounterQuality: Quality { lastCounterFailure ?? .commError }

    private func readCounter(_ handshake: ResultHandshake, plan: [ReadRequest]) -> Result<UInt64, CounterFailure> {
        let readings = poll(plan)
        guard let reading = readings.first, reading.quality.isGood || reading.quality == .frozen,
            let value = Self.counterValue(reading, bits: handshake.sequenceBits)
        else {
            lastCounterFailure = readings.first?.quality
            return .failure(CounterFailure())
        }
        lastCounterFailure = nil
        return .success(value)
    }

    /// The counter as an unsigned number of `bits` width (negative signed counters wrap).
    static func counterValue(_ reading: PointReading, bits: Int) -> UInt64? {
        guard reading.quality.isGood || reading.quality == .frozen,
            case .number(let number) = reading.value, number.rounded() == number
        else { return nil }
        let signed = Int64(exactly: number) ?? 0
        let value = number < 0 ? UInt64(bitPattern: signed) : (UInt64(exactly: number) ?? 0)
        return bits >= 64 ? value : value & ((UInt64(1) << UInt64(bits)) - 1)
    }

    /// Steps from `last` to `current` on a counter of `bits` width.
    static func distance(from last: UInt64, to current: UInt64, bits: Int) -> UInt64 {
        let difference = current &- last
        return bits >= 64 ? difference : difference & ((UInt64(1) << UInt64(bits)) - 1)
    }
}

/// The counter could not be read (its quality is kept in `lastCounterFailure`).
struct CounterFailure: Error {}
