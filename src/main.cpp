// Psoas Atlas: parse the command line, build the application, run it, and turn every expected
// failure into one line and an exit code (2 for bad input, 1 for anything else).

#include "app/application.hpp"
#include "app/command_line.hpp"
#include "app/commands.hpp"
#include "app/window.hpp"
#include "core/diagnostic.hpp"
#include "core/model_import.hpp"

#include <iostream>

int main(int argc, char** argv) {
    using namespace psoas;
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
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
}
