#ifndef LINEGUARD_CLIBFUZZER_H
#define LINEGUARD_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver, linked in by `-sanitize=fuzzer` (compiler-rt's FuzzerInterface.h).
/// Declared here because a Swift executable module always defines `main` itself (SwiftPM
/// renames the module's entry point and aliases `main` to it), so libFuzzer's own `main` is never
/// used: the target's `main.swift` calls this driver instead, with the same options.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
