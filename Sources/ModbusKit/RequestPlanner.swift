/// Turns configured values into the fewest read requests the device's caps allow: per unit and
/// table, values are merged left to right while the range stays within the cap and no hole is
/// wider than `maxGap`; a value is never split across requests. Greedy merging in address order
/// is optimal for this covering problem (each request extends as far as the caps allow).
public enum RequestPlanner {
    /// The requests for `points`, ordered by unit, table and address. Duplicated names are kept
    /// (each is decoded); a value longer than the cap gets a request of its own length.
    public static func plan(_ points: [PointDefinition], options: DeviceOptions) -> [ReadRequest] {
        if options.oneRequestPerValue {
            return points.sorted(by: addressOrder).map { ReadRequest(point: $0) }
        }
        var requests: [ReadRequest] = []
        let sorted = points.sorted(by: addressOrder)
        var current: ReadRequest?
        for point in sorted {
            if var open = current, open.unit == point.unit, open.kind == point.kind,
                canExtend(open, with: point, options: options)
            {
                open.count = max(open.lastAddress, point.lastAddress) - Int(open.address) + 1
                open.points.append(point)
                current = open
            } else {
                if let open = current { requests.append(open) }
                current = ReadRequest(point: point)
            }
        }
        if let open = current { requests.append(open) }
        return requests
    }

    /// Plans each group separately (values of a group are read together at the group's rate).
    public static func plan(_ group: PollGroup, options: DeviceOptions) -> [ReadRequest] {
        plan(group.points, options: options)
    }

    /// The longest a cycle of `requests` can take when every request times out after a
    /// connect: what the scheduler must be able to absorb.
    public static func worstCaseCycle(requests: Int, options: DeviceOptions) -> Duration {
        let perRequest = options.responseTimeout + options.pauseBetweenRequests
        return options.connectTimeout + options.pauseAfterConnect + perRequest * requests
    }

    /// Configuration-time warnings for groups whose worst-case cycle (their own requests, plus
    /// the other groups' sharing the same connection) cannot fit their interval.
    public static func fitWarnings(groups: [PollGroup], options: DeviceOptions) -> [String] {
        let counts = groups.map { plan($0, options: options).count }
        let total = counts.reduce(0, +)
        var warnings: [String] = []
        for (group, count) in zip(groups, counts) {
            let own = worstCaseCycle(requests: count, options: options)
            let shared = worstCaseCycle(requests: total, options: options)
            if own > group.interval {
                warnings.append(
                    "poll group '\(group.name)': \(count) requests can take up to \(own) when the device times out, "
                        + "longer than its interval \(group.interval); cycles will be skipped")
            } else if shared > group.interval {
                warnings.append(
                    "poll group '\(group.name)': with the other groups on this connection (\(total) requests) "
                        + "a cycle can take up to \(shared), longer than its interval \(group.interval)")
            }
        }
        return warnings
    }

    private static func addressOrder(_ lhs: PointDefinition, _ rhs: PointDefinition) -> Bool {
        if lhs.unit != rhs.unit { return lhs.unit < rhs.unit }
        if lhs.kind != rhs.kind { return kindRank(lhs.kind) < kindRank(rhs.kind) }
        if lhs.address != rhs.address { return lhs.address < rhs.address }
        return lhs.span > rhs.span
    }

    private static func kindRank(_ kind: RegisterKind) -> Int {
        switch kind {
        case .coil: 0
        case .discreteInput: 1
        case .holdingRegister: 2
        case .inputRegister: 3
        }
    }

    private static func canExtend(_ request: ReadRequest, with point: PointDefinition, options: DeviceOptions) -> Bool {
        let cap = point.kind.isBit ? options.maxBitsPerRequest : options.maxRegistersPerRequest
        let gap = Int(point.address) - request.lastAddress - 1
        guard gap <= options.maxGap else { return false }
        let newLast = max(request.lastAddress, point.lastAddress)
        return newLast - Int(request.address) + 1 <= cap
    }
}
