/// The independent pymodbus peer for the interop tests, kept as Swift source so that SwiftPM
/// does not warn about an unhandled `.py` file in the test target; the test writes it to a
/// temporary file and runs it with python3. It encodes every value itself (Python's `struct` and
/// its own word/byte swapping), serves declared blocks only (undeclared addresses answer
/// exception 2), prints one JSON line with its port and layout, and serves until stdin closes.
let pymodbusPeerScript = #"""
"""An independent Modbus TCP peer for LineGuard's interop tests (pymodbus >=3.16,<4).

Encodes every test value itself (Python's struct, its own word/byte swapping), serves it from
declared blocks only (undeclared addresses answer exception 2), prints one JSON line with the
port and the layout, and serves until stdin closes.
"""
import asyncio
import json
import socket
import struct
import sys

from pymodbus.server import ModbusTcpServer
from pymodbus.simulator import SimData, SimDevice
from pymodbus.simulator.simdata import DataType

FORMATS = {"int16": ">h", "uint16": ">H", "int32": ">i", "uint32": ">I", "int64": ">q",
           "uint64": ">Q", "float32": ">f", "float64": ">d"}
SAMPLES = {"int16": -1234, "uint16": 54321, "int32": -123456789, "uint32": 3000000000,
           "int64": -1234567890123, "uint64": 12345678901234, "float32": 123.45,
           "float64": -98765.4321}


def words(data: bytes, order: str) -> list:
    """Big-endian bytes -> registers in the vendor order (A = most significant byte)."""
    pairs = [data[i:i + 2] for i in range(0, len(data), 2)]
    if order in ("CDAB", "DCBA"):
        pairs.reverse()
    if order in ("BADC", "DCBA"):
        pairs = [p[::-1] for p in pairs]
    return [int.from_bytes(p, "big") for p in pairs]


def text_registers(text: str, count: int, low_first: bool) -> list:
    data = text.encode("ascii").ljust(count * 2, b"\0")
    pairs = [data[i:i + 2] for i in range(0, len(data), 2)]
    return [int.from_bytes(p[::-1] if low_first else p, "big") for p in pairs]


def layout():
    points, holding, address = [], [], 0
    for order in ("ABCD", "CDAB", "BADC", "DCBA"):
        for name, fmt in FORMATS.items():
            value = SAMPLES[name]
            regs = words(struct.pack(fmt, value), order)
            if len(regs) == 1 and order != "ABCD":
                continue
            expected = struct.unpack(">f", struct.pack(">f", value))[0] if name == "float32" else value
            points.append({"name": f"{name}_{order}", "kind": "holding", "address": address,
                           "type": name, "order": order, "expected": expected})
            holding.append(SimData(address, values=regs, datatype=DataType.REGISTERS))
            address += len(regs) + 3          # three undeclared registers: a hole
    for low_first in (False, True):
        regs = text_registers("LINEGUARD-01", 8, low_first)
        points.append({"name": f"text_{'low' if low_first else 'high'}", "kind": "holding",
                       "address": address, "type": "string", "registers": 8,
                       "bytes": "low_first" if low_first else "high_first", "expected": "LINEGUARD-01"})
        holding.append(SimData(address, values=regs, datatype=DataType.REGISTERS))
        address += 8 + 3
    points.append({"name": "bit5", "kind": "holding", "address": address, "type": "bit", "bit": 5,
                   "expected": True})
    holding.append(SimData(address, values=[1 << 5], datatype=DataType.REGISTERS))
    writable = address + 1
    holding.append(SimData(writable, values=[0, 0], datatype=DataType.REGISTERS))
    inputs = [SimData(0, values=words(struct.pack(">f", 24.2), "CDAB"), datatype=DataType.REGISTERS)]
    points.append({"name": "input_f32", "kind": "input", "address": 0, "type": "float32",
                   "order": "CDAB", "expected": struct.unpack(">f", struct.pack(">f", 24.2))[0]})
    coils = [SimData(3, values=[True, False, True], datatype=DataType.BITS)]
    for index, value in enumerate([True, False, True]):
        points.append({"name": f"coil{3 + index}", "kind": "coil", "address": 3 + index,
                       "type": "bool", "expected": value})
    discrete = [SimData(0, values=[False, True], datatype=DataType.BITS)]
    points.append({"name": "di1", "kind": "discrete_input", "address": 1, "type": "bool", "expected": True})
    blocks = (coils, discrete, holding, inputs)
    return points, blocks, {"hole": 2, "writable": writable, "end": address + 3}


async def main():
    points, blocks, extra = layout()
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    server = ModbusTcpServer(SimDevice(0, simdata=blocks), address=("127.0.0.1", port))
    await server.serve_forever(background=True)
    print(json.dumps({"port": port, "points": points, **extra}), flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await server.shutdown()


if __name__ == "__main__":
    asyncio.run(main())
"""#
