import ModbusKit

/// The resolved read plan of a configuration, for `lineguard check-config`: per endpoint the
/// requests of one cycle and the worst-case cycle time against the poll interval.
public enum ReadPlanReport {
    public static func text(for configuration: DaemonConfiguration) -> String {
        var lines = [
            "configuration OK: line \(configuration.line.name), \(configuration.devices.count) device(s), "
                + "\(configuration.stations.count) station(s), \(configuration.characteristics.count) characteristic(s)",
            "database: \(configuration.daemon.database)",
        ]
        for plan in AcquisitionPlan.plans(for: configuration) {
            let worst = RequestPlanner.worstCaseCycle(requests: plan.requests.count, options: plan.options)
            let fits = worst <= plan.interval
            lines.append(
                "endpoint \(plan.endpoint) (\(plan.deviceNames.joined(separator: ", "))): \(plan.points.count) values in "
                    + "\(plan.requests.count) request(s) every \(plan.interval); worst-case cycle \(worst) (every request timing out)"
                    + (fits ? "" : "  WARNING: longer than the interval, cycles will be skipped"))
            for request in plan.requests {
                lines.append("  \(request)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
