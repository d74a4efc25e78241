#pragma once
// Start-up timed from the program's static initialisation, before main() runs.
// PSOAS_TRACE_STARTUP=1 prints when each start-up phase ends: the first thing to look at when
// start-up gets slower (scripts/bench.sh reports the total; --bench reports it as startup_ms).

namespace psoas::app {

double millisecondsSinceStart();
void traceStartup(const char* phase);

}  // namespace psoas::app
