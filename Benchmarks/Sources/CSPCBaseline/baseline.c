#include "CSPCBaseline.h"

double lg_spc_sum(const double *values, size_t count) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 4 <= count; i += 4) {
        s0 += values[i];
        s1 += values[i + 1];
        s2 += values[i + 2];
        s3 += values[i + 3];
    }
    for (; i < count; i++) s0 += values[i];
    return (s0 + s1) + (s2 + s3);
}
