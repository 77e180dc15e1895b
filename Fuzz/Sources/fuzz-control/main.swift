import FuzzSupport

// libFuzzer's driver, calling this target's `LLVMFuzzerTestOneInput` for every input.
FuzzDriver.run { data, count in fuzzControl(data, count) }
