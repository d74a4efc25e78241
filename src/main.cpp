// Psoas Atlas: parse the command line, build the application, run it, and turn every expected
// failure into one line and an exit code (2 for bad input, 1 for anything else).

#include "app/application.hpp"
#include "app/command_line.hpp"
#include "app/commands.hpp"
#include "app/invocation.hpp"
#include "app/window.hpp"
#include "core/diagnostic.hpp"
#include "core/model_import.hpp"

#include <iostream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

int main(int argc, char** argv) {
    using namespace psoas;
#ifdef __GLIBC__
    // Software GL frees and reallocates megabytes every frame. With glibc's default, that memory
    // went back to the system at the top of the heap and was faulted in again the next frame:
    // at 1280x720 frames took 45 ms instead of 15 ms, half of it the kernel zeroing pages. Keeping
    // up to 64 MB of free heap (and a fixed 1 MB limit for mmap'ed blocks) ends the churn; peak
    // memory is unchanged.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    const app::ParsedCommandLine parsed = app::parseCommandLine(argc, argv);
    if (!parsed.options) {
        (parsed.exitCode == 0 ? std::cout : std::cerr) << parsed.output;
        return parsed.exitCode;
    }
    try {
        if (const auto code = app::runCommand(*parsed.options, std::cout, std::cerr)) return *code;
        app::Application application(*parsed.options);
        return application.run();
    } catch (const app::UsageError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 2;
    } catch (const ModelImportError& e) {
        std::cerr << "error: " << e.path().string() << ": " << e.what() << '\n';
        return 2;
    } catch (const DataFileError& e) {
        std::cerr << e.what() << '\n';
        return 2;
    } catch (const app::NoDisplayError& e) {
        std::cerr << "error: " << e.what() << ": " << app::headlessHint(app::commandAsTyped(argv[0])) << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
