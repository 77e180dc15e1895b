#ifndef LINEGUARD_CMODBUS_SHIM_H
#define LINEGUARD_CMODBUS_SHIM_H
// The one door to libmodbus. Everything here exists because Swift cannot import it directly.
#include <modbus.h>
#include <errno.h>

// libmodbus's error codes are built by a function-like macro (MODBUS_ENOBASE + n), which Swift
// does not import: re-export each as a constant function.
static inline int lg_embxilfun(void) { return EMBXILFUN; }   // exception 1: illegal function
static inline int lg_embxiladd(void) { return EMBXILADD; }   // exception 2: illegal data address
static inline int lg_embxilval(void) { return EMBXILVAL; }   // exception 3: illegal data value
static inline int lg_embxsfail(void) { return EMBXSFAIL; }   // exception 4: server failure
static inline int lg_embxack(void) { return EMBXACK; }       // exception 5: acknowledge
static inline int lg_embxsbusy(void) { return EMBXSBUSY; }   // exception 6: server busy
static inline int lg_embxnack(void) { return EMBXNACK; }     // exception 7: negative acknowledge
static inline int lg_embxmemmpar(void) { return EMBXMEMPAR; } // exception 8: memory parity
static inline int lg_embxgpath(void) { return EMBXGPATH; }   // exception 10: gateway path
static inline int lg_embxgtar(void) { return EMBXGTAR; }     // exception 11: gateway target
static inline int lg_embbadcrc(void) { return EMBBADCRC; }   // bad CRC (RTU only)
static inline int lg_embbaddata(void) { return EMBBADDATA; } // bad data (e.g. wrong transaction id)
static inline int lg_embbadexc(void) { return EMBBADEXC; }   // invalid exception code
static inline int lg_embmdata(void) { return EMBMDATA; }     // too many data
static inline int lg_embbadslave(void) { return EMBBADSLAVE; } // response from the wrong unit
static inline int lg_modbus_enobase(void) { return MODBUS_ENOBASE; }

// errno is a macro over a thread-local function on glibc; read it through a function.
static inline int lg_errno(void) { return errno; }

#endif
