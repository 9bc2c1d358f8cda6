// Empty: the target only exports CFuzzerDriver.h; libFuzzer (-sanitize=fuzzer) defines the function.
#include "CFuzzerDriver.h"
