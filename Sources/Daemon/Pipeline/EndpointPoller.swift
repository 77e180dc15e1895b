import Logging
import LineModel
import ModbusKit

/// Polls one endpoint on a monotonic schedule and turns its readings into records: samples
/// (with their lot and unit counter), defects, signals, lot changes and data-quality events.
///
/// A cycle that overruns its interval is not stacked: the next cycle starts at the next free
/// slot and the skipped slots are counted.
struct EndpointPoller: Sendable {
    let plan: AcquisitionPlan
    let device: ModbusDevice
    let queue: RecordQueue
    let progress: PipelineProgress
    let lotBoard: LotBoard
    let limitUpdates: LimitUpdates
    /// The multivariate charts, fed with every good judged sample (nil: none configured).
    let multivariate: MultivariateHub?
    let logger: Logger
    /// The SPC state of each characteristic; handed back by `run()` so that a reload keeps the
    /// state of characteristics whose settings did not change.
    private(set) var judges: [CharacteristicID: CharacteristicJudge]
    private var lastHealth: DeviceHealth?
    private var lastSequence: [CharacteristicID: UInt64] = [:]
    private var lastQuality: [CharacteristicID: Quality] = [:]
    private var currentLot: [String: LotID] = [:]
    /// The last rejected lot-id text per station (reported once, not every poll).
    private var rejectedLot: [String: String] = [:]
    private var lastDeviceState: String?
    private var lastDeviceReport: Double = 0
    /// Heartbeats, status words, quality flags and frozen per-unit values (DataQualityWatch).
    var dataQuality = DataQualityWatch()
    /// The device states last written, data-quality conditions included (changes go out at once).
    private var lastShownStates: [String] = []
    /// Per device with `acknowledge`: the result counter last acknowledged.
    var lastAcknowledged: [String: UInt64] = [:]
    /// Devices whose acknowledge write is failing (reported once per episode).
    var acknowledgeFailing: Set<String> = []
    /// Devices with a per-unit value whose counter or value this cycle could not read: their
    /// result is not acknowledged (the controller shows it again next cycle).
    var unitsNotRead: Set<String> = []
    /// Quick re-reads left after an acknowledge (the controller's next result may take a tick).
    private var drainReads = 0

    /// - Parameters:
    ///   - carried: judges kept from before a reload (used only where the settings are equal).
    ///   - restoredLimits: frozen limits from the store, for characteristics without a judge.
    ///   - history: the latest stored samples of characteristics without a judge (after a
    ///     restart): replayed through their charts, and their last unit counter resumed.
    init(
        plan: AcquisitionPlan, device: ModbusDevice, queue: RecordQueue, progress: PipelineProgress, lotBoard: LotBoard,
        limitUpdates: LimitUpdates, carried: [CharacteristicID: CharacteristicJudge],
        restoredLimits: [CharacteristicID: ControlLimits], history: [CharacteristicID: [Sample]] = [:],
        multivariate: MultivariateHub? = nil, logger: Logger
    ) {
        self.multivariate = multivariate
        self.plan = plan
        self.device = device
        self.queue = queue
        self.progress = progress
        self.lotBoard = lotBoard
        self.limitUpdates = limitUpdates
        self.logger = logger
        var judges: [CharacteristicID: CharacteristicJudge] = [:]
        var replayed: [PipelineRecord] = []
        for settings in plan.characteristics {
            if let judge = carried[settings.id], judge.settings == settings {
                judges[settings.id] = judge
                continue
            }
            var judge = CharacteristicJudge(settings: settings, restoredLimits: restoredLimits[settings.id])
            let samples = history[settings.id] ?? []
            replayed += judge.replay(samples).map(PipelineRecord.limits)
            if settings.sequence != nil, let last = samples.last(where: { $0.sequence != nil })?.sequence {
                lastSequence[settings.id] = last
            }
            judges[settings.id] = judge
        }
        self.judges = judges
        self.replayedRecords = replayed
    }

    /// Limits frozen while replaying history, recorded with the first cycle.
    private var replayedRecords: [PipelineRecord]

    /// Polls until the task is cancelled; returns the final SPC state.
    mutating func run() async -> [CharacteristicID: CharacteristicJudge] {
        let clock = ContinuousClock()
        var next = clock.now
        while !Task.isCancelled {
            let consistent = await readConsistently()
            if Task.isCancelled { break }
            var records: [PipelineRecord] = []
            if let consistent { records = await process(consistent) }
            let dropped = queue.push(records)
            // Acknowledged only once judged and queued; a controller with more results waiting
            // shows the next one at once, so the poller reads again without waiting.
            // Not when samples were dropped: the controller keeps the result, the next cycle reads it.
            if let consistent, dropped == 0, !plan.acknowledgingDevices.isEmpty, await acknowledgeResults(consistent) {
                drainReads = Self.drainReadsAfterAcknowledge
            } else if drainReads > 0 {
                drainReads -= 1
            }
            let draining = drainReads > 0
            progress.completedPollCycle()
            if dropped > 0 {
                DaemonMetrics.dropped(dropped)
                logger.warning("store queue full: samples dropped", metadata: ["samples.dropped": "\(dropped)"])
            }
            next = next.advanced(by: plan.interval)
            let now = clock.now
            if draining {
                next = now.advanced(by: Self.drainPause)
            } else if next < now {
                // Overrun: skip the missed slots rather than firing them back to back.
                var missed = 0
                while next < now {
                    next = next.advanced(by: plan.interval)
                    missed += 1
                }
                progress.skipped(cycles: missed)
                DaemonMetrics.skippedCycles(endpoint: "\(plan.endpoint)", missed)
            }
            do {
                try await Task.sleep(until: next, clock: clock)
            } catch {
                break
            }
        }
        return judges
    }

    /// After an acknowledge the poller reads again every `drainPause`, up to
    /// `drainReadsAfterAcknowledge` times until the next result shows (then it acknowledges and
    /// starts over), before it falls back to the poll interval: a controller that latches its
    /// next queued result within a few milliseconds is drained at the speed of the link; a
    /// slower one at one result per poll interval.
    static let drainPause: Duration = .milliseconds(1)
    static let drainReadsAfterAcknowledge = 5

    /// Maps one cycle's readings to records, in the order they must be stored.
    mutating func process(_ readings: [PointReading]) async -> [PipelineRecord] {
        var records: [PipelineRecord] = replayedRecords
        replayedRecords.removeAll()
        for limits in limitUpdates.take(for: Set(judges.keys)) where LiveChart.isIndividuals(limits.statistic) {
            judges[limits.characteristic]?.adopt(limits)
            logger.notice(
                "approved control limits in force",
                metadata: ["characteristic.id": "\(limits.characteristic)", "limits.approved_by": "\(limits.approvedBy ?? "-")"])
        }
        var byName: [String: PointReading] = [:]
        for reading in readings { byName[reading.name] = reading }
        watchDevices(byName, into: &records)
        for station in plan.lotStations where !dataQuality.isStale(station.lot?.device ?? "") {
            trackLot(of: station, reading: byName[AcquisitionPlan.lotPoint(station.name)], into: &records)
        }
        unitsNotRead.removeAll()
        for characteristic in plan.characteristics {
            guard let reading = byName[AcquisitionPlan.valuePoint(characteristic.id)] else {
                if characteristic.sequence != nil { unitsNotRead.insert(characteristic.device) }
                continue
            }
            var sequence: UInt64?
            if characteristic.sequence != nil {
                guard let counter = byName[AcquisitionPlan.sequencePoint(characteristic.id)] else {
                    unitsNotRead.insert(characteristic.device)
                    continue
                }
                guard counter.quality.isGood else {
                    unitsNotRead.insert(characteristic.device)
                    // Whether a unit was made is unknown: no sample, but the quality is noted.
                    noteQuality(of: characteristic, quality: counter.quality, time: counter.time, into: &records)
                    continue
                }
                guard let value = newUnit(of: characteristic, counter: counter, into: &records) else { continue }
                sequence = value
            }
            var value = Double.nan
            if case .number(let number)? = reading.value { value = number }
            var quality = reading.quality
            if quality.isGood && !value.isFinite { quality = .decodeError(.notANumber) }
            let flagged = reviewQuality(
                &quality, value: value, of: characteristic, newUnit: sequence != nil, byName: byName, into: &records)
            let sample = Sample(
                characteristic: characteristic.id, value: value, quality: quality, time: reading.time,
                lot: currentLot[characteristic.station] ?? lotBoard.current(station: characteristic.station),
                sequence: sequence)
            DaemonMetrics.sample(quality: quality)
            if !flagged { noteQuality(of: characteristic, quality: sample.quality, time: sample.time, into: &records) }
            // The sample is queued after what it caused: the writer commits in order, so a
            // kill can cost the raw sample of a defect or signal, never the defect or signal
            // of a committed sample.
            defer { records.append(.sample(sample)) }
            guard quality.isGood, var judge = judges[characteristic.id] else { continue }
            let outcome = judge.judge(sample, station: characteristic.station)
            judges[characteristic.id] = judge
            if let multivariate { records += multivariate.observe(sample) }
            for limits in outcome.limits {
                records.append(.limits(limits))
                logger.info(
                    "control limits frozen after Phase I",
                    metadata: [
                        "characteristic.id": "\(limits.characteristic)", "chart.statistic": "\(limits.statistic)",
                        "limits.center": "\(limits.center)", "limits.lcl": "\(limits.lcl.map { "\($0)" } ?? "-")",
                        "limits.ucl": "\(limits.ucl.map { "\($0)" } ?? "-")",
                    ])
            }
            // The signal of the point that is also a defect is recorded with the defect.
            var signals = outcome.signals
            if let defect = outcome.defect {
                DaemonMetrics.defect()
                let first = signals.isEmpty ? nil : signals.removeFirst()
                records.append(.defect(defect, signal: first))
                logger.warning(
                    "defect: value outside specification, lot on hold",
                    metadata: [
                        "characteristic.id": "\(defect.characteristic)", "defect.code": "\(defect.code)",
                        "sample.value": "\(defect.value)", "lot.id": "\(defect.lot?.rawValue ?? "-")",
                    ])
            }
            for _ in outcome.signals { DaemonMetrics.signal() }
            for signal in signals {
                records.append(.signal(signal, holdLot: characteristic.holdOnSignal))
                logger.notice(
                    "control chart signal",
                    metadata: [
                        "characteristic.id": "\(signal.characteristic)", "rule": "\(signal.ruleSet)\(signal.rule)",
                        "chart.statistic": "\(signal.statistic)", "lot.id": "\(signal.lot?.rawValue ?? "-")",
                    ])
            }
        }
        await reportDeviceState(into: &records)
        return records
    }

    /// Returns the counter value when it shows a new unit; records skipped units and resets.
    private mutating func newUnit(
        of characteristic: CharacteristicSettings, counter: PointReading, into records: inout [PipelineRecord]
    ) -> UInt64? {
        guard counter.quality.isGood, case .number(let number)? = counter.value, number >= 0,
            number < 1.8e19, number == number.rounded()
        else { return nil }
        let value = UInt64(number)
        let previous = lastSequence[characteristic.id]
        lastSequence[characteristic.id] = value
        guard let previous else {
            // First sight after start: the unit on display may have been judged before, unless
            // the device holds each result until acknowledged (counter 0: no result yet).
            return plan.holdsResults(characteristic.device) && value > 0 ? value : nil
        }
        if value == previous { return nil }
        if value < previous {
            records.append(
                .dataQuality(
                    DataQualityEvent(
                        kind: .skippedSequence, device: characteristic.device, characteristic: characteristic.id,
                        detail: "unit counter went back from \(previous) to \(value) (device restart?)",
                        time: counter.time)))
            return value
        }
        if value > previous + 1 {
            let skipped = value - previous - 1
            records.append(
                .dataQuality(
                    DataQualityEvent(
                        kind: .skippedSequence, device: characteristic.device, characteristic: characteristic.id,
                        detail: "\(skipped) unit(s) not seen between counter \(previous) and \(value)",
                        time: counter.time)))
            logger.warning(
                "units missed: poll slower than the station",
                metadata: ["characteristic.id": "\(characteristic.id)", "units.skipped": "\(skipped)"])
        }
        return value
    }

    /// Records a data-quality event when a characteristic's quality changes.
    private mutating func noteQuality(
        of characteristic: CharacteristicSettings, quality: Quality, time: SampleTime, into records: inout [PipelineRecord]
    ) {
        let previous = lastQuality[characteristic.id] ?? .good
        lastQuality[characteristic.id] = quality
        guard previous != quality else { return }
        let kind: DataQualityEvent.Kind
        switch quality {
        case .good: kind = .deviceUp
        case .frozen: kind = .frozenSensor
        case .decodeError: kind = .decodeError
        case .deviceException: kind = .exception
        case .commError, .stale: kind = .deviceDown
        }
        records.append(
            .dataQuality(
                DataQualityEvent(
                    kind: kind, device: characteristic.device, characteristic: characteristic.id,
                    detail: "quality \(previous.code) -> \(quality.code)", time: time)))
        logger.notice(
            "data quality changed",
            metadata: ["characteristic.id": "\(characteristic.id)", "quality": "\(previous.code) -> \(quality.code)"])
    }

    /// Follows a station's lot-id register; a new id ends the old lot and starts the new one.
    private mutating func trackLot(of station: StationSettings, reading: PointReading?, into records: inout [PipelineRecord]) {
        guard let reading else { return }
        let raw: String
        switch (reading.quality, reading.value) {
        case (.good, .text(let text)?):
            raw = text
        case (.decodeError, let value):
            // Unreadable text (control characters, invalid bytes): a data-quality fact.
            var shown = "?"
            if case .text(let text)? = value { shown = text }
            rejectLot(shown, of: station, time: reading.time, into: &records)
            return
        default:
            return
        }
        guard let lot = LotIdentifierText.validated(raw) else {
            if !raw.isEmpty { rejectLot(raw, of: station, time: reading.time, into: &records) }
            return
        }
        rejectedLot[station.name] = nil
        let previous = currentLot[station.name]
        guard previous != lot else { return }
        if let previous { records.append(.lotEnded(previous, at: reading.time.wall)) }
        records.append(.lotStarted(lot, kind: station.lotKind, station: station.name, at: reading.time.wall))
        currentLot[station.name] = lot
        logger.info("lot started", metadata: ["station.name": "\(station.name)", "lot.id": "\(lot)"])
    }

    /// Records a lot id that is not accepted, once per distinct value (not once per poll).
    private mutating func rejectLot(
        _ raw: String, of station: StationSettings, time: SampleTime, into records: inout [PipelineRecord]
    ) {
        guard rejectedLot[station.name] != raw else { return }
        rejectedLot[station.name] = raw
        let shown = LotIdentifierText.printable(raw)
        records.append(
            .dataQuality(
                DataQualityEvent(
                    kind: .decodeError, device: station.lot?.device ?? "",
                    detail: "station \(station.name): lot id \(shown) rejected (1-64 printable ASCII characters expected)",
                    time: time)))
        logger.warning("lot id rejected", metadata: ["station.name": "\(station.name)", "lot.raw": "\(shown)"])
    }

    /// Writes the device's state on every change, and at most once a second otherwise.
    private mutating func reportDeviceState(into records: inout [PipelineRecord]) async {
        let health = await device.health
        DaemonMetrics.device(endpoint: "\(plan.endpoint)", health: health, previous: lastHealth)
        lastHealth = health
        let state = health.state.rawValue
        let now = Clocks.wallNow()
        let shown = plan.deviceNames.map { dataQuality.deviceState($0, connection: state) }
        guard state != lastDeviceState || shown != lastShownStates || now - lastDeviceReport >= 1 else { return }
        if state != lastDeviceState {
            logger.notice("device state", metadata: ["device.endpoint": "\(plan.endpoint)", "device.state": "\(state)"])
        }
        lastDeviceState = state
        lastShownStates = shown
        lastDeviceReport = now
        let roundTrip = health.lastRoundTrip.map { Double($0.components.seconds) + Double($0.components.attoseconds) * 1e-18 }
        for (name, shownState) in zip(plan.deviceNames, shown) {
            records.append(.deviceState(name: name, state: shownState, at: now, roundTrip: roundTrip))
        }
    }
}
