#pragma once
#include <stdint.h>

/// The plain C libmodbus client loop ModbusKit is measured against: one connection, unit set,
/// `rounds` passes over the same holding-register reads as the Swift plan, nothing else.
/// Returns the requests completed (or -1 if the connection failed) and the elapsed monotonic
/// time in `seconds`.
long lg_baseline_poll(const char *host, int port, int unit, const uint16_t *addresses,
                      const uint16_t *counts, int requests, int rounds, double *seconds);
