// The module is the header alone (LLVMFuzzerRunDriver lives in compiler-rt's libFuzzer);
// SwiftPM needs one source file for a C target.
#include "CLibFuzzer.h"
