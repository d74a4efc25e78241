#include "support/run_process.hpp"

#include "support/test_paths.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace psoas::test {

namespace {
std::string quote(const std::string& text) {
    std::string quoted = "'";
    for (char c : text) quoted += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

ProcessResult runAtlas(const std::vector<std::string>& arguments, bool unsetDisplay,
                       const std::vector<std::string>& environment) {
    const auto dir = temporaryDirectory();
    // As started by hand, not by ./run, unless the test says otherwise.
    std::string command = "env -u PSOAS_ATLAS_COMMAND ";
    if (unsetDisplay) command += "-u DISPLAY -u WAYLAND_DISPLAY ";
    for (const auto& assignment : environment) command += quote(assignment) + " ";
    command += quote(psoas::test::executable().string());
    for (const auto& argument : arguments) command += " " + quote(argument);
    command += " >" + quote((dir / "out").string()) + " 2>" + quote((dir / "err").string()) + " </dev/null";
    const int status = std::system(command.c_str());
    ProcessResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.out = slurp(dir / "out");
    result.err = slurp(dir / "err");
    return result;
}

}  // namespace psoas::test
