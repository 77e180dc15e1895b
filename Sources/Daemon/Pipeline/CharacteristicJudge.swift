import LineModel

/// Judges one characteristic's good samples, in order: the spec check (a defect) and the
/// control chart (Phase I collection, then frozen limits and run rules).
///
/// Owned by the poller of the characteristic's endpoint; never shared, so it needs no lock.
struct CharacteristicJudge: Sendable {
    let settings: CharacteristicSettings
    private(set) var chart: LiveChart

    init(settings: CharacteristicSettings, restoredLimits: ControlLimits?) {
        self.settings = settings
        self.chart = LiveChart(
            characteristic: settings.id, phase1: settings.phase1, ruleSet: settings.ruleSet, rules: settings.rules,
            drift: DriftChart.Kind(settings.chart, settings.drift), model: settings.model, restoredLimits: restoredLimits)
    }

    /// What one good sample caused.
    struct Outcome: Sendable {
        var defect: Defect?
        var signals: [RuleSignal] = []
        /// Control limits that were just frozen at the end of Phase I.
        var limits: [ControlLimits] = []
    }

    /// Feeds samples judged before a restart back through the chart, so that a run that began
    /// before the restart is still seen after it. Signals and defects are not raised again
    /// (they were recorded then); limits frozen by the replay are returned for recording.
    mutating func replay(_ samples: [Sample]) -> [ControlLimits] {
        var frozen: [ControlLimits] = []
        for sample in samples where sample.quality.isGood {
            frozen += chart.add(sample.value, at: sample.time.wall).frozen
        }
        return frozen
    }

    /// Switches to limits an engineer approved.
    mutating func adopt(_ limits: ControlLimits) { chart.adopt(limits) }

    mutating func judge(_ sample: Sample, station: String) -> Outcome {
        precondition(sample.quality.isGood, "only good samples are judged")
        var outcome = Outcome()
        let verdict = settings.spec.judge(sample.value)
        if verdict.isDefect {
            outcome.defect = Defect(
                characteristic: settings.id,
                code: verdict == .below ? settings.defectCodeLow : settings.defectCodeHigh,
                severity: settings.severity, value: sample.value, limits: settings.spec, verdict: verdict,
                station: station, equipment: settings.equipment, time: sample.time, lot: sample.lot,
                sequence: sample.sequence)
        }
        let step = chart.add(sample.value, at: sample.time.wall)
        outcome.limits = step.frozen
        for violation in step.violations {
            outcome.signals.append(
                RuleSignal(
                    characteristic: settings.id, statistic: violation.statistic, ruleSet: settings.ruleSet.rawValue,
                    rule: violation.rule, value: violation.value, lcl: violation.lcl, ucl: violation.ucl,
                    time: sample.time, lot: sample.lot, sequence: sample.sequence))
        }
        return outcome
    }
}
