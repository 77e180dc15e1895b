import ModbusKit

extension AcquisitionPlan {
    /// The requests that read every unit counter the plan reads in another request than its
    /// value. A station latches a result's counter and values together, but two requests are two
    /// moments: a result latched between them would pair one unit's counter with the next unit's
    /// values (a torn read). The poller reads these before and after the cycle; unchanged, the
    /// pair is consistent. Empty when every counter shares its value's request (one reply is one
    /// moment). Kept for a device that holds results until acknowledged too: once a result is
    /// acknowledged and none is waiting, the next one appears the moment it is made.
    func tornReadGuard() -> [ReadRequest] {
        func request(of name: String) -> Int? { requests.firstIndex { $0.points.contains { $0.name == name } } }
        var recheck: [PointDefinition] = []
        var seen = Set<String>()
        for characteristic in characteristics where characteristic.sequence != nil {
            let sequence = Self.sequencePoint(characteristic.id)
            guard request(of: sequence) != request(of: Self.valuePoint(characteristic.id)) else { continue }
            guard let point = points.first(where: { $0.name == sequence }) else { continue }
            // Counters of several characteristics often share a register (a station's sequence).
            let key = "\(point.unit):\(point.kind):\(point.address)"
            if seen.insert(key).inserted { recheck.append(point) }
        }
        return recheck.isEmpty ? [] : RequestPlanner.plan(recheck, options: options)
    }
}
