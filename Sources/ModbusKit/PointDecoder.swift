import LineModel

/// Turns the registers or bits of one request into readings: type and order decoding, scale
/// and offset, then the plausibility checks (NaN, infinity, physical range).
enum PointDecoder {
    /// The registers of `point` inside the registers of `request` (which must contain it).
    static func slice(
        of point: PointDefinition, in request: ReadRequest, registers: ArraySlice<UInt16>
    ) -> ArraySlice<UInt16> {
        let start = registers.startIndex + Int(point.address) - Int(request.address)
        return registers[start..<(start + point.type.registersNeeded)]
    }

    /// The reading of a bit-table point from the bits of `request`.
    static func reading(
        _ point: PointDefinition, in request: ReadRequest, bits: ArraySlice<UInt8>, time: SampleTime
    ) -> PointReading {
        let index = bits.startIndex + Int(point.address) - Int(request.address)
        return PointReading(name: point.name, value: .bool(bits[index] != 0), quality: .good, time: time)
    }

    /// Decodes registers already extracted for one point.
    static func reading(_ point: PointDefinition, raw: [UInt16], time: SampleTime) -> PointReading {
        reading(point, raw: raw[...], time: time)
    }

    /// Decodes the registers of one point (a slice of the reply buffer).
    static func reading(_ point: PointDefinition, raw: ArraySlice<UInt16>, time: SampleTime) -> PointReading {
        let decoded: PointValue
        do {
            decoded = try RegisterCodec.decode(raw, as: point.type, order: point.order, stringBytes: point.stringBytes)
        } catch {
            return PointReading(name: point.name, value: nil, quality: .decodeError(error.problem), time: time)
        }
        switch decoded {
        case .number(let number):
            let value = number * point.scale + point.offset
            if value.isNaN {
                return PointReading(name: point.name, value: nil, quality: .decodeError(.notANumber), time: time)
            }
            if value.isInfinite {
                return PointReading(name: point.name, value: nil, quality: .decodeError(.infinite), time: time)
            }
            if let range = point.physicalRange, !range.contains(value) {
                return PointReading(
                    name: point.name, value: .number(value), quality: .decodeError(.outOfPhysicalRange), time: time)
            }
            return PointReading(name: point.name, value: .number(value), quality: .good, time: time)
        case .bool, .text:
            return PointReading(name: point.name, value: decoded, quality: .good, time: time)
        }
    }
}
