import Foundation

extension StationProcess {
    /// Metres the web moves during one result.
    var metresPerResult: Double { station.parameter("line_speed_m_min") * station.periodSeconds / 60 }

    /// The loading per side a calender assumes when no coating station feeds it, mg/cm2.
    static let defaultLoading = 30.0

    /// Coating: one traverse of the scanning gauge; per-lane loading with AR(1) noise, a random
    /// step at every slurry-batch change, faults on top. Rolls of `roll_length_m`.
    mutating func coating(at time: Double, state: inout LineState) -> StationRecord {
        let rollLength = station.parameter("roll_length_m")
        let batchLength = station.parameter("slurry_batch_m")
        if rollNumber == 0 || rollMetre >= rollLength {
            if rollNumber > 0 {
                lotLink(lotName(station.lotPrefix, rollNumber), parent: lotName("SB", batchNumber), from: batchFromMetre, to: rollLength, at: time)
            }
            rollNumber += 1
            rollMetre = 0
            batchFromMetre = 0
            if batchNumber == 0 {
                batchNumber = 1
                lotStarted(lotName("SB", 1), kind: "slurry_batch", at: time, parents: [])
            }
            lotStarted(lotName(station.lotPrefix, rollNumber), kind: nil, at: time, parents: [lotName("SB", batchNumber)])
        }
        let active = activeFaults(at: time)
        let batch = Int(totalMetres / batchLength) + 1
        if batch > batchNumber {
            let roll = lotName(station.lotPrefix, rollNumber)
            lotLink(roll, parent: lotName("SB", batchNumber), from: batchFromMetre, to: rollMetre, at: time)
            batchNumber = batch
            batchFromMetre = rollMetre
            lotStarted(lotName("SB", batch), kind: "slurry_batch", at: time, parents: [])
            batchOffset = station.parameter("batch_step_sd") * events.nextGaussian()
            for fault in active where fault.kind == .drift && fault.parameter("batch_step_sd") > 0 {
                faultBatchOffset[fault.id, default: 0] += fault.parameter("batch_step_sd") * events.nextGaussian()
            }
        }
        var values = genericValues(at: time, active: active)
        if let loading = station.characteristicIndex("loading") {
            values[loading] = values[loading].map { $0 + batchOffset }
        }
        noteTouched(active)
        let from = rollMetre
        rollMetre += metresPerResult
        totalMetres += metresPerResult
        if let loading = station.characteristicIndex("loading") {
            state.coatingHistory.append((totalMetres, values[loading]))
        }
        let lot = lotName(station.lotPrefix, rollNumber)
        return nextRecord(at: time, lot: lot, parent: lotName("SB", batchNumber), unit: "\(lot)@\(Int(from))m", values: values)
    }

    /// Calendering: presses the coated web to a density; thickness follows the loading of the
    /// metre being pressed (`foil + 20 * loading / density`) plus faults (wear, post-stop
    /// ripple) and the gauge's own noise (`sigma` of thickness); the density reported is the
    /// one the true thickness implies. One calendered roll per coated roll.
    mutating func calendering(at time: Double, state: inout LineState) -> StationRecord? {
        guard isRunning(at: time) else { return nil }
        let rollLength = state.coatingRollLength
        let roll = Int(totalMetres / rollLength) + 1
        if roll != rollNumber {
            if rollNumber > 0 {
                lotLink(lotName(station.lotPrefix, rollNumber), parent: lotName("CR", rollNumber), from: 0, to: rollLength, at: time)
            }
            rollNumber = roll
            lotStarted(lotName(station.lotPrefix, roll), kind: nil, at: time, parents: [lotName("CR", roll)])
        }
        rollMetre = totalMetres - Double(roll - 1) * rollLength
        let active = activeFaults(at: time)
        var values = genericValues(at: time, active: active)
        let foil = station.parameter("foil_um")
        if let thickness = station.characteristicIndex("thickness"), let density = station.characteristicIndex("density") {
            let loadings = state.loadings(atMetre: totalMetres + metresPerResult / 2)
            let gaugeNominal = station.characteristics[thickness].nominal
            for lane in 0..<values[thickness].count {
                let loading = loadings.map { $0[min(lane, $0.count - 1)] } ?? Self.defaultLoading
                // The generic density value is the pressed density before thickness faults.
                let pressed = values[density][min(lane, values[density].count - 1)]
                let faultOffset = offset(characteristic: thickness, stream: lane, at: time, active: active)
                let trueThickness = foil + 20 * loading / pressed + faultOffset
                // The generic thickness value is nominal + gauge noise + faults: keep the noise.
                let gaugeNoise = values[thickness][lane] - gaugeNominal - faultOffset
                values[thickness][lane] = trueThickness + gaugeNoise
                if lane < values[density].count { values[density][lane] = 20 * loading / (trueThickness - foil) }
            }
        }
        noteTouched(active)
        let from = rollMetre
        totalMetres += metresPerResult
        rollMetre += metresPerResult
        let lot = lotName(station.lotPrefix, roll)
        return nextRecord(at: time, lot: lot, parent: lotName("CR", roll), unit: "\(lot)@\(Int(from))m", values: values)
    }

    /// Slitting: one burr sample per result; burr = nominal + wear_um * (km / wear_km)^exponent
    /// + noise + chips. A `knife_wear` fault speeds the wear, adds chip events and keeps the worn
    /// knives in (no change); otherwise knives change every `knife_change_km`.
    mutating func slitting(at time: Double, state: inout LineState) -> StationRecord? {
        guard isRunning(at: time) else { return nil }
        let rollLength = station.parameter("roll_length_m")
        let roll = Int(totalMetres / rollLength) + 1
        if roll != rollNumber {
            if rollNumber > 0 { finishReels(rollNumber, at: time, state: &state) }
            rollNumber = roll
            let reelSet = lotName(station.lotPrefix, roll)
            lotStarted(reelSet, kind: nil, at: time, parents: [lotName("CL", roll)])
        }
        rollMetre = totalMetres - Double(roll - 1) * rollLength
        let active = activeFaults(at: time)
        let wear = active.first { $0.kind == .knifeWear }
        let kilometres = metresPerResult / 1000
        if let wear, faultBegin[wear.id] == time, wear.parameter("initial_km") >= 0 {
            wearKm = wear.parameter("initial_km")
        }
        knifeKm += kilometres
        wearKm += kilometres * (wear?.parameter("wear_factor") ?? 1)
        if let wear {
            let expected = wear.parameter("chip_rate_per_km") * kilometres
            if events.nextUnit() < expected {
                let lane = Int(events.nextUnit() * Double(station.streams)) % station.streams
                chips[lane] += station.parameter("chip_um")
            }
        } else if knifeKm >= station.parameter("knife_change_km") {
            knifeKm = 0
            wearKm = 0
            chips = Array(repeating: 0, count: station.streams)
            knifeSet += 1
            var change = TruthEvent(event: "equipment_change", lineTime: time)
            change.station = station.name
            change.detail = "knife set KS-\(zeroPadded(knifeSet, width: 4)) fitted"
            facts.append(change)
        }
        var values = genericValues(at: time, active: active)
        if let burr = station.characteristicIndex("burr") {
            let growth = station.parameter("wear_um") * pow(wearKm / station.parameter("wear_km"), station.parameter("wear_exponent"))
            for lane in values[burr].indices {
                values[burr][lane] = max(0, values[burr][lane] + growth + chips[min(lane, chips.count - 1)])
            }
        }
        noteTouched(active)
        let from = rollMetre
        totalMetres += metresPerResult
        rollMetre += metresPerResult
        let lot = lotName(station.lotPrefix, roll)
        return nextRecord(at: time, lot: lot, parent: lotName("CL", roll), unit: "\(lot)@\(Int(from))m", values: values)
    }

    /// The reels of a finished roll: one per lane, waiting for the oven.
    mutating func finishReels(_ roll: Int, at time: Double, state: inout LineState) {
        let reelSet = lotName(station.lotPrefix, roll)
        for lane in 1...station.streams {
            let reel = "\(reelSet)-L\(lane)"
            lotStarted(reel, kind: "slit_reel", at: time, parents: [reelSet])
            state.reelsAwaitingDrying.append(reel)
        }
    }
}
