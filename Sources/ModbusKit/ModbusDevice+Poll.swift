import Logging
import LineModel

extension ModbusDevice {
    /// Reads every request of `plan` and returns one reading per planned value, in plan order.
    /// Never throws: a failure becomes the quality of the values it concerns, and only those
    /// (a bad request costs no other request its data). Gateway exceptions (10/11) mark the rest
    /// of that unit's requests bad in this poll but keep the link; two link failures in one poll,
    /// or a failed connect, mark the rest of the poll `.commError` without waiting on the wire.
    public func poll(_ plan: [ReadRequest]) -> [PointReading] {
        var readings: [PointReading] = []
        readings.reserveCapacity(plan.reduce(0) { $0 + $1.points.count })
        var failedUnits: [UInt8: UInt8] = [:]
        var linkFailures = 0
        var linkDown = false
        var failures = 0
        for request in plan {
            if linkDown {
                appendFailed(request.points, quality: .commError, into: &readings)
                continue
            }
            if let code = failedUnits[request.unit] {
                appendFailed(request.points, quality: .deviceException(code: code), into: &readings)
                continue
            }
            do {
                try ensureConnected()
            } catch {
                linkDown = true
                failures += 1
                appendFailed(request.points, quality: .commError, into: &readings)
                continue
            }
            let key = RequestKey(request)
            if splitRequests.contains(key) {
                failures += readValueByValue(request, into: &readings)
                continue
            }
            guard let error = read(request, into: &readings) else { continue }
            failures += 1
            switch error.kind {
            case .gateway:
                failedUnits[request.unit] = error.exceptionCode ?? 11
                logger.warning(
                    "modbus gateway reports the unit unreachable",
                    metadata: ["device.unit": "\(request.unit)", "error": "\(error)"])
            case .illegalAddress:
                reportIllegalAddressOnce(request, error: error)
                if options.splitOnIllegalAddress, request.points.count > 1 {
                    readings.removeLast(request.points.count)
                    splitRequests.insert(key)
                    failures -= 1
                    failures += readValueByValue(request, into: &readings)
                }
            case .timeout, .socket, .protocolError:
                linkFailures += 1
                if linkFailures >= 2 { linkDown = true }
                logger.debug("modbus link failure", metadata: ["error": "\(error)"])
            default:
                logger.debug("modbus request failed", metadata: ["error": "\(error)"])
            }
        }
        updateState(failures: failures, total: plan.count, linkDown: linkDown)
        if options.closeAfterPoll { connection.close() }
        return readings
    }

    /// Reads one request and appends its readings (bad-quality ones on failure); returns the
    /// failure, if any.
    func read(_ request: ReadRequest, into readings: inout [PointReading]) -> ModbusError? {
        let time = WallClock.now()
        do {
            let decoded: [PointReading]
            if request.kind.isBit {
                decoded = try perform { () throws(ModbusError) -> [PointReading] in
                    try connection.readBits(
                        unit: request.unit, kind: request.kind, address: request.address, count: request.count
                    ) { bits in decode(request, bits: bits, time: time) }
                }
            } else {
                decoded = try perform { () throws(ModbusError) -> [PointReading] in
                    try connection.readRegisters(
                        unit: request.unit, kind: request.kind, address: request.address, count: request.count
                    ) { registers in decode(request, registers: registers, time: time) }
                }
            }
            readings.append(contentsOf: decoded)
            return nil
        } catch {
            let quality: Quality = error.exceptionCode.map { .deviceException(code: $0) } ?? .commError
            appendFailed(request.points, quality: quality, time: time, into: &readings)
            return error
        }
    }

    /// Reads a request's values one by one (after exception 2 on the merged range); returns the
    /// number of failed reads.
    private func readValueByValue(_ request: ReadRequest, into readings: inout [PointReading]) -> Int {
        var failures = 0
        for point in request.points {
            let single = ReadRequest(point: point)
            if let error = read(single, into: &readings) {
                failures += 1
                if error.kind == .illegalAddress { reportIllegalAddressOnce(single, error: error) }
            }
        }
        return failures
    }

    private func reportIllegalAddressOnce(_ request: ReadRequest, error: ModbusError) {
        let key = RequestKey(request)
        guard !reportedIllegal.contains(key) else { return }
        reportedIllegal.insert(key)
        logger.warning(
            "modbus device rejects the address range (exception 2): check the configuration",
            metadata: [
                "device.unit": "\(request.unit)", "request": "\(request)",
                "points": "\(request.points.map(\.name).joined(separator: ","))",
            ])
    }

    private func decode(_ request: ReadRequest, registers: ArraySlice<UInt16>, time: SampleTime) -> [PointReading] {
        request.points.map { point in
            let raw = PointDecoder.slice(of: point, in: request, registers: registers)
            let reading = PointDecoder.reading(point, raw: raw, time: time)
            return point.frozenAfter == nil ? reading : judged(reading, point: point, raw: Array(raw))
        }
    }

    private func decode(_ request: ReadRequest, bits: ArraySlice<UInt8>, time: SampleTime) -> [PointReading] {
        request.points.map { point in
            let reading = PointDecoder.reading(point, in: request, bits: bits, time: time)
            guard point.frozenAfter != nil else { return reading }
            return judged(reading, point: point, raw: [reading.value == .bool(true) ? 1 : 0])
        }
    }

    /// Applies frozen detection to a decoded reading.
    private func judged(_ reading: PointReading, point: PointDefinition, raw: [UInt16]) -> PointReading {
        guard point.frozenAfter != nil else { return reading }
        guard reading.quality.isGood else {
            frozen.reset(point.name)
            return reading
        }
        var result = reading
        if frozen.observe(point, raw: raw) { result.quality = .frozen }
        return result
    }

    func appendFailed(
        _ points: [PointDefinition], quality: Quality, time: SampleTime = WallClock.now(),
        into readings: inout [PointReading]
    ) {
        for point in points {
            frozen.reset(point.name)
            readings.append(PointReading(name: point.name, value: nil, quality: quality, time: time))
        }
    }

    private func updateState(failures: Int, total: Int, linkDown: Bool) {
        let previous = health.state
        if !connection.isConnected && (linkDown || failures >= total && total > 0) {
            health.state = .down
        } else if failures > 0 {
            health.state = .degraded
        } else if total > 0 || connection.isConnected {
            health.state = .up
        }
        if previous != health.state {
            logger.notice(
                "modbus device state changed",
                metadata: ["state.from": "\(previous.rawValue)", "state.to": "\(health.state.rawValue)"])
        }
    }
}
