import Charts
import LineModel
import SPC
import Store

extension FaceStore {
    /// Capability of the good values of `characteristic` in `window`; within sigma from the
    /// mean moving range (MR-bar / d2), as the individuals chart estimates it.
    public func capability(_ characteristic: String, window: SampleWindow, confidence: Double = 0.95)
        throws(FaceError) -> CapabilityStudy
    {
        guard confidence > 0, confidence < 1 else {
            throw FaceError(.badArgument, "--confidence must be between 0 and 1 (e.g. 0.95), not \(confidence)")
        }
        let status = try self.characteristic(characteristic)
        let values = try samples(characteristic, window: window).filter(\.quality.isGood).map(\.value)
        let target = try read { try reader.specLimits(CharacteristicID(characteristic)) }?.target
        guard values.count >= 2 else {
            throw FaceError(.notFound, "\(characteristic) has \(values.count) good values in this window; capability needs at least 2")
        }
        let report: CapabilityReport
        do {
            let sigma = try SigmaEstimation.individuals(values, estimator: .movingRange)
            let mean = values.reduce(0, +) / Double(values.count)
            report = try CapabilityReport(
                values: values, center: mean, withinSigma: sigma, lsl: status.lsl, usl: status.usl, target: target,
                confidence: confidence)
        } catch {
            throw FaceError(.badArgument, "capability of \(characteristic): \(error)")
        }
        func index(_ name: String, _ value: CapabilityIndex?) -> String? {
            guard let value else { return nil }
            let interval = value.lower.map { lower in
                " [\(NumberFormat.significant(lower, 3)), \(NumberFormat.significant(value.upper, 3))]"
            } ?? ""
            return "\(name) \(NumberFormat.significant(value.value, 3))" + interval
        }
        var notes = ["n = \(report.n)", "mean \(NumberFormat.significant(report.center, 5)) \(status.unit)",
                     "sigma within \(NumberFormat.significant(report.withinSigma, 3))"]
        notes += [index("Cp", report.cp), index("Cpk", report.cpk), index("Pp", report.pp), index("Ppk", report.ppk)]
            .compactMap { $0 }
        notes.append("expected ppm \(NumberFormat.significant(report.expected.total, 3))")
        notes.append("observed ppm \(NumberFormat.significant(report.observed.total, 3))")
        notes.append("curve: normal, within sigma")
        let histogram = HistogramPicture(
            title: "\(characteristic): capability histogram", subtitle: "\(window.phrase): \(values.count) good values",
            unit: status.unit, values: values, spec: SpecLimits(lsl: status.lsl, usl: status.usl, target: target),
            mean: report.center, sigma: report.withinSigma, notes: notes)
        return CapabilityStudy(
            characteristic: characteristic, unit: status.unit, window: window.phrase, values: values, report: report,
            histogram: histogram)
    }
}
