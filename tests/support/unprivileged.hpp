#pragma once
// Runs a piece of a test as the unprivileged user `nobody` (uid/gid 65534) in a forked child, so
// permission failures (a read-only config folder, an unreadable lesson folder) are real even when
// the suite runs as root, who may write anywhere.

#include <functional>
#include <optional>
#include <string>

namespace psoas::test {

// The text `work` returns in the child, or nullopt when the child could not become nobody or
// died (the reason then goes to the test log). Only as root; elsewhere runs `work` in place,
// since an ordinary user meets the permissions already.
std::optional<std::string> runAsNobody(const std::function<std::string()>& work);

}  // namespace psoas::test
