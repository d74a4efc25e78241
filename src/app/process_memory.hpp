#pragma once
// The program's own memory, for --bench (peak) and --soak (growth over a long run).

namespace psoas::app {

// Resident memory with the allocator's free cache handed back first: main() lets glibc keep up to
// 64 MB of freed heap (software GL reallocates megabytes a frame), so plain RSS would count that
// cache as growth. What the program still holds, in MB.
double memoryInUseMegabytes();
// The most resident memory the process has had, in MB.
double peakResidentMegabytes();

}  // namespace psoas::app
