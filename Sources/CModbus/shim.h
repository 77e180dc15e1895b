#ifndef LINEGUARD_CMODBUS_SHIM_H
#define LINEGUARD_CMODBUS_SHIM_H
// The one door to libmodbus. Everything here exists because Swift cannot import it directly.
#include <modbus.h>
#include <errno.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <unistd.h>

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

// libmodbus sets no SO_KEEPALIVE: turn keepalive and TCP_USER_TIMEOUT on for a client socket.
// In C because the option constants come from several headers and glibc macros. Returns 0 or
// -1 with errno set.
static inline int lg_set_keepalive(int fd, int idle_s, int interval_s, int count, unsigned user_timeout_ms) {
    int on = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on) != 0) return -1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle_s, sizeof idle_s) != 0) return -1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval_s, sizeof interval_s) != 0) return -1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count) != 0) return -1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &user_timeout_ms, sizeof user_timeout_ms) != 0) return -1;
    return 0;
}

// TCP_NODELAY on an accepted server socket (libmodbus sets it only on sockets it connects).
static inline int lg_set_nodelay(int fd) {
    int on = 1;
    return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

// The local port a listening socket was bound to (for servers started on port 0): sockaddr
// casts do not read well in Swift. Returns -1 with errno set on failure.
static inline int lg_socket_port(int fd) {
    struct sockaddr_storage address;
    socklen_t length = sizeof address;
    if (getsockname(fd, (struct sockaddr *)&address, &length) != 0) return -1;
    if (address.ss_family == AF_INET) return ntohs(((struct sockaddr_in *)&address)->sin_port);
    if (address.ss_family == AF_INET6) return ntohs(((struct sockaddr_in6 *)&address)->sin6_port);
    errno = EAFNOSUPPORT;
    return -1;
}

// close(2) under a name that does not clash with Swift's overloads of `close`.
static inline int lg_close_fd(int fd) { return close(fd); }

#endif
