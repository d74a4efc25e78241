#include "support/unprivileged.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

namespace psoas::test {

std::optional<std::string> runWithoutRoot(const std::function<std::string()>& work) {
    if (::geteuid() != 0) return work();
    int channel[2];
    if (::pipe(channel) != 0) return std::nullopt;
    const pid_t child = ::fork();
    if (child < 0) return std::nullopt;
    if (child == 0) {
        ::close(channel[0]);
        constexpr uid_t kNobody = 65534;
        // Groups first: once the user id is dropped, the process may no longer change them.
        if (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0) ::_exit(3);
        const std::string text = work();
        const char* data = text.data();
        std::size_t left = text.size();
        while (left > 0) {
            const ssize_t n = ::write(channel[1], data, left);
            if (n <= 0) ::_exit(4);
            data += n;
            left -= static_cast<std::size_t>(n);
        }
        ::_exit(0);  // no destructors, no gtest teardown: they belong to the parent
    }
    ::close(channel[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(channel[0], buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(channel[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ADD_FAILURE() << "the child running as nobody failed (status " << status << ")";
        return std::nullopt;
    }
    return text;
}

ScopedMode::ScopedMode(std::filesystem::path path, std::filesystem::perms mode)
    : path_(std::move(path)), old_(std::filesystem::status(path_).permissions()) {
    std::filesystem::permissions(path_, mode);
}

ScopedMode::~ScopedMode() {
    std::error_code ignored;  // a destructor must not throw; the folder's cleanup reports what is left
    std::filesystem::permissions(path_, old_, ignored);
}

}  // namespace psoas::test
