// libFuzzer's driver, for a binary whose main is its own (SwiftPM names an executable's entry point itself).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
