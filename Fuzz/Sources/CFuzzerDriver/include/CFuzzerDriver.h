#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links): parses the fuzzer's
/// flags, then calls `callback` with each input. Declared here so Swift calls it with C's ABI.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
