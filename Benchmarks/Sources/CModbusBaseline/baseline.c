#include "CModbusBaseline.h"
#include <modbus.h>
#include <time.h>

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long lg_baseline_poll(const char *host, int port, int unit, const uint16_t *addresses,
                      const uint16_t *counts, int requests, int rounds, double *seconds) {
    modbus_t *ctx = modbus_new_tcp(host, port);
    if (ctx == NULL) return -1;
    modbus_set_slave(ctx, unit);
    if (modbus_connect(ctx) != 0) {
        modbus_free(ctx);
        return -1;
    }
    uint16_t buffer[MODBUS_MAX_READ_REGISTERS];
    long done = 0;
    double start = now_seconds();
    for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < requests; i++) {
            if (modbus_read_registers(ctx, addresses[i], counts[i], buffer) == counts[i]) done++;
        }
    }
    *seconds = now_seconds() - start;
    modbus_close(ctx);
    modbus_free(ctx);
    return done;
}
