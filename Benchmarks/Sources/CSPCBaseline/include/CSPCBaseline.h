#pragma once
#include <stddef.h>

/// The memory-bandwidth baseline of the SPC benchmarks: a plain C loop (compiled -O2) summing
/// `count` doubles. Four independent accumulators keep it limited by memory rather than by the
/// latency of one floating-point add chain; nothing else is done per value.
double lg_spc_sum(const double *values, size_t count);
