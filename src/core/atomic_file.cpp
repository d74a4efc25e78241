#include "core/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

namespace psoas {

namespace {
// write(2) may write less than asked (signals, quotas); a short write without an error is retried.
int writeAll(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t written = ::write(fd, bytes.data(), bytes.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        bytes.remove_prefix(static_cast<std::size_t>(written));
    }
    return 0;
}
}  // namespace

std::string writeFileAtomically(const std::filesystem::path& file, std::string_view bytes) {
    const std::filesystem::path partial = file.string() + ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return std::strerror(errno);
    int error = writeAll(fd, bytes);
    // The data must be on the disk before the rename makes it the file: a power cut between the
    // two would otherwise leave an empty file under the good name. Devices such as /dev/full
    // cannot be synced; that is no reason to keep what was written.
    if (error == 0 && ::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) error = errno;
    if (::close(fd) != 0 && error == 0) error = errno;  // NFS and quotas report late, at close
    std::error_code ec;
    if (error != 0) {
        std::filesystem::remove(partial, ec);
        return std::strerror(error);
    }
    std::filesystem::rename(partial, file, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        return ec.message();
    }
    return {};
}

std::string saveWholeFile(const std::filesystem::path& file, std::string_view bytes) {
    const std::string problem = writeFileAtomically(file, bytes);
    return problem.empty() ? problem : "cannot write " + file.string() + " (" + problem + "); the file on disk is unchanged";
}

}  // namespace psoas
